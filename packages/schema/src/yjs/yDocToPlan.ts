import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { docToPlan } from "../prosemirror/docToPlan.js";
import type { Plan } from "../json/plan.js";
import { PlanFormatError } from "../errors/PlanFormatError.js";
import { planSchema } from "../prosemirror/planSchema.js";
import { PLAN_FRAGMENT_NAME } from "./planToYDoc.js";

/** Reads the plan held in a Yjs document (see `planToYDoc`). */
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
  return docToPlan(yXmlFragmentToProseMirrorRootNode(fragment, planSchema));
}
