import type { Finding } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { fieldOffsetPos } from "./model/fieldOffsetPos.js";
import { findingField } from "./model/findingField.js";
import { findItemById } from "./model/findItem.js";
import { findSection } from "./model/findSection.js";
import { findingHighlightKey } from "./plugins/findingHighlight.js";

/**
 * Takes the writer to what a finding is about: selects its wording (or the start of its item or
 * section), underlines it, scrolls it into view and focuses the editor.
 */
export function revealFinding(editor: Editor, finding: Finding): boolean {
  const { doc } = editor.state;
  const item = findItemById(doc, finding.target);
  let from: number;
  let to: number;
  /** Where the item or section the finding is about starts, to bring it into view. */
  let place: number;
  if (item) {
    place = item.pos;
    const found = findingField(item.node, item.pos, finding);
    if (found && finding.range) {
      from = fieldOffsetPos(found.node, found.pos, finding.range.from);
      to = fieldOffsetPos(found.node, found.pos, finding.range.to);
    } else {
      from = TextSelection.near(doc.resolve((found?.pos ?? item.pos) + 1)).from;
      to = from;
    }
  } else {
    if (finding.section === "meta") return false;
    try {
      const section = findSection(doc, finding.section);
      place = section.pos;
      from = TextSelection.near(doc.resolve(section.pos + 1)).from;
      to = from;
    } catch {
      return false;
    }
  }
  const tr = editor.state.tr
    .setSelection(TextSelection.create(doc, from, to))
    .setMeta(findingHighlightKey, from < to ? { from, to } : null)
    .scrollIntoView();
  editor.view.dispatch(tr);
  editor.view.focus();
  // ProseMirror scrolls only as far as the caret, which for a finding on a whole need is the
  // caret's line at the edge of the screen, or nothing when the caret was there already: bring
  // the item (or the section) itself into view, and the wording when there is some.
  const target = editor.view.nodeDOM(place);
  if (target instanceof HTMLElement) target.scrollIntoView({ block: "start" });
  if (from < to) {
    const { node } = editor.view.domAtPos(from);
    (node instanceof HTMLElement ? node : node.parentElement)?.scrollIntoView({ block: "center" });
  }
  return true;
}
