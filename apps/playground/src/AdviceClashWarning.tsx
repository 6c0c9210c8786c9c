import type { AdviceClash } from "./adviceAfterPlanDates.js";

/** GOV.UK's warning text for advice due after a date the plan must meet, each with its dates. */
export function AdviceClashWarning({
  clashes,
  id,
}: {
  readonly clashes: readonly AdviceClash[];
  readonly id: string;
}) {
  if (clashes.length === 0) return null;
  return (
    <div className="govuk-warning-text pg-advice-clash" id={id}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
          Advice due after the plan must be issued: ask for it sooner, or agree an earlier date.
        </p>
        <ul className="govuk-list">
          {clashes.map((clash) => (
            <li key={clash.requestId}>{clash.text}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
