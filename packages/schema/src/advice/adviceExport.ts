import { z } from "zod";
import { describeZodIssue } from "../errors/describeZodIssue.js";
import { PlanFormatError, type PlanFormatIssue } from "../errors/PlanFormatError.js";
import { checkDepth } from "../json/checkDepth.js";
import { formatJsonPath } from "../errors/jsonPath.js";
import { parsePlan } from "../json/parsePlan.js";
import { type Plan, PlanSchema } from "../json/plan.js";
import { ADVISER_ROLES } from "./adviceRequest.js";

/** The value of `format` in every advice export. */
export const ADVICE_EXPORT_FORMAT = "ehcp-advice";
/** The version of the advice export's wrapper; the advice inside says its own Plan JSON version. */
export const ADVICE_EXPORT_VERSION = 1;

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");

/**
 * What was asked and what was given, as it stands in one submitted version: the request (whom,
 * in what role, when asked and by when) and the submission, without the sign-in ids the server
 * keeps, which mean nothing outside it.
 */
export const AdviceExportRequestSchema = z.strictObject({
  /** The request's id in the plan, which a plan item's source names. */
  id: z.string().min(1),
  adviser: z.strictObject({
    name: z.string().min(1),
    role: z.enum(ADVISER_ROLES),
  }),
  /** The day the advice was asked for. */
  requestedOn: DAY,
  /** Six weeks from the request (SEND Regulations 2014 reg 8(1)). */
  due: DAY,
  /** The day this version was submitted. */
  submittedOn: DAY,
  /** The submitted version: the server's id for it, and its number (1 for the first, 2 for the
   * first revision…). */
  version: z.strictObject({ id: z.string().min(1), number: z.int().min(1) }),
  /** The adviser's reason for submitting advice the checker found errors in; null if none. */
  reason: z.string().nullable(),
});

/** The shape of an advice export as its JSON Schema describes it (`adviceJsonSchema`). */
export const AdviceExportSchema = z.strictObject({
  format: z.literal(ADVICE_EXPORT_FORMAT),
  formatVersion: z.literal(ADVICE_EXPORT_VERSION),
  /** The plan the advice was given for. */
  planId: z.string().min(1),
  request: AdviceExportRequestSchema,
  /** The advice itself, a document written with the plan's blocks (see `ADVICE_SECTIONS`). */
  advice: PlanSchema,
});

/** A submitted piece of advice with its request, as exported and as the PDF and DOCX take it. */
export type AdviceExport = Omit<z.infer<typeof AdviceExportSchema>, "advice"> & {
  readonly advice: Plan;
};

// The wrapper is checked apart from the advice, which `parsePlan` reads (and migrates) itself.
const WrapperSchema = AdviceExportSchema.extend({ advice: z.unknown() });

/**
 * Reads an advice export: checks the wrapper, then the advice as Plan JSON of any version it
 * may say. Throws a `PlanFormatError` naming each place that is wrong, from the export's top
 * (`request.due`, `advice.sections.F.provisions[0].frequency`).
 */
export function parseAdviceExport(input: unknown): AdviceExport {
  const tooDeep = checkDepth(input);
  if (tooDeep) throw new PlanFormatError([tooDeep], "advice export");
  const wrapper = WrapperSchema.safeParse(input);
  if (!wrapper.success) {
    throw new PlanFormatError(
      wrapper.error.issues.flatMap((issue) => describeZodIssue(issue, input)),
      "advice export",
    );
  }
  let advice: Plan;
  try {
    advice = parsePlan(wrapper.data.advice);
  } catch (error) {
    if (!(error instanceof PlanFormatError)) throw error;
    const issues: PlanFormatIssue[] = error.issues.map((issue) => {
      const segments = ["advice", ...issue.segments];
      return { ...issue, segments, path: formatJsonPath(segments) };
    });
    throw new PlanFormatError(issues, "advice export");
  }
  return { ...wrapper.data, advice };
}
