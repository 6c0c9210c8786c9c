import type { Editor } from "@tiptap/core";

/** How long the caret is followed once the card has drawn its controls (and its findings). */
const SETTLED_AFTER = 3000;
/** What the writer does that says they have moved on: the caret is theirs to place again. */
const MOVED_ON = ["wheel", "touchstart", "pointerdown", "keydown"] as const;

/**
 * Keeps the caret on screen while the new item's card draws its controls above its text: the
 * transaction scrolled the caret into view, then the card's ratio, how-often and how-long
 * controls (React, drawn a moment later) pushed the text, and the caret, below the screen. On a
 * busy machine the controls can take seconds, so the caret is followed until they are drawn and
 * a moment after, or until the writer moves the caret, scrolls, clicks or types, never for a
 * fixed time from the keystroke.
 */
function followCaretWhileDrawn(editor: Editor): void {
  const { from } = editor.state.selection;
  const at = editor.view.domAtPos(from).node;
  const element = at instanceof Element ? at : at.parentElement;
  const card = element?.closest("article");
  const field = element?.closest("[data-field], .ehcp-item-fields") ?? element;
  if (!card || !field || typeof ResizeObserver === "undefined") return;
  let settling: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    observer.disconnect();
    clearTimeout(settling);
    for (const type of MOVED_ON) window.removeEventListener(type, stop, true);
  };
  const observer = new ResizeObserver(() => {
    if (editor.isDestroyed || editor.state.selection.from !== from || !card.isConnected)
      return stop();
    field.scrollIntoView({ block: "nearest" });
    if (settling === undefined && card.querySelector(".ehcp-card-controls > *"))
      settling = setTimeout(stop, SETTLED_AFTER);
  });
  observer.observe(card);
  for (const type of MOVED_ON)
    window.addEventListener(type, stop, { capture: true, passive: true });
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
