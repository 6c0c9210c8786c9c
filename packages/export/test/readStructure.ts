import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

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
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise;
  type Node = { role?: string; type?: string; id?: string; children?: Node[] };
  const out: StructElement[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const textOf = new Map<string, string>();
    const content = await page.getTextContent({ includeMarkedContent: true });
    const marked: string[] = [];
    for (const item of content.items as { type?: string; id?: string; str?: string }[]) {
      if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps")
        marked.push(item.id ?? "");
      else if (item.type === "endMarkedContent") marked.pop();
      else if (item.str !== undefined) {
        const id = marked[marked.length - 1];
        if (id) textOf.set(id, (textOf.get(id) ?? "") + item.str);
      }
    }
    const textIn = (n: Node): string =>
      (n.children ?? [])
        .map((c) => (c.type === "content" && c.id ? (textOf.get(c.id) ?? "") : textIn(c)))
        .join("");
    const walk = (n: Node | null, ancestors: string[]) => {
      if (!n) return;
      if (n.role) out.push({ role: n.role, ancestors, text: textIn(n), page: i });
      const below = n.role ? [...ancestors, n.role] : ancestors;
      for (const c of n.children ?? []) walk(c, below);
    };
    walk((await page.getStructTree()) as Node | null, []);
  }
  return out;
}
