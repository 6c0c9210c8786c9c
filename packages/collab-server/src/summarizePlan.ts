import { PLAN_FRAGMENT_NAME } from "@ehcp/schema";
import * as Y from "yjs";
import type { DocumentSummary } from "./store/DocumentStore.js";

/**
 * What a plan list shows of a plan: the child's name and the plan's status, read from the plan
 * details (the fragment's first element) without converting the plan.
 */
export function summarizePlan(doc: Y.Doc): DocumentSummary {
  const details = doc.getXmlFragment(PLAN_FRAGMENT_NAME).get(0);
  const attrs = details instanceof Y.XmlElement ? details.getAttributes() : {};
  const child = (attrs.child as { fullName?: unknown } | undefined)?.fullName;
  return {
    child: typeof child === "string" ? child : null,
    status: typeof attrs.status === "string" ? attrs.status : null,
  };
}
