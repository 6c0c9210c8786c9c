import { useEffect, useId, useState } from "react";
import { Choice } from "./Choice.js";

/** A provision's "how long", as Plan JSON holds it. */
export type Duration = { readonly from: string; readonly until: string } | "until next review";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The same day a year on, for the end date offered when dates are first chosen. */
const yearAfter = (date: string) =>
  `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`.replace(/-02-29$/, "-02-28");

/** Why two typed dates cannot be saved, or null when they can. */
const problemWith = (from: string, until: string): string | null =>
  !ISO_DATE.test(from) || !ISO_DATE.test(until)
    ? "Give both dates to save them."
    : until < from
      ? "The end date is before the start date: it is not saved."
      : null;

/**
 * "How long": not set, until the next review, or between two dates. The dates are held here while
 * they are typed and stored only when both are whole dates and the end is not before the start,
 * so a half-typed date never reaches the plan (or the server, which would refuse it).
 */
export function DurationControl({
  value,
  disabled,
  onChange,
}: {
  readonly value: Duration | null;
  readonly disabled: boolean;
  readonly onChange: (next: Duration | null) => void;
}) {
  const dated = value !== null && typeof value === "object" ? value : null;
  const [from, setFrom] = useState(dated?.from ?? "");
  const [until, setUntil] = useState(dated?.until ?? "");
  // Another writer's change, or undo, replaces what was typed here.
  useEffect(() => {
    setFrom(dated?.from ?? "");
    setUntil(dated?.until ?? "");
  }, [dated?.from, dated?.until]);
  const problemId = useId();
  const problem = dated ? problemWith(from, until) : null;
  const setDates = (nextFrom: string, nextUntil: string) => {
    setFrom(nextFrom);
    setUntil(nextUntil);
    if (problemWith(nextFrom, nextUntil) === null) onChange({ from: nextFrom, until: nextUntil });
  };
  return (
    <fieldset className="ehcp-duration" disabled={disabled}>
      <legend>How long</legend>
      <Choice
        hidden
        label="How long"
        value={value === "until next review" ? "review" : dated ? "dates" : ""}
        onChange={(event) => {
          const choice = event.target.value;
          if (choice === "dates") {
            const start = ISO_DATE.test(from) ? from : new Date().toISOString().slice(0, 10);
            onChange({ from: start, until: ISO_DATE.test(until) ? until : yearAfter(start) });
          } else onChange(choice === "review" ? "until next review" : null);
        }}
      >
        <option value="">Not set</option>
        <option value="review">Until the next review</option>
        <option value="dates">Between two dates</option>
      </Choice>
      {dated ? (
        <>
          {" "}
          <label>
            from{" "}
            <input
              type="date"
              value={from}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => setDates(event.target.value, until)}
            />
          </label>{" "}
          <label>
            until{" "}
            <input
              type="date"
              value={until}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => setDates(from, event.target.value)}
            />
          </label>
          {problem ? (
            <span id={problemId} role="alert" className="ehcp-control-problem">
              {problem}
            </span>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
