import { Fragment, type Node as PMNode } from "prosemirror-model";

const isSuggestion = (node: PMNode) =>
  node.marks.some((mark) => mark.type.name === "insertion" || mark.type.name === "deletion");

/** Whether a node holds any suggested words. */
export function hasSuggestions(node: PMNode): boolean {
  let found = false;
  node.descendants((child) => {
    if (found) return false;
    if (child.isText && isSuggestion(child)) found = true;
    return !found;
  });
  return found;
}

function strip(node: PMNode): PMNode {
  const children: PMNode[] = [];
  node.forEach((child) => {
    if (!child.isText) {
      children.push(strip(child));
      return;
    }
    if (child.marks.some((mark) => mark.type.name === "insertion")) return;
    children.push(child.mark(child.marks.filter((mark) => mark.type.name !== "deletion")));
  });
  // fromArray joins neighbouring text that now has the same marks.
  return node.copy(Fragment.fromArray(children));
}

/**
 * A node as it stands before anyone's pending suggestions: words suggested in are left out,
 * words suggested out are kept. Plan JSON, the checker and the exports read the plan this way,
 * so a suggestion changes nothing until it is accepted. Returns the node itself when it holds no
 * suggestions.
 */
export function withoutSuggestions(node: PMNode): PMNode {
  return hasSuggestions(node) ? strip(node) : node;
}
