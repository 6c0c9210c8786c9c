/** A date as a GOV.UK date input holds it: day, month and year as typed. */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

/** Today's date (YYYY-MM-DD, UTC, as the server dates things) as a date input's parts. */
export const todayParts = (today: string): DateParts => ({
  day: String(Number(today.slice(8, 10))),
  month: String(Number(today.slice(5, 7))),
  year: today.slice(0, 4),
});

/** The parts of a stored date (YYYY-MM-DD), as a date input shows them. */
export const partsOf = (iso: string): DateParts => todayParts(iso);

/**
 * A typed date read as YYYY-MM-DD, or what is wrong with it in GOV.UK's words, for the date
 * named (`what`: "the date the request was received"). Not in the future when `notAfter` is
 * given (YYYY-MM-DD, usually today).
 */
export function readDateParts(
  parts: DateParts,
  what: string,
  notAfter?: string,
): { readonly date: string } | { readonly problem: string } {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  const capital = what.charAt(0).toUpperCase() + what.slice(1);
  if (!day && !month && !year) return { problem: `Enter ${what}` };
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean);
  if (missing.length > 0) return { problem: `${capital} must include a ${missing.join(" and ")}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { problem: `${capital} must be a real date` };
  }
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    return { problem: `${capital} must be a real date` };
  }
  if (notAfter && date > notAfter) return { problem: `${capital} must be today or in the past` };
  return { date };
}
