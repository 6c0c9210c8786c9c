import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { Plan } from "../json/plan.js";
import { planToDoc } from "../prosemirror/planToDoc.js";

/** The name of the Y.XmlFragment that holds the plan, as Tiptap's Collaboration extension expects. */
export const PLAN_FRAGMENT_NAME = "default";

/**
 * Writes a plan into a Yjs document, ready to be shared. Use it when a plan is created or imported,
 * once: writing the same plan again into a shared document would duplicate it, since each peer's
 * write is a separate insertion. Pass an existing empty `Y.Doc` to fill it, or get a new one.
 */
export function planToYDoc(
  plan: Plan,
  ydoc: Y.Doc = new Y.Doc(),
  fragmentName = PLAN_FRAGMENT_NAME,
): Y.Doc {
  const fragment = ydoc.getXmlFragment(fragmentName);
  if (fragment.length > 0) {
    throw new RangeError(
      `the Yjs fragment "${fragmentName}" already holds a document; write a plan only into an empty one`,
    );
  }
  ydoc.transact(() => {
    prosemirrorToYXmlFragment(planToDoc(plan), fragment);
  });
  return ydoc;
}
