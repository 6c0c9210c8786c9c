import type { Node as PMNode } from "@tiptap/pm/model";

/** The position inside the first textblock of `node`, which starts at `pos`: where typing begins. */
export function firstTextPos(node: PMNode, pos: number): number {
  let found = -1;
  node.descendants((child, offset) => {
    if (found >= 0) return false;
    if (child.isTextblock) {
      found = pos + 1 + offset + 1;
      return false;
    }
    return true;
  });
  return found >= 0 ? found : pos + 1;
}
