import type { AnyExtension, Editor, NodeViewRenderer } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { Decoration } from "@tiptap/pm/view";
import { ReactNodeViewRenderer } from "@tiptap/react";
import { planExtensions } from "../extensions/planExtensions.js";
import { FIELD_LABELS } from "../views/FIELD_LABELS.js";
import { fieldView } from "../views/fieldView.js";
import { ItemCard } from "../views/ItemCard.js";
import { sectionView } from "../views/sectionView.js";

const CARDS = new Set(["view", "need", "outcome", "provision", "budgetItem", "advice"]);

/** What a card shows from its decorations: its label and its findings. */
const shown = (decorations: readonly Decoration[]) =>
  decorations.map((d) => {
    const spec = d.spec as { label?: unknown; findings?: unknown };
    return spec.label ?? spec.findings;
  });

/**
 * Redraws a card when its node or what its decorations carry changes. Tiptap's own rule redraws
 * only for a new node, so a card kept its old label, or missed its findings, when only they changed.
 */
function redrawCard({
  oldNode,
  newNode,
  oldDecorations,
  newDecorations,
  updateProps,
}: {
  oldNode: PMNode;
  newNode: PMNode;
  oldDecorations: readonly Decoration[];
  newDecorations: readonly Decoration[];
  updateProps: () => void;
}): boolean {
  if (newNode.type !== oldNode.type) return false;
  const before = shown(oldDecorations);
  const after = shown(newDecorations);
  if (
    newNode !== oldNode ||
    before.length !== after.length ||
    before.some((value, i) => value !== after[i])
  ) {
    updateProps();
  }
  return true;
}

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
    else if (CARDS.has(name)) view = () => ReactNodeViewRenderer(ItemCard, { update: redrawCard });
    if (!view) return extension;
    const make = view;
    return extension.extend({
      addNodeView() {
        return make((this as unknown as { editor: Editor }).editor);
      },
    });
  });
}
