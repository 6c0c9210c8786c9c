import { useEffect, useRef } from "react";

/** A problem with one field of a form: the id of the field and what to do about it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * GOV.UK's error summary for a form: "There is a problem" over a link to each field that has one.
 * It takes the focus each time a new list of errors comes (each failed submit), so the errors are
 * read out at once; nothing shows when there are none.
 */
export function ErrorSummary({
  id,
  heading: Heading,
  errors,
}: {
  readonly id: string;
  /** The heading's level, one below the form's own heading. */
  readonly heading: "h3" | "h4";
  readonly errors: readonly FieldError[];
}) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div
      className="govuk-error-summary"
      id={id}
      ref={summary}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
    >
      <div role="alert">
        <Heading className="govuk-error-summary__title" id={`${id}-title`}>
          There is a problem
        </Heading>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.field}>
                <a
                  href={`#${error.field}`}
                  onClick={(event) => {
                    // The app's routes live in the address's hash: go to the field instead.
                    event.preventDefault();
                    document.getElementById(error.field)?.focus();
                  }}
                >
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
