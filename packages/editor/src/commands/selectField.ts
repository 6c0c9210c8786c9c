import { type Command, TextSelection } from "@tiptap/pm/state";

/**
 * Selects the words of the field the cursor is in, as Ctrl+A does in a form's box. The plan is
 * one document, so the editor's own select-all would take every section, and typing over it
 * would replace the whole plan, which the plan's structure (and the server) refuse. Outside a
 * field, or with the field's words already selected (Ctrl+A pressed twice, to copy the plan), it
 * declines, and the editor selects everything.
 */
export function selectField(): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection;
    for (let depth = $from.depth; depth > 0; depth--) {
      if ($from.node(depth).type.spec.group !== "field") continue;
      const start = $from.start(depth);
      const end = $from.end(depth);
      const words = TextSelection.between(state.doc.resolve(start), state.doc.resolve(end));
      if ($to.pos > end) return false;
      if (words.from === state.selection.from && words.to === state.selection.to) return false;
      if (dispatch) dispatch(state.tr.setSelection(words));
      return true;
    }
    return false;
  };
}
