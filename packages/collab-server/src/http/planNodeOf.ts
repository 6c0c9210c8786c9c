import { PLAN_FRAGMENT_NAME, yFragmentToDoc } from "@ehcp/schema";
import type * as Y from "yjs";
import { HttpError } from "./HttpError.js";

/**
 * The live plan as a ProseMirror document, read without changing it (y-prosemirror's reader
 * deletes what it cannot read, from everyone's copy). What cannot be read is a 409 naming it,
 * not a plan with words missing.
 */
export function planNodeOf(doc: Y.Doc): ReturnType<typeof yFragmentToDoc> {
  try {
    return yFragmentToDoc(doc.getXmlFragment(PLAN_FRAGMENT_NAME));
  } catch (error) {
    if (error instanceof RangeError) {
      throw new HttpError(409, `the plan cannot be read: ${error.message}`);
    }
    throw error;
  }
}
