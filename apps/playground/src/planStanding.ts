import { type Plan, spokenDate as spoken, statutoryDates } from "@ehcp/schema";

/** Where a plan stands on the road the law sets, in words, and whether the family's window is open. */
export interface PlanStanding {
  readonly title: string;
  readonly text: string;
  /** The days left for the family's representations on an issued draft; null when none is open. */
  readonly representationDaysLeft: number | null;
  readonly representationsClose: string | null;
}

export function planStanding(plan: Plan, today: string): PlanStanding {
  const { status, issue, dates, signOff } = plan.meta;
  if (status === "final") {
    return {
      title: "Final plan",
      text: `Final plan (issue ${issue}), issued ${dates.finalIssued ? spoken(dates.finalIssued) : ""}${signOff ? `, signed off by ${signOff.officerName}, ${signOff.role}` : ""}. It is locked: start an amendment draft to change it.`,
      representationDaysLeft: null,
      representationsClose: null,
    };
  }
  if (dates.draftIssued) {
    const close = statutoryDates(plan, today).find((d) => d.key === "representations");
    const left = close?.daysLeft ?? 0;
    return {
      title: "Draft issued to the family",
      text: `Draft (issue ${issue}) issued ${spoken(dates.draftIssued)}. The family's representations close ${close ? spoken(close.due) : ""}: ${left > 0 ? `${left} day${left === 1 ? "" : "s"} left` : "closed"}.`,
      representationDaysLeft: left > 0 ? left : null,
      representationsClose: close?.due ?? null,
    };
  }
  return {
    title: "Draft",
    text: `Draft (issue ${issue}), not yet issued to the family.`,
    representationDaysLeft: null,
    representationsClose: null,
  };
}
