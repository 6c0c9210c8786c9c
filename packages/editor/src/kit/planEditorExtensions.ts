import type { AnyExtension, Editor, NodeViewRenderer } from "@tiptap/core";
import { planExtensions } from "../extensions/planExtensions.js";
import { FIELD_LABELS } from "../views/FIELD_LABELS.js";
import { fieldView } from "../views/fieldView.js";
import { ItemCardView } from "../views/ItemCardView.js";
import { LightCardView } from "../views/LightCardView.js";
import { isReal } from "../plugins/realCards.js";
import { sectionView } from "../views/sectionView.js";

const CARDS = new Set(["view", "need", "outcome", "provision", "budgetItem", "advice"]);

export interface PlanEditorExtensionsOptions {
  /**
   * Whether the editor is shown through Tiptap's React `EditorContent` (as `PlanEditor` does),
   * which makes every node view again once it is on the page: the views then wait for it, so a
   * long plan's sections, cards and fields are built once, not twice.
   */
  readonly awaitEditorContent?: boolean;
}

/** What a node is drawn as before `EditorContent` is on the page: nothing, made again then. */
const placeholder: NodeViewRenderer = () => ({
  dom: document.createElement("div"),
  ignoreMutation: () => true,
});

/** A card: in full, or light while it is far from the screen in a long plan (`realCards`). */
const cardView =
  (editor: Editor): NodeViewRenderer =>
  (props) =>
    isReal(editor.state, props.node, props.decorations)
      ? new ItemCardView(props)
      : new LightCardView(editor, props);

/**
 * The plan's nodes with their views: sections with fixed headings, items as cards, fields with
 * labels. Everything else renders as the schema says.
 */
export function planEditorExtensions({
  awaitEditorContent = false,
}: PlanEditorExtensionsOptions = {}): AnyExtension[] {
  return planExtensions().map((extension) => {
    const name = extension.name;
    let view: ((editor: Editor) => NodeViewRenderer) | null = null;
    if (name.startsWith("section")) view = sectionView;
    else if (name in FIELD_LABELS) view = fieldView;
    else if (CARDS.has(name)) view = cardView;
    if (!view) return extension;
    const make = view;
    return extension.extend({
      addNodeView() {
        const editor = (this as unknown as { editor: Editor }).editor;
        const render = make(editor);
        if (!awaitEditorContent) return render;
        return (props: Parameters<NodeViewRenderer>[0]) =>
          (editor as { contentComponent?: unknown }).contentComponent
            ? render(props)
            : placeholder(props);
      },
    });
  });
}
