import type { RichText } from "@ehcp/schema";

type Node = { type: string; text?: string; content?: readonly Node[] };

/**
 * The plain text of rich text as ProseMirror's `textBetween(0, size, "\n")` gives it for the field
 * node: text of each textblock, separated by one line break. Wording findings give character
 * ranges in this text, so the editor maps them onto the document with the same call.
 */
export function plainText(blocks: RichText): string {
  let text = "";
  let separated = true;
  const walk = (node: Node) => {
    if (node.type === "text") {
      text += node.text ?? "";
      separated = false;
      return;
    }
    if (!separated) {
      text += "\n";
      separated = true;
    }
    for (const child of node.content ?? []) walk(child);
  };
  for (const block of blocks as readonly Node[]) walk(block);
  return text;
}
