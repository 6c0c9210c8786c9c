import { type Plan, spokenDate as spoken, type StatutoryDate, statutoryDates } from "@ehcp/schema";

const STATUS: Record<StatutoryDate["status"], string> = {
  met: "done in time",
  late: "done late",
  due: "to come",
  overdue: "late",
};

function when(date: StatutoryDate): string {
  if (date.done) return `${spoken(date.done)}, ${STATUS[date.status]}`;
  if (date.daysLeft === 0) return "today";
  return date.daysLeft > 0
    ? `${date.daysLeft} day${date.daysLeft === 1 ? "" : "s"} left`
    : `${-date.daysLeft} day${date.daysLeft === -1 ? "" : "s"} late`;
}

/** On a final plan, the dates that still matter: when it was issued, and what comes next. */
const AFTER_FINAL: ReadonlySet<StatutoryDate["key"]> = new Set([
  "final",
  "annual-review",
  "phase-transfer",
]);

/**
 * The dates the law sets for this plan (see `statutoryDates`), for the plan's header: each with
 * its due date and how it stands, the late ones marked in words as well as colour. On a final
 * plan, the final plan's own date and those to come; the family's 15 days on the draft, which the
 * final plan closed, are never counted down.
 */
export function PlanDates({ plan, today }: { readonly plan: Plan; readonly today: string }) {
  const final = plan.meta.status === "final";
  const dates = statutoryDates(plan, today).filter((date) => !final || AFTER_FINAL.has(date.key));
  return (
    <section className="ehcp-dates" aria-labelledby="ehcp-dates-heading">
      <h2 id="ehcp-dates-heading">Dates</h2>
      <ul>
        {dates.map((date) => (
          <li key={date.key} data-status={date.status}>
            <strong>{date.label}:</strong> {spoken(date.due)} ({when(date)})
          </li>
        ))}
      </ul>
    </section>
  );
}
