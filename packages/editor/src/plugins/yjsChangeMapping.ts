import type { Transaction } from "@tiptap/pm/state";
import { Mapping, StepMap } from "@tiptap/pm/transform";

/**
 * A mapping for a change y-prosemirror brought in from Yjs. It replaces the whole document, so the
 * transaction's own mapping sends every position to one end; this one finds the stretch that
 * really changed by comparing the documents before and after, as ProseMirror does for a change
 * read from the DOM, and maps positions around it.
 */
export function yjsChangeMapping(tr: Transaction): Mapping {
  const before = tr.before.content;
  const after = tr.doc.content;
  const start = before.findDiffStart(after);
  if (start === null) return new Mapping();
  const end = before.findDiffEnd(after) ?? { a: start, b: start };
  let { a: endBefore, b: endAfter } = end;
  // Repeated text can make the two ends overlap the start; move them past it.
  const overlap = start - Math.min(endBefore, endAfter);
  if (overlap > 0) {
    endBefore += overlap;
    endAfter += overlap;
  }
  return new Mapping([new StepMap([start, endBefore - start, endAfter - start])]);
}
