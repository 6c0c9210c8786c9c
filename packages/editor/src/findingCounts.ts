import type { Finding } from "@ehcp/schema";
import { SEVERITY_NAMES } from "./SEVERITY_NAMES.js";

/** How many findings there are of each severity, as the checker's summary counts them. */
export type SeverityCounts = Readonly<Record<Finding["severity"], number>>;

const ORDER: readonly Finding["severity"][] = ["error", "warning", "info"];

/**
 * Findings counted in the one wording the app and the editor share, those that block the final
 * plan first, in sentence case: "2 must fix, 1 to check", or "No findings". Severities with none
 * are left out; the severity's words need no plural ("1 must fix", "3 must fix").
 */
export function findingCounts(findings: readonly Finding[] | SeverityCounts): string {
  const counts: SeverityCounts = Array.isArray(findings)
    ? {
        error: findings.filter((f) => f.severity === "error").length,
        warning: findings.filter((f) => f.severity === "warning").length,
        info: findings.filter((f) => f.severity === "info").length,
      }
    : (findings as SeverityCounts);
  const words = ORDER.filter((severity) => counts[severity] > 0).map(
    (severity) => `${counts[severity]} ${SEVERITY_NAMES[severity].toLowerCase()}`,
  );
  return words.length === 0 ? "No findings" : words.join(", ");
}
