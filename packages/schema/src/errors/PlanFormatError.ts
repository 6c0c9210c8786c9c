import type { PathSegment } from "./jsonPath.js";

/** One thing wrong with the shape of a plan, and where. */
export interface PlanFormatIssue {
  /** Where the problem is, e.g. `sections.F.provisions[2].frequency.per`; `""` for the whole document. */
  readonly path: string;
  /** The same place as segments, for programs. */
  readonly segments: readonly PathSegment[];
  /** What is wrong, in words a plan writer or integrator can act on. */
  readonly message: string;
}

/** Thrown when input is not a Plan JSON document that this code can read. */
export class PlanFormatError extends Error {
  override readonly name = "PlanFormatError";
  readonly issues: readonly PlanFormatIssue[];

  /** `subject` names what was read when it is not a whole plan: "provision p-3". */
  constructor(issues: readonly PlanFormatIssue[], subject = "plan") {
    const first = issues[0];
    const where = first ? `${first.path || "(top level)"}: ${first.message}` : "invalid";
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(`Invalid ${subject}: ${where}${more}`);
    this.issues = Object.freeze([...issues]);
  }
}
