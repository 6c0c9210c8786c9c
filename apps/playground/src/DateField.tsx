import type { DateParts } from "./readDateParts.js";

/**
 * GOV.UK's date input: day, month and year in a fieldset with its legend, hint and error. Its
 * parts' ids are `${id}-day`, `${id}-month` and `${id}-year`, so an error summary links to the
 * first. `announce` makes the error an alert, for a form with no error summary to say it.
 */
export function DateField({
  id,
  legend,
  hint,
  error,
  announce = false,
  value,
  onChange,
}: {
  readonly id: string;
  readonly legend: string;
  readonly hint: string;
  readonly error: string | null;
  readonly announce?: boolean;
  readonly value: DateParts;
  readonly onChange: (next: DateParts) => void;
}) {
  const describedBy = `${id}-hint${error ? ` ${id}-error` : ""}`;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
        {error ? (
          <p
            className="govuk-error-message"
            id={`${id}-error`}
            role={announce ? "alert" : undefined}
          >
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input">
          {(
            [
              ["day", "Day", 2],
              ["month", "Month", 2],
              ["year", "Year", 4],
            ] as const
          ).map(([part, label, width]) => (
            <div key={part} className="govuk-date-input__item">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {label}
                </label>
                <input
                  id={`${id}-${part}`}
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
                  inputMode="numeric"
                  value={value[part]}
                  onChange={(e) => onChange({ ...value, [part]: e.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
