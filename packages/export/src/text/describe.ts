import {
  type Duration,
  type Frequency,
  PERIOD_NAMES,
  type Provision,
  formatDate,
} from "@ehcp/schema";

/** "6 sessions of 45 minutes each half-term"; "1 session of 15 minutes each day". */
export function describeFrequency(f: Frequency | null): string {
  if (!f) return "";
  const sessions = f.sessions === 1 ? "1 session" : `${f.sessions} sessions`;
  return `${sessions} of ${f.minutes} minutes each ${PERIOD_NAMES[f.per]}`;
}

/** How often, from the frequency and the hours a week, or "Not stated". */
export function describeHowOften(p: Pick<Provision, "frequency" | "hoursPerWeek">): string {
  const parts = [describeFrequency(p.frequency)];
  if (p.hoursPerWeek !== null)
    parts.push(`${p.hoursPerWeek} ${p.hoursPerWeek === 1 ? "hour" : "hours"} a week`);
  return parts.filter(Boolean).join("; ") || "Not stated";
}

export function describeDuration(d: Duration | null): string {
  if (d === null) return "Not stated";
  if (d === "until next review") return "Until the next review";
  return `From ${formatDate(d.from)} to ${formatDate(d.until)}`;
}
