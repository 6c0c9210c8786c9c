import type { Editor } from "@tiptap/core";

/** Tells the parts of an editor's cards that read whether it is editable that this changed. */
export interface EditableSignal {
  /** Calls `listener` after each change; returns a function that stops. */
  subscribe(listener: () => void): () => void;
  /** Called by whoever changes the editor's editability, once it has. */
  notify(): void;
}

const signals = new WeakMap<Editor, EditableSignal>();

/**
 * The editability signal of `editor`. Tiptap's `setEditable` changes no node or decoration, so
 * no node view is told, and a card drawn while the plan was final would keep its controls locked
 * in the amendment draft; redrawing every card instead costs a long plan its light cards.
 */
export function editableSignal(editor: Editor): EditableSignal {
  let signal = signals.get(editor);
  if (!signal) {
    const listeners = new Set<() => void>();
    signal = {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      notify() {
        for (const listener of [...listeners]) listener();
      },
    };
    signals.set(editor, signal);
  }
  return signal;
}
