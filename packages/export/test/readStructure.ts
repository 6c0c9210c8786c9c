import { type StructNode, structuredPages } from "./readPdf.js";

/** A structure element as a reader meets it: its role, the roles above it, and its words. */
export interface StructElement {
  readonly role: string;
  readonly ancestors: readonly string[];
  readonly text: string;
  readonly page: number;
}

/**
 * Every structure element of a PDF in reading order, page by page, with the roles of the
 * elements it sits inside and the text it holds on that page (through pdf.js), for checking
 * that headings nest where they should.
 */
export async function readStructure(bytes: Uint8Array): Promise<StructElement[]> {
  const out: StructElement[] = [];
  for await (const { page, tree, textIn } of structuredPages(bytes)) {
    const walk = (n: StructNode | null, ancestors: string[]) => {
      if (!n) return;
      if (n.role) out.push({ role: n.role, ancestors, text: textIn(n), page });
      const below = n.role ? [...ancestors, n.role] : ancestors;
      for (const c of n.children ?? []) walk(c, below);
    };
    walk(tree, []);
  }
  return out;
}
