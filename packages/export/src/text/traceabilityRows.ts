import type { QualitySummary } from "@ehcp/quality";
import { plural } from "./plural.js";

const BREAKS: Record<string, string> = {
  "no-outcome": "no outcome names this need",
  "no-provision": "no provision meets this need",
  "outcome-without-provision": "an outcome has no provision",
};

/** The appendix's traceability table in words: need, outcomes, provision, where the thread breaks. */
export function traceabilityRows(summary: QualitySummary): [string, string, string, string][] {
  return summary.traceability.map((row) => [
    `${row.need.label}: ${row.need.title}`,
    row.outcomes.map((o) => o.label).join(", ") || "None",
    [
      ...new Set([
        ...row.outcomes.flatMap((o) => o.provisions.map((p) => p.label)),
        ...row.directProvisions.map((p) => p.label),
      ]),
    ].join(", ") || "None",
    row.breaks.map((b) => BREAKS[b] ?? b).join("; ") || "Unbroken",
  ]);
}

export const TRACEABILITY_HEADER = [
  "Need",
  "Outcomes",
  "Provision",
  "Where the thread breaks",
] as const;

export const findingsSentence = (summary: QualitySummary): string =>
  `The plan checker found ${plural(summary.counts.error, "error")}, ${plural(summary.counts.warning, "warning")} and ${plural(summary.counts.info, "point")} for information.`;
