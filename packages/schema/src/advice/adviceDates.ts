import { ADVISER_ROLE_NAMES, type AdviceRequest } from "./adviceRequest.js";

/** When a piece of advice asked for is due, and where it stands, as of a given day. */
export interface AdviceDate {
  /** `advice:<request id>`, apart from every key of `statutoryDates`. */
  readonly key: `advice:${string}`;
  readonly requestId: string;
  /** "Advice from Dr Ana Ruiz, educational psychologist". */
  readonly label: string;
  /** YYYY-MM-DD: six weeks from the request. */
  readonly due: string;
  /** The day it was submitted, once it was. */
  readonly done: string | null;
  /** `met` or `late` once submitted; otherwise `due` (still to come) or `overdue`. */
  readonly status: "met" | "late" | "due" | "overdue";
  /** Days from today to the due date: negative once it has passed. */
  readonly daysLeft: number;
  readonly source: string;
}

const DAY = 86_400_000;
const parse = (date: string) => Date.parse(`${date}T00:00:00Z`);

/**
 * The due date of each request for advice, and whether it was met or is late as of `today`
 * (YYYY-MM-DD), in the shape of `statutoryDates`, so a plan's dates and a caseload list show
 * them beside the dates the law sets for the plan itself. A withdrawn request is due nothing and
 * has no date.
 */
export function adviceDates(requests: readonly AdviceRequest[], today: string): AdviceDate[] {
  return requests.flatMap((request) => {
    if (request.withdrawn) return [];
    const { due, submittedOn: done } = request;
    const date: AdviceDate = {
      key: `advice:${request.id}`,
      requestId: request.id,
      label: `Advice from ${request.adviser.name}, ${ADVISER_ROLE_NAMES[request.adviser.role]}`,
      due,
      done,
      status: done ? (done <= due ? "met" : "late") : today <= due ? "due" : "overdue",
      daysLeft: Math.round((parse(due) - parse(today)) / DAY),
      source: "SEND Regulations 2014 reg 8(1)",
    };
    return [date];
  });
}
