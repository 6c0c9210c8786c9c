import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { labelAt } from "@ehcp/schema";
import { eachItem } from "../model/eachItem.js";
import { changesTextOnly } from "./changesTextOnly.js";

export const itemLabelsKey = new PluginKey<LabelState>("ehcpItemLabels");

interface LabelState {
  readonly decorations: DecorationSet;
}

function build(doc: PMNode): LabelState {
  const decorations: Decoration[] = [];
  eachItem(doc, (item, pos, _section, label) => {
    decorations.push(Decoration.node(pos, pos + item.nodeSize, {}, { label }));
  });
  // J's items are not items others link to (they carry no id), but a reader still names them
  // by their label, J1, J2, as every other card.
  doc.forEach((section, sectionPos) => {
    if (section.type.name !== "sectionJ") return;
    let index = 0;
    section.forEach((item, offset) => {
      if (item.type.name !== "budgetItem") return;
      const pos = sectionPos + 1 + offset;
      decorations.push(
        Decoration.node(pos, pos + item.nodeSize, {}, { label: labelAt("J", index++) }),
      );
    });
  });
  return { decorations: DecorationSet.create(doc, decorations) };
}

/**
 * Labels every item as the plan shows it (B2, E3, F12, H1.2) through node decorations whose spec
 * holds the label; node views read it, and ProseMirror redraws an item whose label changes when
 * items are added, removed or moved.
 */
export function itemLabels(): Plugin<LabelState> {
  return new Plugin<LabelState>({
    key: itemLabelsKey,
    state: {
      init: (_config, state) => build(state.doc),
      apply(tr, value) {
        if (!tr.docChanged) return value;
        // Typing, one's own or others' (the binding replaces only what changed; see the patch of
        // @tiptap/y-tiptap in patches/), moves no item: the labels follow it. When the binding
        // replaces the whole document instead, the step is not text only, and the plan is
        // labelled afresh, since mapping would drop every label.
        if (changesTextOnly(tr)) {
          return { decorations: value.decorations.map(tr.mapping, tr.doc) };
        }
        // Anything but typing is labelled afresh: changing an item's values (setNodeMarkup)
        // replaces its opening token, and mapping drops a node decoration whose start is
        // replaced, which left the item's card without its label (F2) until a reload.
        return build(tr.doc);
      },
    },
    props: {
      decorations: (state) => itemLabelsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** The label a node view's decorations carry, if any. */
export function labelFrom(decorations: readonly Decoration[]): string | null {
  for (const decoration of decorations) {
    const label = (decoration.spec as { label?: unknown }).label;
    if (typeof label === "string") return label;
  }
  return null;
}
