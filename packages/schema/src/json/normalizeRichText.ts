import { type Block, MARK_ORDER, type Mark, type RichText, type TextNode } from "./richText.js";

const markRank = (mark: Mark): number => MARK_ORDER.indexOf(mark.type);

const sameMarks = (a: readonly Mark[] = [], b: readonly Mark[] = []): boolean =>
  a.length === b.length &&
  a.every((mark, i) => {
    const other = b[i];
    if (!other || other.type !== mark.type) return false;
    if (mark.type === "link") return other.type === "link" && other.attrs.href === mark.attrs.href;
    if (mark.type === "lang") return other.type === "lang" && other.attrs.lang === mark.attrs.lang;
    return true;
  });

function normalizeInline(nodes: readonly TextNode[] | undefined): TextNode[] {
  const out: TextNode[] = [];
  for (const node of nodes ?? []) {
    const marks = node.marks?.length
      ? [...node.marks].sort((a, b) => markRank(a) - markRank(b))
      : [];
    const last = out[out.length - 1];
    if (last && sameMarks(last.marks, marks)) {
      out[out.length - 1] = { ...last, text: last.text + node.text };
    } else {
      out.push(
        marks.length ? { type: "text", text: node.text, marks } : { type: "text", text: node.text },
      );
    }
  }
  return out;
}

function normalizeBlock(block: Block): Block {
  switch (block.type) {
    case "paragraph":
    case "heading": {
      const content = normalizeInline(block.content);
      const { content: _dropped, ...rest } = block;
      return content.length ? { ...rest, content } : rest;
    }
    case "bulletList":
    case "orderedList":
      return {
        ...block,
        content: block.content.map((item) => ({
          ...item,
          content: item.content.map(normalizeBlock),
        })),
      };
  }
}

/**
 * Puts rich text in the one form ProseMirror gives back: marks in schema order, neighbouring text
 * with the same marks joined, and no empty `content` or `marks` arrays. Reading a plan normalizes
 * it, so that a plan read and written again is deep-equal to the plan read. A lone empty
 * paragraph is no text (it is the line an empty field is given to type on, see `planToDoc`).
 */
export function normalizeRichText(blocks: RichText): RichText {
  const [only] = blocks;
  if (blocks.length === 1 && only?.type === "paragraph" && !only.content?.length) return [];
  return blocks.map(normalizeBlock);
}
