import type { Node as PMNode } from "prosemirror-model";

/** A piece of a paragraph's text with its formatting, and the address it links to if any. */
export interface Segment {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly href?: string;
  /** The language of these words, where a `lang` mark gives one. */
  readonly lang?: string;
}

/** A ProseMirror text node as a segment. */
export function textSegment(node: PMNode): Segment {
  const has = (mark: string) => node.marks.some((m) => m.type.name === mark);
  const link = node.marks.find((m) => m.type.name === "link");
  const lang = node.marks.find((m) => m.type.name === "lang");
  return {
    ...(lang ? { lang: lang.attrs.lang as string } : {}),
    text: node.text ?? "",
    bold: has("bold"),
    italic: has("italic"),
    underline: has("underline"),
    ...(link ? { href: link.attrs.href as string } : {}),
  };
}
