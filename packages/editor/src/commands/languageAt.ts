import type { EditorState } from "@tiptap/pm/state";
import { viewAt } from "../model/viewAt.js";
import type { LanguageScope } from "./setLanguage.js";

/** The language the scope has now, for a control to start from. */
export function languageAt(state: EditorState, scope: LanguageScope): string | null {
  if (scope === "view") return (viewAt(state)?.node.attrs.lang as string | null) ?? null;
  if (scope === "paragraph") {
    const parent = state.selection.$from.parent;
    return parent.type.name === "paragraph" ? ((parent.attrs.lang as string | null) ?? null) : null;
  }
  const type = state.schema.marks.lang;
  // Selected words start with the text after the selection's start; a caret takes what it types in.
  const { $from, empty } = state.selection;
  const marks = empty ? $from.marks() : ($from.nodeAfter?.marks ?? []);
  const mark = marks.find((m) => m.type === type);
  return (mark?.attrs.lang as string | undefined) ?? null;
}
