import type { Node as PMNode } from "prosemirror-model";
import type { SectionKey } from "../json/plan.js";
import { SECTION_KEY_OF } from "../prosemirror/planSchema.js";

/** One pending suggested change: words proposed in or out, by one person. */
export interface Suggestion {
  readonly id: string;
  readonly kind: "insertion" | "deletion";
  /** The author's user id, name and role, as the server checked them. */
  readonly by: string;
  readonly name: string;
  readonly role: string;
  /** The words, joined where the suggestion spans several pieces of text. */
  readonly text: string;
  readonly section: SectionKey | null;
  /** The need, outcome, provision or other item the words lie in. */
  readonly itemId: string | null;
}

/** The suggestions pending in a document (or an item), in document order, one per id and kind. */
export function listSuggestions(node: PMNode): Suggestion[] {
  const found = new Map<string, Suggestion>();
  const walk = (parent: PMNode, section: SectionKey | null, itemId: string | null) => {
    parent.forEach((child) => {
      if (!child.isText) {
        const childSection = section ?? SECTION_KEY_OF[child.type.name] ?? null;
        const childItem =
          itemId ?? (section && typeof child.attrs.id === "string" ? child.attrs.id : null);
        walk(child, childSection, childItem);
        return;
      }
      for (const mark of child.marks) {
        const kind = mark.type.name;
        if (kind !== "insertion" && kind !== "deletion") continue;
        const key = `${kind}:${String(mark.attrs.id)}`;
        const before = found.get(key);
        found.set(key, {
          id: String(mark.attrs.id),
          kind,
          by: String(mark.attrs.by),
          name: String(mark.attrs.name),
          role: String(mark.attrs.role),
          text: (before?.text ?? "") + (child.text ?? ""),
          section,
          itemId,
        });
      }
    });
  };
  walk(node, SECTION_KEY_OF[node.type.name] ?? null, null);
  return [...found.values()];
}
