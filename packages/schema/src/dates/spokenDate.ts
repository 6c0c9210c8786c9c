import { formatDate } from "./formatDate.js";

/** A YYYY-MM-DD date as people write it in a plan: "13 October 2026" (see `formatDate`). */
export function spokenDate(date: string): string {
  return formatDate(date);
}
