import type { AnyExtension, Editor, NodeViewRenderer } from "@tiptap/core";
import { ReactNodeViewRenderer } from "@tiptap/react";
import { planExtensions } from "../extensions/planExtensions.js";
import { FIELD_LABELS } from "../views/FIELD_LABELS.js";
import { fieldView } from "../views/fieldView.js";
import { ItemCard } from "../views/ItemCard.js";
import { sectionView } from "../views/sectionView.js";

const CARDS = new Set(["need", "outcome", "provision"]);

/**
 * The plan's nodes with their views: sections with fixed headings, items as cards, fields with
 * labels. Everything else renders as the schema says.
 */
export function planEditorExtensions(): AnyExtension[] {
  return planExtensions().map((extension) => {
    const name = extension.name;
    let view: ((editor: Editor) => NodeViewRenderer) | null = null;
    if (name.startsWith("section")) view = sectionView;
    else if (name in FIELD_LABELS) view = fieldView;
    else if (CARDS.has(name)) view = () => ReactNodeViewRenderer(ItemCard);
    if (!view) return extension;
    const make = view;
    return extension.extend({
      addNodeView() {
        return make((this as unknown as { editor: Editor }).editor);
      },
    });
  });
}
