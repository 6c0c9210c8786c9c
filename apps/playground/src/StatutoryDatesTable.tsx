import {
  type AdviceDate,
  type Plan,
  spokenDate as spoken,
  type StatutoryDate,
  statutoryDates,
} from "@ehcp/schema";
import { DateStanding } from "./DateStanding.js";
import { TableHead } from "./TableHead.js";

import { adviceAfterPlanDates } from "./adviceAfterPlanDates.js";
import { AdviceClashWarning } from "./AdviceClashWarning.js";

const TAGS: Readonly<Record<StatutoryDate["status"], [string, string]>> = {
  met: ["Met", "govuk-tag--green"],
  late: ["Done late", "govuk-tag--orange"],
  due: ["Due", "govuk-tag--blue"],
  overdue: ["Overdue", "govuk-tag--red"],
};

/**
 * The dates the law sets for the plan as a GOV.UK table, each with a tag for where it stands.
 * Once the final plan is issued, the end of the family's 15 days on the draft is no longer shown:
 * it was counting down to the final plan. The advice asked for, due six weeks from each request,
 * follows the plan's own dates, with a warning for any due after the draft or the final plan.
 */
export function StatutoryDatesTable({
  plan,
  today,
  advice = [],
}: {
  readonly plan: Plan;
  readonly today: string;
  readonly advice?: readonly AdviceDate[];
}) {
  const dates: readonly (StatutoryDate | AdviceDate)[] = [
    ...statutoryDates(plan, today).filter(
      (d) => d.key !== "representations" || plan.meta.status !== "final",
    ),
    ...advice,
  ];
  return (
    <>
      <table className="govuk-table pg-dates">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Dates the law sets
        </caption>
        <TableHead columns={["Step", "Date", "Where it stands"]} />
        <tbody className="govuk-table__body">
          {dates.map((d) => {
            return (
              <tr key={d.key} className="govuk-table__row">
                <th scope="row" className="govuk-table__header" title={d.source}>
                  {d.label}
                </th>
                <td className="govuk-table__cell">
                  {spoken(d.due)}
                  {d.done ? `, done ${spoken(d.done)}` : ""}
                </td>
                <DateStanding date={d} tags={TAGS} />
              </tr>
            );
          })}
        </tbody>
      </table>
      <AdviceClashWarning
        id="dates-advice-clash"
        clashes={adviceAfterPlanDates(plan, advice, today)}
      />
    </>
  );
}
