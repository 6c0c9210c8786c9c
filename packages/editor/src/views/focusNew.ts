import type { Editor } from "@tiptap/core";

/** How long a new card may take to draw its controls before the caret is no longer followed. */
const DRAWN_WITHIN = 2000;

/**
 * Keeps the caret on screen while the new item's card draws its controls above its text: the
 * transaction scrolled the caret into view, then the card's ratio, how-often and how-long
 * controls (React, drawn a moment later) pushed the text, and the caret, below the screen.
 */
function followCaretWhileDrawn(editor: Editor): void {
  const { from } = editor.state.selection;
  const at = editor.view.domAtPos(from).node;
  const element = at instanceof Element ? at : at.parentElement;
  const card = element?.closest("article");
  const field = element?.closest("[data-field], .ehcp-item-fields") ?? element;
  if (!card || !field || typeof ResizeObserver === "undefined") return;
  const observer = new ResizeObserver(() => {
    if (editor.isDestroyed || editor.state.selection.from !== from) return observer.disconnect();
    field.scrollIntoView({ block: "nearest" });
    if (card.querySelector(".ehcp-card-controls > *")) observer.disconnect();
  });
  observer.observe(card);
  setTimeout(() => observer.disconnect(), DRAWN_WITHIN);
}

/**
 * Puts the focus where the writer goes on: the text of what was just added, with the caret in
 * its first field and on screen, or for an item with no text (a piece of advice) its card's
 * first control.
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
  followCaretWhileDrawn(editor);
}
