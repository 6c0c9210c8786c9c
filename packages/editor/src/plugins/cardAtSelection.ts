import { NodeSelection, Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { itemCardViewOf } from "../views/ItemCardView.js";

export const cardAtSelectionKey = new PluginKey("ehcpCardAtSelection");

/** Mounts the card the selection is on or in, if it is a card that waits to be mounted. */
function show(view: EditorView): void {
  const { selection } = view.state;
  if (selection instanceof NodeSelection) itemCardViewOf(view.nodeDOM(selection.from))?.show();
  const { $head } = selection;
  for (let depth = $head.depth; depth >= 2; depth--) {
    const card = itemCardViewOf(view.nodeDOM($head.before(depth)));
    if (card) return card.show();
  }
}

/**
 * Mounts the controls of the card the caret or a node selection goes into, in the same update,
 * for cards that mount only near the screen (`ItemCardView`): a finding link, a search or the
 * keyboard can take the writer to a card far down the plan, and its controls must be there when
 * it is scrolled to and focused.
 */
export function cardAtSelection(): Plugin {
  return new Plugin({
    key: cardAtSelectionKey,
    view(view) {
      show(view);
      return {
        update(current, before) {
          if (!current.state.selection.eq(before.selection) || current.state.doc !== before.doc) {
            show(current);
          }
        },
      };
    },
  });
}
