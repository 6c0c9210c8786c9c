import { type ReactNode, useEffect, useRef } from "react";

/**
 * A question asked before a step the law counts from (issuing a draft starts the family's 15
 * days): it takes the focus when it appears, so a keyboard or screen reader user meets it at once,
 * and says plainly what the step will do before either button is pressed.
 */
export function ConfirmStep({
  id,
  question,
  warning,
  yes,
  onYes,
  onCancel,
}: {
  readonly id: string;
  readonly question: string;
  readonly warning: ReactNode;
  readonly yes: string;
  readonly onYes: () => void;
  readonly onCancel: () => void;
}) {
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => group.current?.focus(), []);
  return (
    <div
      className="pg-confirm"
      ref={group}
      tabIndex={-1}
      role="group"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-warning`}
    >
      <h3 id={`${id}-heading`} className="govuk-heading-s">
        {question}
      </h3>
      <div className="govuk-warning-text" id={`${id}-warning`}>
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          {warning}
        </strong>
      </div>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
