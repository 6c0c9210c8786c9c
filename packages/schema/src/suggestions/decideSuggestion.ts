import * as Y from "yjs";
import type { SectionKey } from "../json/plan.js";
import type { Role } from "../roles/sectionPolicy.js";
import { SECTION_KEY_OF } from "../prosemirror/planSchema.js";
import { PLAN_FRAGMENT_NAME } from "../yjs/planToYDoc.js";

/** One stretch of a suggestion in one text of the plan. */
interface Stretch {
  readonly text: Y.XmlText;
  readonly index: number;
  readonly length: number;
  readonly kind: "insertion" | "deletion";
  readonly words: string;
}

/** A suggestion found in a plan's Yjs document: where it is, whose it is, what it says. */
export interface FoundSuggestion {
  readonly section: SectionKey;
  readonly itemId: string | null;
  readonly by: { readonly id: string; readonly name: string; readonly role: Role };
  readonly inserted: string;
  readonly removed: string;
}

type Delta = {
  insert: unknown;
  attributes?: Record<string, { id?: unknown; by?: unknown; name?: unknown; role?: unknown }>;
}[];

/**
 * Accepts (`true`) or rejects (`false`) suggestion `id` in a plan's Yjs document: accepting keeps
 * the words suggested in and drops those suggested out; rejecting does the opposite. Typing over
 * words suggests both under one id, and both are decided together. Returns what the suggestion
 * was, or null (changing nothing) when there is no such suggestion. Call it inside a transaction
 * to decide and record in one step; it reads a suggestion before changing anything, so a caller
 * may refuse by throwing from `allow`.
 */
export function decideSuggestion(
  doc: Y.Doc,
  id: string,
  accept: boolean,
  allow: (found: FoundSuggestion) => void = () => {},
): FoundSuggestion | null {
  const stretches: Stretch[] = [];
  let where: { section: SectionKey; itemId: string | null } | null = null;
  let by: FoundSuggestion["by"] | null = null;
  const walk = (element: Y.XmlElement, section: SectionKey, itemId: string | null) => {
    for (const child of element.toArray()) {
      if (child instanceof Y.XmlElement) {
        const childId = child.getAttribute("id");
        walk(child, section, itemId ?? (typeof childId === "string" ? childId : null));
        continue;
      }
      if (!(child instanceof Y.XmlText)) continue;
      let index = 0;
      for (const op of child.toDelta() as Delta) {
        const length = typeof op.insert === "string" ? op.insert.length : 1;
        for (const kind of ["insertion", "deletion"] as const) {
          const mark = op.attributes?.[kind];
          if (!mark || String(mark.id) !== id) continue;
          const words = typeof op.insert === "string" ? op.insert : "";
          stretches.push({ text: child, index, length, kind, words });
          where = { section, itemId };
          by = { id: String(mark.by), name: String(mark.name), role: String(mark.role) as Role };
        }
        index += length;
      }
    }
  };
  for (const child of doc.getXmlFragment(PLAN_FRAGMENT_NAME).toArray()) {
    const key = child instanceof Y.XmlElement ? SECTION_KEY_OF[child.nodeName] : undefined;
    if (key) walk(child as Y.XmlElement, key, null);
  }
  if (stretches.length === 0 || !where || !by) return null;
  const words = (kind: Stretch["kind"]) =>
    stretches
      .filter((s) => s.kind === kind)
      .map((s) => s.words)
      .join("");
  const found: FoundSuggestion = {
    ...(where as { section: SectionKey; itemId: string | null }),
    by,
    inserted: words("insertion"),
    removed: words("deletion"),
  };
  allow(found);
  doc.transact(() => {
    // From the end, so each stretch's place is still right when it is reached.
    for (const stretch of [...stretches].reverse()) {
      const keep = (stretch.kind === "insertion") === accept;
      if (keep) stretch.text.format(stretch.index, stretch.length, { [stretch.kind]: null });
      else stretch.text.delete(stretch.index, stretch.length);
    }
  });
  return found;
}
