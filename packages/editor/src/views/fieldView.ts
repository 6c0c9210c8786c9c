import type { Editor, NodeViewRenderer } from "@tiptap/core";
import { FIELD_LABELS } from "./FIELD_LABELS.js";
import { idPrefix } from "./sectionView.js";

let fields = 0;

/**
 * A field of an item with its label, which screen readers announce with the field's text: one
 * line of plain text (who delivers a provision) or rich text (what the provision is).
 */
export function fieldView(editor: Editor): NodeViewRenderer {
  return ({ node }) => {
    const dom = document.createElement("div");
    dom.className = "ehcp-field";
    dom.dataset.field = node.type.name;
    const label = document.createElement("span");
    label.className = "ehcp-field-label";
    label.contentEditable = "false";
    label.id = `${idPrefix(editor)}-field-${++fields}`;
    label.textContent = FIELD_LABELS[node.type.name] ?? node.type.name;
    const content = document.createElement(node.isTextblock ? "p" : "div");
    content.className = "ehcp-field-content";
    dom.setAttribute("role", "group");
    dom.setAttribute("aria-labelledby", label.id);
    dom.append(label, content);
    return {
      dom,
      contentDOM: content,
      ignoreMutation: (mutation) => !content.contains(mutation.target),
    };
  };
}
