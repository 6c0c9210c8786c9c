import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import { lightCardAt } from "../views/LightCardView.js";

export const lightCardSelectionKey = new PluginKey("ehcpLightCardSelection");

/**
 * Reads a selection the browser puts in the words of a card drawn light (a screen reader's
 * caret, a search's match, a click before the card is drawn in full) where it is in those
 * words. ProseMirror, which does not track a light card's insides, would read it as the card's
 * end, and the caret would land in the next card; read here, it goes into this card, which
 * `realCards` then draws in full in the same update.
 */
export function lightCardSelection(): Plugin {
  return new Plugin({
    key: lightCardSelectionKey,
    props: {
      createSelectionBetween(view, $anchor, $head) {
        const range = view.dom.ownerDocument.getSelection();
        if (!range) return null;
        const at = (node: Node | null, offset: number) =>
          (node && lightCardAt(node)?.posAt(node, offset)) ?? null;
        const head = at(range.focusNode, range.focusOffset);
        const anchor = at(range.anchorNode, range.anchorOffset);
        if (head === null && anchor === null) return null;
        const { doc } = view.state;
        return TextSelection.between(
          doc.resolve(anchor ?? $anchor.pos),
          doc.resolve(head ?? $head.pos),
        );
      },
    },
  });
}
