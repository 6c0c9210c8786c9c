import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type Selection, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { isRemote } from "../plugins/isRemote.js";

/** ProseMirror's DOM observer and the DOM selection as it reads it, which the view keeps to itself. */
interface DomObserver {
  readonly currentSelection: { readonly anchorNode: Node | null; eq(range: unknown): boolean };
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

/** Whether the browser has moved the selection, from inside the editor, since ProseMirror read it. */
function hasUnreadSelection(view: EditorView): boolean {
  const internals = internalsOf(view);
  const observer = internals.domObserver;
  const last = observer?.currentSelection.anchorNode;
  return (
    !!observer &&
    !reading.has(view) &&
    view.hasFocus() &&
    !!last &&
    view.dom.contains(last) &&
    !observer.currentSelection.eq(internals.domSelectionRange())
  );
}

/** Lets ProseMirror read the browser's selection now, dispatching it, rather than on its event. */
function readSelection(view: EditorView): void {
  reading.add(view);
  try {
    internalsOf(view).domObserver?.flush();
  } finally {
    reading.delete(view);
  }
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
 * undo the keypress, leaving the writer's selection a character short. A shortcut pressed
 * before that event (Alt+Shift+C to comment on the words) likewise reads the selection first.
 */
export const UnreadDomSelection = Extension.create({
  name: "unreadDomSelection",
  // Before every keymap, so that a shortcut acts on the selection the writer sees.
  priority: 10000,
  addProseMirrorPlugins: () => [
    new Plugin({
      key: new PluginKey("unreadDomSelection"),
      props: {
        handleKeyDown(view) {
          if (hasUnreadSelection(view)) readSelection(view);
          return false;
        },
      },
    }),
  ],
  dispatchTransaction({ transaction, next }) {
    // Unmounted (a story or a test tearing down while Yjs still sends), the editor has no view
    // whose DOM selection could be unread, and Tiptap's stand-in view throws when asked for one.
    if (!this.editor.isInitialized) {
      next(transaction);
      return;
    }
    const view = this.editor.view;
    // A transaction that sets the selection of the writer's own (typing, ProseMirror's reading of
    // the DOM, a command) comes from what the writer did and already holds it. Nor is it on
    // focus, when the browser's selection is not yet the editor's to read.
    const keepsOldSelection =
      (!transaction.selectionSet || isRemote(transaction)) &&
      !transaction.getMeta("focus") &&
      !transaction.getMeta("blur");
    if (keepsOldSelection && hasUnreadSelection(view)) {
      const before = view.state.selection;
      // Dispatches the browser's selection first, through this same hook.
      readSelection(view);
      const read = view.state.selection;
      if (!read.eq(before) && !replacesAround(transaction, read)) {
        transaction.setSelection(read.map(transaction.doc, transaction.mapping));
      }
    }
    next(transaction);
  },
});
