import type { Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/**
 * Whether y-prosemirror made the transaction from a change the Yjs document has already taken:
 * others' edits, and this writer's own undo and redo. Such a transaction can only be shown, not
 * refused or rewritten: the change has been sent, and refusing it would leave the editor showing
 * something other than the document.
 */
export function isFromYjs(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return !!meta?.isChangeOrigin;
}
