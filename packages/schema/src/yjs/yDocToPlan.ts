import type * as Y from "yjs";
import { docToPlan } from "../prosemirror/docToPlan.js";
import type { Plan } from "../json/plan.js";
import { PlanFormatError } from "../errors/PlanFormatError.js";
import { PLAN_FRAGMENT_NAME } from "./planToYDoc.js";
import { yFragmentToDoc } from "./yElementToNode.js";

/**
 * Reads the plan held in a Yjs document (see `planToYDoc`). The document is only read: what
 * cannot be read as a plan (an unknown node, mark or attribute) is a `PlanFormatError`, never
 * dropped.
 */
export function yDocToPlan(ydoc: Y.Doc, fragmentName = PLAN_FRAGMENT_NAME): Plan {
  const fragment = ydoc.getXmlFragment(fragmentName);
  if (fragment.length === 0) {
    throw new PlanFormatError([
      {
        path: "",
        segments: [],
        message: `the Yjs document holds no plan in the fragment "${fragmentName}"`,
      },
    ]);
  }
  let doc;
  try {
    doc = yFragmentToDoc(fragment);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new PlanFormatError([{ path: "", segments: [], message: error.message }]);
  }
  return docToPlan(doc);
}
