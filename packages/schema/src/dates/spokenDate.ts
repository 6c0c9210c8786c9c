/** A YYYY-MM-DD date as people write it in a plan: "13 October 2026". */
export function spokenDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
