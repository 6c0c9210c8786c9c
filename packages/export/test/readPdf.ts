import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

/** A node of a page's structure tree as pdf.js gives it: an element (role) or marked content. */
export interface StructNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** A PDF opened with pdf.js as the tests read it: no eval, no system fonts. */
const openPdf = (bytes: Uint8Array) =>
  pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false })
    .promise;

/**
 * Each page's structure tree, with the text an element holds on that page (the marked content
 * below it, in reading order), for the helpers that walk the structure.
 */
export async function* structuredPages(bytes: Uint8Array): AsyncGenerator<{
  readonly page: number;
  readonly tree: StructNode | null;
  readonly textIn: (node: StructNode) => string;
}> {
  const doc = await openPdf(bytes);
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
    const textIn = (n: StructNode): string =>
      (n.children ?? [])
        .map((c) => (c.type === "content" && c.id ? (textOf.get(c.id) ?? "") : textIn(c)))
        .join("");
    yield { page: i, tree: (await page.getStructTree()) as StructNode | null, textIn };
  }
}

/**
 * A PDF as a reader sees it, through pdf.js: its text, structure, outline and marking. Where a
 * Span carries ActualText (shaped Arabic, Indic vowel signs, emoji sequences), its text is read
 * instead of its glyphs, as screen readers and copying do.
 */
export async function readPdf(bytes: Uint8Array) {
  const doc = await openPdf(bytes);
  const roles = new Map<string, number>();
  const pages: string[] = [];
  const artifacts: string[] = [];
  // Each Link element's words, as a screen reader's list of links gives them.
  const links: string[] = [];
  const annotations: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const actual = new Map<string, string>();
    const linkIds: string[][] = [];
    const contentIds = (n: StructNode): string[] =>
      (n.children ?? []).flatMap((c) =>
        c.type === "content" && c.id ? [c.id] : c.role ? contentIds(c) : [],
      );
    const walk = (n: StructNode | null) => {
      if (!n) return;
      if (n.role) roles.set(n.role, (roles.get(n.role) ?? 0) + 1);
      if (n.role === "Link") linkIds.push(contentIds(n));
      if (n.role === "Span" && n.alt !== undefined)
        for (const c of n.children ?? []) if (c.type === "content" && c.id) actual.set(c.id, n.alt);
      for (const c of n.children ?? []) walk(c);
    };
    walk((await page.getStructTree()) as StructNode | null);
    const content = await page.getTextContent({ includeMarkedContent: true });
    let inArtifact = 0;
    let replaced = 0;
    let text = "";
    const marked: string[] = [];
    const textOf = new Map<string, string>();
    for (const item of content.items as {
      type?: string;
      tag?: string;
      str?: string;
      id?: string;
    }[]) {
      if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") {
        marked.push(item.id ?? "");
        if (item.tag === "Artifact" || inArtifact) inArtifact++;
        const alt = item.id ? actual.get(item.id) : undefined;
        if (replaced) replaced++;
        else if (alt !== undefined) {
          text += alt;
          replaced = 1;
        }
      } else if (item.type === "endMarkedContent") {
        marked.pop();
        if (inArtifact) inArtifact--;
        if (replaced) replaced--;
      } else if (replaced) {
        continue;
      } else if (item.str !== undefined) {
        const id = marked[marked.length - 1];
        if (id) textOf.set(id, (textOf.get(id) ?? "") + item.str);
        if (inArtifact) artifacts.push(item.str);
        else text += item.str;
      }
    }
    pages.push(text);
    // pdf.js gives the gap before a link's first glyph as a space inside the link: trimmed.
    for (const ids of linkIds)
      links.push(
        ids
          .map((id) => textOf.get(id) ?? "")
          .join("")
          .trim(),
      );
    for (const a of (await page.getAnnotations()) as {
      subtype?: string;
      contentsObj?: { str?: string };
    }[])
      if (a.subtype === "Link") annotations.push(a.contentsObj?.str ?? "");
  }
  const outline = ((await doc.getOutline()) ?? []).map((o) => o.title);
  return {
    pages: doc.numPages,
    text: pages.join("\n"),
    roles,
    artifacts,
    links,
    annotations,
    outline,
    marked: (await doc.getMarkInfo())?.Marked === true,
  };
}

/**
 * Each page's text as pdf.js gives it from the glyphs alone (`getTextContent`, what Firefox and
 * many tools copy, search and read aloud), without the ActualText that `readPdf` reads instead.
 */
export async function readGlyphText(bytes: Uint8Array): Promise<string> {
  const doc = await openPdf(bytes);
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items as { str?: string; hasEOL?: boolean }[])
      text += (item.str ?? "") + (item.hasEOL ? "\n" : "");
    text += "\n";
  }
  return text;
}

/**
 * The control characters in `text` other than line ends: what pdf.js reads for a glyph with no
 * text in the ToUnicode map (its glyph number as a character), and U+FFFD.
 */
export const controlCharacters = (text: string): string[] =>
  [...text].filter((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && c !== "\n") || code === 0x7f || code === 0xfffd;
  });

/** A piece of text on a page: where it is (y from the page's top), and the mark it is in. */
export interface PlacedText {
  readonly str: string;
  readonly x: number;
  readonly top: number;
  /** The innermost structure tag it is marked with (P, H2, TD, Span…), or "Artifact". */
  readonly tag: string;
  readonly artifact: boolean;
}

/** Each page's text with its position, through pdf.js, for checking how pages break. */
export async function readPages(bytes: Uint8Array): Promise<PlacedText[][]> {
  const doc = await openPdf(bytes);
  const pages: PlacedText[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const height = page.view[3] as number;
    const content = await page.getTextContent({ includeMarkedContent: true });
    const tags: string[] = [];
    const out: PlacedText[] = [];
    for (const item of content.items as {
      type?: string;
      tag?: string;
      str?: string;
      transform?: number[];
    }[]) {
      if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps")
        tags.push(item.tag ?? "");
      else if (item.type === "endMarkedContent") tags.pop();
      else if (item.str && item.str.trim() && item.transform) {
        const artifact = tags.includes("Artifact");
        out.push({
          str: item.str,
          x: item.transform[4] as number,
          top: height - (item.transform[5] as number),
          tag: artifact ? "Artifact" : (tags[tags.length - 1] ?? ""),
          artifact,
        });
      }
    }
    pages.push(out);
  }
  return pages;
}

/** Each structure element that gives a language (Lang), with its role and the text inside it. */
export async function readLanguages(
  bytes: Uint8Array,
): Promise<{ role: string; lang: string; text: string }[]> {
  const out: { role: string; lang: string; text: string }[] = [];
  for await (const { tree, textIn } of structuredPages(bytes)) {
    const walk = (n: StructNode | null) => {
      if (!n) return;
      if (n.role && n.lang) out.push({ role: n.role, lang: n.lang, text: textIn(n) });
      for (const c of n.children ?? []) walk(c);
    };
    walk(tree);
  }
  return out;
}
