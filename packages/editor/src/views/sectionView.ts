import { describeRefusal, SECTION_TITLES } from "@ehcp/schema";
import type { Editor, NodeViewRenderer } from "@tiptap/core";
import { SECTION_KEY_OF } from "../model/sections.js";

let editors = 0;
const prefixes = new WeakMap<Editor, string>();
/** A prefix for element ids, unique to each editor on the page. */
export const idPrefix = (editor: Editor) => {
  let prefix = prefixes.get(editor);
  if (!prefix) prefixes.set(editor, (prefix = `ehcp${++editors}`));
  return prefix;
};

/**
 * A section with its fixed heading ("Section F: Special educational provision"), outside the
 * editable content so it cannot be deleted, moved or retitled. A section the writer's role may
 * not change is not editable and says why.
 */
export function sectionView(editor: Editor): NodeViewRenderer {
  return ({ node }) => {
    const key = SECTION_KEY_OF[node.type.name];
    if (!key) throw new RangeError(`${node.type.name} is not a section`);
    const { role, policy } = editor.storage.plan;
    const dom = document.createElement("section");
    dom.className = "ehcp-section";
    dom.dataset.section = key;
    dom.id = `${idPrefix(editor)}-section-${key}`;
    const heading = document.createElement("h2");
    heading.id = `${dom.id}-heading`;
    heading.contentEditable = "false";
    heading.textContent = `Section ${key}: ${SECTION_TITLES[key]}`;
    dom.setAttribute("aria-labelledby", heading.id);
    dom.append(heading);
    const writable = policy[role].includes(key);
    const suggesting = !writable && !!editor.storage.planSuggestions?.parts.includes(key);
    if (!writable) {
      dom.dataset.readonly = "true";
      const note = document.createElement("p");
      note.className = "ehcp-readonly-note";
      note.contentEditable = "false";
      note.textContent = suggesting
        ? `You may suggest changes to the wording here: ${describeRefusal(role, [key])}, so what you type or delete is shown as a suggestion for someone who may to accept or reject.`
        : `Read only: ${describeRefusal(role, [key])}.`;
      dom.append(note);
    }
    if (suggesting) dom.dataset.suggesting = "true";
    if (node.type.spec.content === "" || node.isAtom) {
      const placeholder = document.createElement("p");
      placeholder.className = "ehcp-atom-note";
      placeholder.contentEditable = "false";
      placeholder.textContent =
        key === "I" ? "The placement is named when the final plan is issued." : "";
      dom.append(placeholder);
      return { dom, ignoreMutation: () => true };
    }
    const content = document.createElement("div");
    content.className = "ehcp-section-content";
    if (!writable && !suggesting) content.contentEditable = "false";
    dom.append(content);
    return { dom, contentDOM: content, ignoreMutation: (m) => !content.contains(m.target) };
  };
}
