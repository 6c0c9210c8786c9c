import { SECTION_NODE_NAMES, type SectionKey } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";

/** Puts the writer's cursor at the start of a section, scrolled into view. */
export function goToSection(editor: Editor, key: SectionKey): void {
  const { doc } = editor.state;
  let at = -1;
  doc.descendants((node, pos) => {
    if (at >= 0) return false;
    if (node.type.name === SECTION_NODE_NAMES[key]) {
      at = pos;
      return false;
    }
    return true;
  });
  if (at < 0) return;
  const selection = TextSelection.near(doc.resolve(at + 1));
  editor.view.dispatch(editor.state.tr.setSelection(selection).scrollIntoView());
  editor.view.focus();
  editor.view.dom.querySelector(`[data-section="${key}"]`)?.scrollIntoView({ block: "start" });
}
