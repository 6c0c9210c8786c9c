import { labelAt, type SectionKey } from "@ehcp/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { ITEM_TYPES, SECTION_KEY_OF } from "./sections.js";

/**
 * Calls `visit` for every item of a plan document (view, need, outcome, provision, advice) in
 * document order, with the position just before it, its section and its label (B2, F12, H1.2).
 */
export function eachItem(
  doc: PMNode,
  visit: (item: PMNode, pos: number, section: SectionKey, label: string) => void,
): void {
  doc.forEach((sectionNode, sectionPos) => {
    const section = SECTION_KEY_OF[sectionNode.type.name];
    if (!section) return;
    let index = 0;
    sectionNode.forEach((item, offset) => {
      if (!ITEM_TYPES.has(item.type.name)) return;
      visit(item, sectionPos + 1 + offset, section, labelAt(section, index++));
    });
  });
}
