import type { Node as PMNode } from "@tiptap/pm/model";

/**
 * The document position of a character offset in a field at `fieldPos`, counting as the checker
 * does (`textBetween(0, size, "\n")`: one line break between blocks); an offset past the end is
 * the field's end.
 */
export function fieldOffsetPos(field: PMNode, fieldPos: number, offset: number): number {
  let seen = 0;
  let blocks = 0;
  let found = -1;
  field.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isTextblock && blocks++ > 0) seen += 1;
    if (node.isText) {
      const length = node.text?.length ?? 0;
      if (offset <= seen + length) {
        found = fieldPos + 1 + pos + (offset - seen);
        return false;
      }
      seen += length;
    }
    return true;
  });
  return found >= 0 ? found : fieldPos + field.nodeSize - 1;
}
