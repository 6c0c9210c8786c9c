import { checkIntegrity, type Finding, type Plan } from "@ehcp/schema";
import type { ExportOptions } from "./ExportOptions.js";
import { PlanIntegrityError } from "./PlanIntegrityError.js";

/**
 * The integrity problems a document of `plan` must own up to on its title page: none for a sound
 * plan. A plan with problems throws a `PlanIntegrityError` unless `allowFindings` asks for a draft
 * copy anyway.
 */
export function integrityFindings(plan: Plan, options: ExportOptions): readonly Finding[] {
  const findings = checkIntegrity(plan);
  if (findings.length > 0 && !options.allowFindings) throw new PlanIntegrityError(findings);
  return findings;
}
