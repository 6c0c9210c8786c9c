import { isLanguageTag } from "@ehcp/schema";
import type { Command, EditorState } from "@tiptap/pm/state";
import { viewAt } from "../model/viewAt.js";

/** What a language is given to: the words selected, the paragraphs they are in, or a view. */
export type LanguageScope = "words" | "paragraph" | "view";

/** The stretch of the lang mark around an empty selection, or the selection itself. */
function wordsRange(state: EditorState): { from: number; to: number } | null {
  const { from, to, empty, $from } = state.selection;
  if (!empty) return { from, to };
  const type = state.schema.marks.lang;
  const mark = type && $from.marks().find((m) => m.type === type);
  if (!mark) return null;
  let start = $from.pos;
  let end = $from.pos;
  const parent = $from.parent;
  const offset = $from.parentOffset;
  // Out from the caret along the text that carries the same mark.
  parent.forEach((child, childOffset) => {
    const childEnd = childOffset + child.nodeSize;
    if (childOffset <= offset && offset <= childEnd && mark.isInSet(child.marks)) {
      start = Math.min(start, $from.start() + childOffset);
      end = Math.max(end, $from.start() + childEnd);
    }
  });
  return start < end ? { from: start, to: end } : null;
}

/**
 * Gives `lang` (a language tag) to the selected words, to the paragraphs
 * the selection is in, or to the view it is in; with `lang` null, takes the language away, so the
 * text is in the language around it again. Refuses a tag that is not one (ProseMirror would store
 * it), and where there is nothing of that kind.
 */
export function setLanguage(lang: string | null, scope: LanguageScope): Command {
  return (state, dispatch) => {
    if (lang !== null && !isLanguageTag(lang)) return false;
    const { tr, schema } = state;
    if (scope === "view") {
      const view = viewAt(state);
      if (!view) return false;
      if (dispatch) dispatch(tr.setNodeAttribute(view.pos, "lang", lang));
      return true;
    }
    if (scope === "paragraph") {
      const { from, to } = state.selection;
      const paragraph = schema.nodes.paragraph;
      let found = false;
      state.doc.nodesBetween(from, to, (node, pos) => {
        if (node.type !== paragraph) return true;
        found = true;
        tr.setNodeAttribute(pos, "lang", lang);
        return false;
      });
      if (!found) return false;
      if (dispatch) dispatch(tr);
      return true;
    }
    const type = schema.marks.lang;
    const range = wordsRange(state);
    if (!type || !range) return false;
    if (lang === null) tr.removeMark(range.from, range.to, type);
    else {
      // Only in text that may carry it: the selection may run over a card's plain-text fields.
      let allowed = false;
      state.doc.nodesBetween(range.from, range.to, (node, pos) => {
        if (!node.isTextblock) return true;
        if (node.type.allowsMarkType(type)) {
          allowed = true;
          const from = Math.max(range.from, pos + 1);
          const to = Math.min(range.to, pos + node.nodeSize - 1);
          if (from < to) tr.addMark(from, to, type.create({ lang }));
        }
        return false;
      });
      if (!allowed) return false;
    }
    if (dispatch) dispatch(tr);
    return true;
  };
}
