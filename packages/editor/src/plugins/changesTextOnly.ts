import { ReplaceStep } from "@tiptap/pm/transform";
import type { Transaction } from "@tiptap/pm/state";

/**
 * Whether every step of a transaction only changes text inside one textblock, as typing does:
 * such a change cannot add, remove, move or re-id an item, so plugins that watch items skip it.
 */
export function changesTextOnly(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    if (!(step instanceof ReplaceStep) || step.slice.openStart > 0 || step.slice.openEnd > 0) {
      return false;
    }
    let inline = true;
    step.slice.content.forEach((node) => {
      if (!node.isInline) inline = false;
    });
    if (!inline) return false;
    const doc = tr.docs[i];
    if (!doc) return false;
    const $from = doc.resolve(step.from);
    return $from.parent.isTextblock && $from.sameParent(doc.resolve(step.to));
  });
}
