import type { yElementToNode } from "@ehcp/schema";
import type { Sender } from "./Sender.js";
import { namesSender, SUGGESTION_MARKS } from "./checkAddedItem.js";

/**
 * The words of other people's suggestions in `node`, each run with all its marks, as one string
 * by which two versions of a text compare: formatting put on someone's suggested words
 * (bold over half of them) splits or changes a run. Runs under only the sender's own
 * suggestions are left out: they may reformat those.
 */
type Node = ReturnType<typeof yElementToNode>;

export function othersSuggestedWords(node: Node, sender: Sender): string {
  const runs: [string, unknown[]][] = [];
  node.descendants((child) => {
    if (!child.isText) return true;
    const others = child.marks.some(
      (mark) => SUGGESTION_MARKS.has(mark.type.name) && !namesSender(mark.attrs, sender),
    );
    if (others) runs.push([child.text ?? "", child.marks.map((mark) => mark.toJSON())]);
    return false;
  });
  return JSON.stringify(runs);
}
