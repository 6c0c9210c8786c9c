import { SECTION_NODE_NAMES, type SectionKey } from "@ehcp/schema";
import type { Node as PMNode } from "@tiptap/pm/model";

/** A section of the document and the position just before it. */
export interface FoundSection {
  readonly key: SectionKey;
  readonly node: PMNode;
  readonly pos: number;
}

/** Section `key` of a plan document; sections are the document's own children, in order. */
export function findSection(doc: PMNode, key: SectionKey): FoundSection {
  const name = SECTION_NODE_NAMES[key];
  let found: FoundSection | null = null;
  doc.forEach((node, offset) => {
    if (!found && node.type.name === name) found = { key, node, pos: offset };
  });
  if (!found) throw new RangeError(`the document has no section ${key}`);
  return found;
}
