import type { Plan } from "@ehcp/schema";
import { formatDate } from "@ehcp/schema";

/**
 * The plan's issue and date for every page's footer, so that pages of different issues cannot be
 * mixed: "Final plan, issue 2, issued 13 March 2027".
 */
export function issueLine(plan: Plan): string {
  const { status, issue, dates } = plan.meta;
  const issued = status === "draft" ? dates.draftIssued : dates.finalIssued;
  return `${status === "draft" ? "Draft" : "Final"} plan, issue ${issue}, ${issued ? `issued ${formatDate(issued)}` : "not yet issued"}`;
}
