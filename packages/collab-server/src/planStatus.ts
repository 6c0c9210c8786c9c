import { PLAN_FRAGMENT_NAME } from "@ehcp/schema";
import * as Y from "yjs";

/** Where a plan stands on the road from draft to final, read from its plan details. */
export interface PlanStatus {
  readonly status: "draft" | "final";
  readonly issue: number;
  readonly draftIssued: string | null;
  readonly finalIssued: string | null;
}

/** The plan details element of a shared plan: the fragment's first child. */
export function planDetailsOf(doc: Y.Doc): Y.XmlElement | null {
  const first = doc.getXmlFragment(PLAN_FRAGMENT_NAME).get(0);
  return first instanceof Y.XmlElement && first.nodeName === "planDetails" ? first : null;
}

/** The plan's status, issue and issue dates; null for an empty document. */
export function planStatus(doc: Y.Doc): PlanStatus | null {
  const details = planDetailsOf(doc);
  if (!details) return null;
  // Read on every update a client sends: three attributes, not all of the plan's details.
  const read = (name: string): unknown => details.getAttribute(name);
  const dates = (read("dates") ?? {}) as { draftIssued?: unknown; finalIssued?: unknown };
  const issue = read("issue");
  return {
    status: read("status") === "final" ? "final" : "draft",
    issue: typeof issue === "number" ? issue : 1,
    draftIssued: typeof dates.draftIssued === "string" ? dates.draftIssued : null,
    finalIssued: typeof dates.finalIssued === "string" ? dates.finalIssued : null,
  };
}

/**
 * Why an edit to these parts must wait, if it must: a final plan is locked until an amendment
 * draft is started, and a first draft names no school (section I) until it has been issued.
 */
export function lifecycleRefusal(doc: Y.Doc, parts: ReadonlySet<string>): string | null {
  return parts.size === 0 ? null : lifecycleRefusalOf(planStatus(doc), parts);
}

/** `lifecycleRefusal` for a plan whose status has been read already. */
export function lifecycleRefusalOf(
  status: PlanStatus | null,
  parts: ReadonlySet<string>,
): string | null {
  // An update that changes no part of the plan is no edit: above all the answer an editor gives
  // the server's sync when it has nothing new. Refused, every editor that opens a final plan
  // would be sent to a fresh copy, whose own sync would be refused again, over and over.
  if (parts.size === 0 || !status) return null;
  if (status.status === "final") {
    return "the final plan is locked: a caseworker starts an amendment draft to change it";
  }
  if (parts.has("I") && status.issue === 1 && status.draftIssued === null) {
    return "a draft plan names no school or setting (Children and Families Act 2014 s.38(5)): section I is filled in once the draft has been issued";
  }
  return null;
}
