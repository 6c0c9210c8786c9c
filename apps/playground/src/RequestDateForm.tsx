import { type FormEvent, useEffect, useState } from "react";
import { ApiError, changeRequestReceived, type Session } from "./api.js";
import { DateField } from "./DateField.js";
import { ErrorSummary, type FieldError } from "./ErrorSummary.js";
import { partsOf, readDateParts } from "./readDateParts.js";
import { sentenceCase } from "./sentenceCase.js";

/**
 * The day the request for assessment was received, changed from the summary list: the statutory
 * dates count from it, so the server sets it (and refuses a day after the draft was issued, or
 * on a final plan) and everyone on the plan sees every date move with it.
 */
export function RequestDateForm({
  session,
  id,
  requestReceived,
  today,
  onDone,
}: {
  readonly session: Session;
  readonly id: string;
  readonly requestReceived: string;
  readonly today: string;
  /** Called when the day is saved or the change cancelled. */
  readonly onDone: () => void;
}) {
  const [value, setValue] = useState(() => partsOf(requestReceived));
  // A new list on each failed save, so the summary takes the focus each time.
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => document.getElementById("detail-request-day")?.focus(), []);
  const fail = (message: string) => setErrors([{ field: "detail-request-day", message }]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const read = readDateParts(value, "the date the request was received", today);
    if ("problem" in read) return fail(read.problem);
    setBusy(true);
    try {
      await changeRequestReceived(session, id, read.date);
      onDone();
    } catch (e) {
      fail(
        e instanceof ApiError
          ? sentenceCase(e.message.replace(/^date: /, ""))
          : "The server could not be reached: the date was not changed. Try again.",
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(event) => void save(event)}
      aria-labelledby="request-form-heading"
      className="pg-details-form"
    >
      <h3 id="request-form-heading" className="govuk-heading-s">
        Change the date the request was received
      </h3>
      <ErrorSummary id="request-errors" heading="h4" errors={errors} />
      <DateField
        id="detail-request"
        legend="Request for assessment received"
        hint="The 20 weeks to the final plan, and every date before it, count from this day. For example, 2 6 2026."
        error={errors[0]?.message ?? null}
        value={value}
        onChange={setValue}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy}>
          Save the date
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
