import type { Finding } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";
import { findItemById } from "./model/findItem.js";
import { findSection } from "./model/findSection.js";
import { findingHighlightKey } from "./plugins/findingHighlight.js";

/** The node type holding each Plan JSON text field. */
const FIELD_NODES: Record<string, string> = {
  what: "provisionWhat",
  deliveredBy: "provisionDeliveredBy",
  expertise: "provisionExpertise",
  title: "needTitle",
  description: "needDescription",
  statement: "outcomeStatement",
  summary: "needsSummary",
  notes: "budgetNotes",
};

/**
 * The document position of a character offset in a field, counting as the checker does
 * (`textBetween(0, size, "\n")`: one line break between blocks).
 */
function positionAt(field: PMNode, fieldPos: number, offset: number): number {
  let seen = 0;
  let blocks = 0;
  let found = -1;
  field.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isTextblock && blocks++ > 0) seen += 1;
    if (node.isText) {
      const length = node.text?.length ?? 0;
      if (offset <= seen + length) {
        found = fieldPos + 1 + pos + (offset - seen);
        return false;
      }
      seen += length;
    }
    return true;
  });
  return found >= 0 ? found : fieldPos + field.nodeSize - 1;
}

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
    const fieldName =
      finding.path
        .split(".")
        .at(-1)
        ?.replace(/\[\d+\]$/, "") ?? "";
    const type = FIELD_NODES[fieldName];
    let field: { node: PMNode; pos: number } | null = null;
    item.node.descendants((node, pos) => {
      if (field) return false;
      if (node.type.name === type) field = { node, pos: item.pos + 1 + pos };
      return true;
    });
    const found = field as { node: PMNode; pos: number } | null;
    if (found && finding.range) {
      from = positionAt(found.node, found.pos, finding.range.from);
      to = positionAt(found.node, found.pos, finding.range.to);
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
