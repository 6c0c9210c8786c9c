import { type AdviceDate, type Plan, spokenDate as spoken, statutoryDates } from "@ehcp/schema";

/** A piece of advice due after a date the plan must meet, in words naming both dates. */
export interface AdviceClash {
  readonly requestId: string;
  readonly text: string;
}

/**
 * The advice asked for that is due after the date the draft plan or the final plan must be
 * issued by (the 16 and 20 weeks from the request; SEND Regulations 2014 reg 13(2)): the plan
 * would then wait on it, or go out without it. Advice already given, and a date already met,
 * are past worrying about.
 */
export function adviceAfterPlanDates(
  plan: Plan,
  advice: readonly AdviceDate[],
  today: string,
): AdviceClash[] {
  const steps = statutoryDates(plan, today).filter(
    (d) => (d.key === "draft" || d.key === "final") && !d.done,
  );
  return advice.flatMap((a) => {
    if (a.done) return [];
    const later = steps.filter((step) => a.due > step.due);
    if (later.length === 0) return [];
    const named = later
      .map(
        (step) =>
          `the date the ${step.key === "draft" ? "draft" : "final"} plan must be issued by, ${spoken(step.due)}`,
      )
      .join(", and ");
    return [
      {
        requestId: a.requestId,
        text: `${a.label}, is due ${spoken(a.due)}: later than ${named}.`,
      },
    ];
  });
}
