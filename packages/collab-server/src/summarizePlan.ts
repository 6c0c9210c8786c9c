import { checkPlan, type PlanChecker } from "@ehcp/quality";
import {
  adviceDates,
  PLAN_FRAGMENT_NAME,
  readAdviceRequests,
  type Severity,
  statutoryDates,
  yDocToPlan,
} from "@ehcp/schema";
import * as Y from "yjs";
import type { DocumentSummary } from "./store/DocumentStore.js";

/** A date the law sets for the plan, as it stood when the summary was made. */
export interface SummaryDate {
  readonly key: string;
  readonly label: string;
  /** YYYY-MM-DD. */
  readonly due: string;
  /** The day it was done, when it was. */
  readonly done: string | null;
}

/**
 * What a caseload list shows of a plan, kept beside it each time it is stored so that listing
 * plans reads no plan: the child, the status and issue, the dates the law sets (how late each is
 * depends on the day the list is read, so the list works that out), and the checker's findings
 * counted by severity. The due date of each piece of advice asked for is one of the dates.
 */
export interface PlanListSummary extends DocumentSummary {
  readonly issue: number | null;
  readonly draftIssued: string | null;
  readonly dates: readonly SummaryDate[];
  readonly findings: Readonly<Record<Severity, number>> | null;
}

/**
 * The child and the status of a plan's Yjs document, read from the plan details (the fragment's
 * first element) alone: what a list names a plan by, cheap enough to read on every store.
 */
export function summaryHead(doc: Y.Doc): DocumentSummary {
  const details = doc.getXmlFragment(PLAN_FRAGMENT_NAME).get(0);
  const attrs = details instanceof Y.XmlElement ? details.getAttributes() : {};
  const child = (attrs.child as { fullName?: unknown } | undefined)?.fullName;
  return {
    child: typeof child === "string" ? child : null,
    status: typeof attrs.status === "string" ? attrs.status : null,
  };
}

/**
 * Summarizes a plan's Yjs document. The child and status come from the plan details (the
 * fragment's first element); the dates and findings from the plan read whole, and are null and
 * empty when it cannot be read (the list still names the plan).
 */
export function summarizePlan(
  doc: Y.Doc,
  today = new Date().toISOString().slice(0, 10),
  /** A checker that remembers the plan's fields, for a plan summarized again and again. */
  checker: PlanChecker = { check: checkPlan },
): PlanListSummary {
  const base = summaryHead(doc);
  let plan;
  try {
    plan = yDocToPlan(doc);
  } catch {
    return { ...base, issue: null, draftIssued: null, dates: [], findings: null };
  }
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of checker.check(plan, { today })) findings[finding.severity] += 1;
  return {
    ...base,
    issue: plan.meta.issue,
    draftIssued: plan.meta.dates.draftIssued,
    // The advice asked for is due six weeks from each request (reg 8): beside the plan's own
    // dates, so a late adviser shows on the caseload as a late step does.
    dates: [...statutoryDates(plan, today), ...adviceDates(readAdviceRequests(doc), today)].map(
      ({ key, label, due, done }) => ({ key, label, due, done }),
    ),
    findings,
  };
}
