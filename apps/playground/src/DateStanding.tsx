import { spokenDate as spoken, type StatutoryDate } from "@ehcp/schema";

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/**
 * A "where it stands" table cell for a date the law sets: its tag (words as well as colour, from
 * `tags`), then the days left or late; once done, the date it was done on, if `showDone`.
 */
export function DateStanding({
  date,
  tags,
  showDone = false,
}: {
  readonly date: Pick<StatutoryDate, "status" | "done" | "daysLeft">;
  readonly tags: Readonly<Record<StatutoryDate["status"], readonly [string, string]>>;
  readonly showDone?: boolean;
}) {
  const [tag, colour] = tags[date.status];
  return (
    <td className="govuk-table__cell">
      <strong className={`govuk-tag ${colour}`}>{tag}</strong>
      {date.done
        ? showDone
          ? ` ${spoken(date.done)}`
          : ""
        : date.daysLeft >= 0
          ? ` ${days(date.daysLeft)} left`
          : ` ${days(-date.daysLeft)} late`}
    </td>
  );
}
