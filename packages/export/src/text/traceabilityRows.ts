import type { QualitySummary } from "@ehcp/quality";

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
  `The plan checker found ${summary.counts.error} errors, ${summary.counts.warning} warnings and ${summary.counts.info} points for information.`;
