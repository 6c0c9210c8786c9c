import type { SectionKey } from "@ehcp/schema";
import type { Node as PMNode, ResolvedPos } from "@tiptap/pm/model";
import { SECTION_KEY_OF } from "./sections.js";

/** An item (need, outcome, provision, view, advice) and where it is. */
export interface FoundItem {
  readonly node: PMNode;
  /** The position just before the item. */
  readonly pos: number;
  readonly section: SectionKey;
  /** Its place among its section's children. */
  readonly index: number;
}

/** The item a position lies in, if any: the child of a section that holds it. */
export function findItem($pos: ResolvedPos): FoundItem | null {
  if ($pos.depth < 2) return null;
  const section = SECTION_KEY_OF[$pos.node(1).type.name];
  if (!section) return null;
  return { node: $pos.node(2), pos: $pos.before(2), section, index: $pos.index(1) };
}

/** An item by its id, searched among the sections' children. */
export function findItemById(doc: PMNode, id: string): FoundItem | null {
  let found: FoundItem | null = null;
  doc.forEach((sectionNode, sectionPos) => {
    const section = SECTION_KEY_OF[sectionNode.type.name];
    if (found || !section) return;
    sectionNode.forEach((node, offset, index) => {
      if (!found && node.attrs.id === id)
        found = { node, pos: sectionPos + 1 + offset, section, index };
    });
  });
  return found;
}
