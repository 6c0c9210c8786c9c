import { type Command, TextSelection } from "@tiptap/pm/state";
import { findItem } from "../model/findItem.js";

/** Moves the item the cursor is in one place up or down its section, keeping the cursor in it. */
export function moveItem(direction: "up" | "down"): Command {
  return (state, dispatch) => {
    const { $from, from } = state.selection;
    const at = findItem($from);
    if (!at) return false;
    const section = $from.node(1);
    const neighbourIndex = direction === "up" ? at.index - 1 : at.index + 1;
    if (neighbourIndex < 0 || neighbourIndex >= section.childCount) return false;
    const neighbour = section.child(neighbourIndex);
    if (neighbour.type !== at.node.type) return false;
    if (dispatch) {
      const offset = from - at.pos;
      const tr = state.tr.delete(at.pos, at.pos + at.node.nodeSize);
      const insertAt =
        direction === "up" ? at.pos - neighbour.nodeSize : at.pos + neighbour.nodeSize;
      tr.insert(insertAt, at.node);
      tr.setSelection(TextSelection.create(tr.doc, insertAt + offset));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
