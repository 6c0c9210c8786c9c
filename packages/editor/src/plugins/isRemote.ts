import type { Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/**
 * Whether a transaction brings in what others wrote: y-prosemirror marks the transactions it
 * makes from Yjs changes. Undo and redo come the same way but are this writer's own.
 */
export function isRemote(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as
    { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  return !!meta?.isChangeOrigin && !meta.isUndoRedoOperation;
}
