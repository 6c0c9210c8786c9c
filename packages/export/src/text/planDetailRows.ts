import { type Plan, statutoryDates, formatDate } from "@ehcp/schema";

/** The rows of the title page's table of details, as label and value. */
export function planDetailRows(plan: Plan, councilName: string): [string, string][] {
  const { child, dates, caseworker, signOff } = plan.meta;
  return [
    ["Name", child.fullName],
    ["Known as", child.preferredName],
    ["Date of birth", formatDate(child.dateOfBirth)],
    ["Pronouns", child.pronouns],
    ["Year group", child.yearGroup],
    [
      "Plan status",
      `${plan.meta.status === "draft" ? "Draft" : "Final"}, issue ${plan.meta.issue}`,
    ],
    ["Council", councilName],
    ["Caseworker", [caseworker.name, caseworker.email].filter(Boolean).join(", ")],
    ["Request for assessment received", formatDate(dates.requestReceived)],
    ["Draft issued", formatDate(dates.draftIssued) || "Not yet"],
    ["Final plan issued", formatDate(dates.finalIssued) || "Not yet"],
    ["Next review", formatDate(nextReview(plan)) || "Not yet set"],
    ...(signOff
      ? ([
          ["Signed off by", `${signOff.officerName}, ${signOff.role}, ${formatDate(signOff.date)}`],
        ] as [string, string][])
      : []),
  ];
}

/**
 * The plan's next review: the date the plan records, or else the annual review the law sets from
 * the final plan's date (the date the app shows), so paper and screen say the same.
 */
function nextReview(plan: Plan): string | null {
  const { finalIssued, nextReview: recorded } = plan.meta.dates;
  if (recorded || !finalIssued) return recorded;
  return statutoryDates(plan, finalIssued).find((d) => d.key === "annual-review")?.due ?? null;
}
