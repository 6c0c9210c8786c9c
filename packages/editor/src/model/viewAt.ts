import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState } from "@tiptap/pm/state";
import { findItem } from "./findItem.js";

/** The view of section A the selection is in, and where it is. */
export function viewAt(state: EditorState): { node: PMNode; pos: number } | null {
  const item = findItem(state.selection.$from);
  return item && item.node.type.name === "view" ? item : null;
}
