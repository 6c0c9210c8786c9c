import type { EditorState } from "@tiptap/pm/state";
import { itemLabelsKey, labelFrom } from "./itemLabels.js";

/**
 * The label (F3, B2) of the item that starts at `pos`, read from the labels plugin's decorations
 * rather than by counting the plan's items again.
 */
export function itemLabelAt(state: EditorState, pos: number): string | null {
  const decorations = itemLabelsKey.getState(state)?.decorations;
  if (!decorations) return null;
  // `find` also returns the item before, whose decoration ends where this one starts.
  return labelFrom(
    decorations
      .find(pos, pos + 1, (spec) => typeof spec.label === "string")
      .filter((decoration) => decoration.from === pos),
  );
}
