import type { Editor } from "@tiptap/core";

/**
 * Puts the focus where the writer goes on: the text of what was just added, or for an item with
 * no text (a piece of advice) its card's first control.
 */
export function focusNew(editor: Editor): void {
  const { selection } = editor.state;
  if ("node" in selection && selection.node) {
    const card = editor.view.nodeDOM(selection.from);
    // The card is drawn by React after the transaction.
    requestAnimationFrame(() => {
      const target = (editor.view.nodeDOM(selection.from) ?? card) as HTMLElement | null;
      target?.querySelector<HTMLElement>("input, select")?.focus();
      target?.scrollIntoView({ block: "nearest" });
    });
    return;
  }
  editor.view.focus();
}
