import { checkDepth } from "./checkDepth.js";
import { describeZodIssue } from "../errors/describeZodIssue.js";
import { type Plan, PlanSchema } from "./plan.js";
import { migratePlan } from "./migratePlan.js";
import { normalizePlan } from "./normalizePlan.js";
import { PlanFormatError, type PlanFormatIssue } from "../errors/PlanFormatError.js";

export type SafeParsePlanResult =
  | { readonly success: true; readonly plan: Plan }
  | { readonly success: false; readonly error: PlanFormatError };

/**
 * Reads a Plan JSON document of any known format version: checks its shape, migrates it to the
 * current version and returns it in normal form. Throws a `PlanFormatError` that names each
 * place the document is wrong. Broken links and repeated ids are not shape errors: the plan is
 * still read so it can be put right, and `checkIntegrity` reports them.
 */
export function parsePlan(input: unknown): Plan {
  const tooDeep = checkDepth(input);
  if (tooDeep) throw new PlanFormatError([tooDeep]);
  const migrated = migratePlan(input);
  const result = PlanSchema.safeParse(migrated);
  if (!result.success) {
    const issues: PlanFormatIssue[] = result.error.issues.flatMap((issue) =>
      describeZodIssue(issue, migrated),
    );
    throw new PlanFormatError(issues);
  }
  return normalizePlan(result.data);
}

/** Like `parsePlan`, but returns the error instead of throwing it. */
export function safeParsePlan(input: unknown): SafeParsePlanResult {
  try {
    return { success: true, plan: parsePlan(input) };
  } catch (error) {
    if (error instanceof PlanFormatError) return { success: false, error };
    throw error;
  }
}
