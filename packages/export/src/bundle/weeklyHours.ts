import { type Provision, PERIOD_NAMES } from "@ehcp/schema";
import { describeFrequency } from "../text/describe.js";

/** The hours a week a provision adds, or why they cannot be added up. */
export type WeeklyHours =
  | { readonly minutes: number; readonly how: string }
  | { readonly minutes: null; readonly why: string };

/** School days in a week, for provision given each day. */
const SCHOOL_DAYS = 5;

/**
 * The minutes a week a provision adds: its stated hours a week, or its sessions when they are
 * counted by the day (five school days), the week or the fortnight (half). Provision given each
 * half-term, term or year has no honest weekly figure: the weeks in a term differ.
 */
export function weeklyHours(p: Pick<Provision, "frequency" | "hoursPerWeek">): WeeklyHours {
  if (p.hoursPerWeek !== null)
    return { minutes: Math.round(p.hoursPerWeek * 60), how: "as the plan states" };
  const f = p.frequency;
  if (!f) return { minutes: null, why: "the plan does not say how often" };
  const each = f.sessions * f.minutes;
  switch (f.per) {
    case "week":
      return { minutes: each, how: describeFrequency(f) };
    case "day":
      return { minutes: each * SCHOOL_DAYS, how: `${describeFrequency(f)}, 5 school days a week` };
    case "fortnight":
      return {
        minutes: Math.round(each / 2),
        how: `${describeFrequency(f)}, half of it each week`,
      };
    default:
      return {
        minutes: null,
        why: `it is given each ${PERIOD_NAMES[f.per]}, not each week (${describeFrequency(f)})`,
      };
  }
}

/** 150 → "2 hours 30 minutes"; 45 → "45 minutes"; 0 → "no time". */
export function formatMinutes(total: number): string {
  if (total === 0) return "no time";
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return [
    hours ? `${hours} ${hours === 1 ? "hour" : "hours"}` : "",
    minutes ? `${minutes} ${minutes === 1 ? "minute" : "minutes"}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}
