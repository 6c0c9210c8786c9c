import { PLAN_FRAGMENT_NAME } from "@ehcp/schema";
import type * as Y from "yjs";

/**
 * Whether a document holds a plan, or anything of one: a name opened and left with nothing
 * written in it (or an advice document's name) holds none, and is no plan to list or to open.
 */
export const holdsPlan = (doc: Y.Doc): boolean => doc.getXmlFragment(PLAN_FRAGMENT_NAME).length > 0;
