import type { Command } from "@tiptap/pm/state";
import { TextSelection } from "@tiptap/pm/state";
import { findItem, findItemById } from "../model/findItem.js";
import { newStep } from "../model/newItem.js";

/** The month a year after `today`, YYYY-MM. */
const monthAYearOn = (today: Date) =>
  `${today.getFullYear() + 1}-${String(today.getMonth() + 1).padStart(2, "0")}`;

/**
 * Adds a step towards outcome `outcomeId`, or the outcome the cursor is in, after its last step;
 * it is due when the outcome is (or a year on, for an outcome with no date yet), and the cursor
 * goes to its words. Refuses outside an outcome.
 */
export function addStep(outcomeId?: string, today: Date = new Date()): Command {
  return (state, dispatch) => {
    const found = outcomeId ? findItemById(state.doc, outcomeId) : findItem(state.selection.$from);
    if (!found || found.node.type.name !== "outcome") return false;
    const byWhen = (found.node.attrs.byWhen as string | null) ?? monthAYearOn(today);
    const step = newStep(state.schema, byWhen);
    const end = found.pos + found.node.nodeSize - 1;
    if (!found.node.type.validContent(found.node.content.addToEnd(step))) return false;
    if (dispatch) {
      const tr = state.tr.insert(end, step);
      tr.setSelection(TextSelection.create(tr.doc, end + 1));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
