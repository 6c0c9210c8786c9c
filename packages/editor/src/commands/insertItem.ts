import type { SectionKey } from "@ehcp/schema";
import { Fragment, type Node as PMNode } from "@tiptap/pm/model";
import { type Command, NodeSelection, TextSelection } from "@tiptap/pm/state";
import { findItem } from "../model/findItem.js";
import { findSection } from "../model/findSection.js";
import { firstTextPos } from "../model/firstTextPos.js";

/**
 * Inserts an item into a section: after the item the cursor is in when that is in the same
 * section, otherwise after the section's last item of that type; then puts the cursor where the
 * item's text begins, so the writer types straight on (or selects an item that has no text). Refuses where the section cannot take it.
 */
export function insertItem(section: SectionKey, make: () => PMNode): Command {
  return (state, dispatch) => {
    const target = findSection(state.doc, section);
    const item = make();
    const at = findItem(state.selection.$from);
    let index = 0;
    target.node.forEach((child, _offset, i) => {
      if (child.type === item.type || (index === i && child.type.name === "needsSummary")) {
        index = i + 1;
      }
    });
    if (at && at.section === section && at.node.type === item.type) index = at.index + 1;
    if (!target.node.canReplace(index, index, Fragment.from(item))) return false;
    if (dispatch) {
      let pos = target.pos + 1;
      for (let i = 0; i < index; i++) pos += target.node.child(i).nodeSize;
      const tr = state.tr.insert(pos, item);
      // An item without text (a piece of advice) is selected whole; its card takes the details.
      tr.setSelection(
        item.isAtom
          ? NodeSelection.create(tr.doc, pos)
          : TextSelection.create(tr.doc, firstTextPos(item, pos)),
      );
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
