import { Extension } from "@tiptap/core";
import type { Selection, Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { isRemote } from "../plugins/isRemote.js";

/** ProseMirror's DOM observer and the DOM selection as it reads it, which the view keeps to itself. */
interface DomObserver {
  readonly currentSelection: { eq(range: unknown): boolean };
  flush(): void;
}
interface ViewInternals {
  readonly domObserver?: DomObserver;
  domSelectionRange(): unknown;
}

/** Views whose DOM selection is being read, whose transactions from that read pass straight on. */
const reading = new WeakSet<EditorView>();

function internalsOf(view: EditorView): ViewInternals {
  return view as unknown as ViewInternals;
}

/** Whether a step replaces a stretch holding the whole selection, which then has no place left. */
function replacesAround(tr: Transaction, selection: Selection): boolean {
  return tr.steps.some((step) => {
    const { from, to } = step as unknown as { from?: number; to?: number };
    return (
      from !== undefined &&
      to !== undefined &&
      to > from &&
      from <= selection.from &&
      to >= selection.to
    );
  });
}

/**
 * Reads a selection the browser has moved but ProseMirror has not yet read before any other
 * transaction is shown. Shift+Arrow moves the DOM selection at once, and ProseMirror reads it only
 * on the "selectionchange" event that follows; a transaction in between (the plan checker's
 * findings, others' changes or cursors) would redraw the selection ProseMirror still holds and
 * undo the keypress, leaving the writer's selection a character short.
 */
export const UnreadDomSelection = Extension.create({
  name: "unreadDomSelection",
  dispatchTransaction({ transaction, next }) {
    const view = this.editor.view;
    const internals = internalsOf(view);
    const observer = internals.domObserver;
    // A transaction that sets the selection of the writer's own (typing, ProseMirror's reading of
    // the DOM, a command) comes from what the writer did and already holds it.
    const keepsOldSelection = !transaction.selectionSet || isRemote(transaction);
    if (
      keepsOldSelection &&
      observer &&
      !reading.has(view) &&
      view.hasFocus() &&
      !observer.currentSelection.eq(internals.domSelectionRange())
    ) {
      const before = view.state.selection;
      // Dispatches the browser's selection first, through this same hook.
      reading.add(view);
      try {
        observer.flush();
      } finally {
        reading.delete(view);
      }
      const read = view.state.selection;
      if (!read.eq(before) && !replacesAround(transaction, read)) {
        transaction.setSelection(read.map(transaction.doc, transaction.mapping));
      }
    }
    next(transaction);
  },
});
