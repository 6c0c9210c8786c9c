import { PLAN_FRAGMENT_NAME, planSchema, SECTION_KEY_OF } from "@ehcp/schema";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";

/**
 * Writes into `to` (a fresh copy of the server's plan) what `from` (the writer's own copy, which
 * holds a change the server refused) has in each section that is not in `refused`, as new
 * changes of `to`'s own: what the writer typed in the sections they may change is kept, and the
 * refused sections are the server's. Sections are diffed one by one, so a section the writer did
 * not touch is left exactly as the server has it. Returns the sections it changed.
 */
export function carryOver(from: Y.Doc, to: Y.Doc, refused: ReadonlySet<string>): string[] {
  const source = from.getXmlFragment(PLAN_FRAGMENT_NAME);
  const target = to.getXmlFragment(PLAN_FRAGMENT_NAME);
  // A change to the outline itself is not one a section can take; nothing is carried then.
  if (refused.has("structure") || source.length !== target.length) return [];
  const mine = yXmlFragmentToProseMirrorRootNode(source, planSchema);
  const theirs = yXmlFragmentToProseMirrorRootNode(target, planSchema);
  const changed: string[] = [];
  to.transact(() => {
    mine.forEach((section, _offset, index) => {
      const key = SECTION_KEY_OF[section.type.name as keyof typeof SECTION_KEY_OF];
      const element = target.get(index);
      if (!key || refused.has(key) || !(element instanceof Y.XmlElement)) return;
      if (element.nodeName !== section.type.name || theirs.child(index).eq(section)) return;
      updateYFragment(to, element, section, { mapping: new Map(), isOMark: new Map() });
      changed.push(key);
    });
  });
  return changed;
}
