import type { Editor } from "@tiptap/core";
import { findItem } from "../model/findItem.js";

/**
 * From the words of an item to its card's findings: opens the list and puts the focus on its
 * count, from which Tab reaches each finding and Enter goes back to its words. Without it a
 * keyboard user reached the findings through every control of the card, or the whole plan to
 * the quality panel. False when the caret is in no item or the item has no findings.
 */
export function openCardFindings(editor: Editor): boolean {
  const item = findItem(editor.state.selection.$from);
  if (!item) return false;
  const card = editor.view.nodeDOM(item.pos);
  const details =
    card instanceof HTMLElement
      ? card.querySelector<HTMLDetailsElement>("details.ehcp-card-findings")
      : null;
  const summary = details?.querySelector<HTMLElement>("summary");
  if (!details || !summary) return false;
  details.open = true;
  summary.focus();
  return true;
}
