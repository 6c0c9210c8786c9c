import PDFDocument from "pdfkit";
import { type FontStyle, loadFonts } from "./fonts.js";

/** A stretch of text with one style. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** A named destination inside the document. */
  readonly goTo?: string;
  /** An address outside the document (http, https, mailto). */
  readonly href?: string;
}

/** A block in a table cell: a paragraph, or an item of a list. */
export type CellBlock = { readonly runs: readonly Run[]; readonly bullet?: string };

type Struct = PDFKit.PDFStructureElement;

const MARGIN = 56;
const BODY_SIZE = 11.5;
const LINK_COLOUR = "#1a4f9c";
const TEXT_COLOUR = "#111111";

let cachedFonts: ReturnType<typeof loadFonts> | undefined;

/**
 * Draws a tagged PDF: every piece of content is marked and placed in the structure tree, running
 * headers and footers are artifacts, headings are bookmarks and named destinations.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly root: Struct;
  #outlineH1: PDFKit.PDFOutline | null = null;

  constructor(info: { title: string; author: string; subject: string }) {
    this.doc = new PDFDocument({
      pdfVersion: "1.7",
      // @types/pdfkit predates PDF/UA, which pdfkit 0.17 supports.
      subset: "PDF/UA" as PDFKit.PDFDocumentOptions["subset"],
      tagged: true,
      displayTitle: true,
      lang: "en-GB",
      size: "A4",
      margins: { top: MARGIN + 14, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject },
    });
    cachedFonts ??= loadFonts();
    for (const [style, files] of Object.entries(cachedFonts) as [
      FontStyle,
      { latin: Uint8Array; latinExt: Uint8Array },
    ][]) {
      this.doc.registerFont(style, Buffer.from(files.latin));
      this.doc.registerFont(`${style}-ext`, Buffer.from(files.latinExt));
    }
    this.doc.font("regular").fontSize(BODY_SIZE).fillColor(TEXT_COLOUR);
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Adds a structure element under `parent` and draws its content inside it. */
  #element(parent: Struct, type: string, draw?: () => void): Struct {
    const element = this.doc.struct(type);
    parent.add(element);
    if (draw) element.add(draw);
    return element;
  }

  /** Splits a run where the Latin font lacks a glyph, so such characters come from Latin Extended. */
  #segments(run: Run): { text: string; font: string }[] {
    const style: FontStyle = run.bold
      ? run.italic
        ? "boldItalic"
        : "bold"
      : run.italic
        ? "italic"
        : "regular";
    this.doc.font(style);
    const latin = (
      this.doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } }
    )._font.font;
    const out: { text: string; font: string }[] = [];
    for (const ch of run.text) {
      const font =
        ch.charCodeAt(0) < 128 || latin.hasGlyphForCodePoint(ch.codePointAt(0) as number)
          ? style
          : `${style}-ext`;
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += ch;
      else out.push({ text: ch, font });
    }
    return out;
  }

  /** Writes runs as one flowing paragraph; links become Link elements of their own. */
  #runs(
    parent: Struct,
    runs: readonly Run[],
    options: { size?: number; indent?: number; width?: number; x?: number } = {},
  ): void {
    const pieces = runs.filter((r) => r.text !== "");
    if (pieces.length === 0) pieces.push({ text: " " });
    const size = options.size ?? BODY_SIZE;
    const links = new Map<string, Struct>();
    const draws: (() => void)[] = [];
    pieces.forEach((run, i) => {
      const segments = this.#segments(run);
      segments.forEach((segment, k) => {
        const last = i === pieces.length - 1 && k === segments.length - 1;
        const draw = () => {
          this.doc
            .font(segment.font)
            .fontSize(size)
            .fillColor(run.goTo || run.href ? LINK_COLOUR : TEXT_COLOUR);
          const textOptions: PDFKit.Mixins.TextOptions = {
            continued: !last,
            underline: Boolean(run.underline || run.goTo || run.href),
            ...(options.width !== undefined ? { width: options.width } : {}),
            ...(options.indent ? { indent: options.indent } : {}),
            ...(run.goTo ? { goTo: run.goTo } : {}),
            ...(run.href ? { link: run.href } : {}),
          };
          if (options.x !== undefined && i === 0 && k === 0)
            this.doc.text(segment.text, options.x, this.doc.y, textOptions);
          else this.doc.text(segment.text, textOptions);
        };
        const target = run.goTo ?? run.href;
        draws.push(() => {
          if (target === undefined) {
            parent.add(draw);
            return;
          }
          const link = this.doc.struct("Link");
          parent.add(link);
          links.set(target, link);
          link.add(draw);
        });
      });
    });
    this.#withLinkAnnotations(links, () => {
      for (const draw of draws) draw();
    });
    this.doc.fillColor(TEXT_COLOUR);
  }

  /**
   * Ties each link annotation made while `draw` runs to its Link element, as PDF/UA asks: the
   * annotation gets a StructParent entry in the parent tree and a description (Contents), and the
   * element an OBJR pointing back. pdfkit does none of this; and it draws a line of continued text
   * only when the line is complete, so an annotation is matched to its link by target, not by when
   * it is made, and the links are ended (written) only after the whole block is drawn.
   */
  #withLinkAnnotations(links: Map<string, Struct>, draw: () => void): void {
    type Dict = { data: { K?: unknown[] } };
    const doc = this.doc as unknown as {
      annotate: (
        x: number,
        y: number,
        w: number,
        h: number,
        options: Record<string, unknown>,
      ) => unknown;
      page: { annotations: unknown[] };
      createStructParentTreeNextKey(): number;
      getStructParentTree(): { add(key: number, value: unknown): void };
    };
    const found = new Map<Struct, unknown[]>();
    const annotate = doc.annotate;
    doc.annotate = function (this: typeof doc, x, y, w, h, options) {
      const action = (options.A as { data?: { D?: unknown; URI?: unknown } } | undefined)?.data;
      const target = String(action?.D ?? action?.URI ?? "");
      const link = links.get(target);
      if (!link) return annotate.call(this, x, y, w, h, options);
      const key = doc.createStructParentTreeNextKey();
      doc.getStructParentTree().add(key, (link as unknown as { dictionary: Dict }).dictionary);
      const contents = new String(
        target.startsWith("item-") ? `Go to ${target.slice(5)}` : `Open ${target}`,
      );
      const result = annotate.call(this, x, y, w, h, {
        ...options,
        StructParent: key,
        Contents: contents,
      });
      found.set(link, [
        ...(found.get(link) ?? []),
        this.page.annotations[this.page.annotations.length - 1],
      ]);
      return result;
    };
    try {
      draw();
    } finally {
      doc.annotate = annotate;
    }
    for (const link of links.values()) {
      const element = (
        link as unknown as { dictionary: Dict & { end: (...a: unknown[]) => unknown } }
      ).dictionary;
      const end = element.end.bind(element);
      element.end = (...args: unknown[]) => {
        for (const annotation of found.get(link) ?? [])
          element.data.K?.push({ Type: "OBJR", Obj: annotation });
        return end(...args);
      };
      link.end();
    }
  }

  paragraph(parent: Struct, runs: readonly Run[]): void {
    const p = this.#element(parent, "P");
    this.doc.x = this.doc.page.margins.left;
    this.#runs(p, runs, { width: this.width });
    p.end();
    this.doc.moveDown(0.4);
  }

  /** A heading, with a named destination for links and a bookmark in the outline. */
  heading(parent: Struct, level: 1 | 2 | 3 | 4, text: string, destination?: string): void {
    const size = { 1: 18, 2: 14, 3: 12.5, 4: 12 }[level];
    this.#keepWithNext(size * 4);
    this.doc.x = this.doc.page.margins.left;
    if (level <= 2) this.doc.moveDown(level === 1 ? 0.6 : 0.3);
    if (destination) this.doc.addNamedDestination(destination, "XYZ", null, this.doc.y, null);
    if (level === 1) this.#outlineH1 = this.doc.outline.addItem(text);
    else if (level === 2) (this.#outlineH1 ?? this.doc.outline).addItem(text);
    const h = this.#element(parent, `H${level}`);
    this.#runs(h, [{ text, bold: true }], { size, width: this.width });
    h.end();
    this.doc.moveDown(0.3);
  }

  /** A list of items, each with its label ("•" or "1.") and body. */
  list(parent: Struct, items: readonly { label: string; runs: readonly Run[] }[], depth = 0): void {
    const l = this.#element(parent, "L");
    const indent = this.doc.page.margins.left + 14 + depth * 16;
    for (const item of items) {
      const li = this.#element(l, "LI");
      const y = this.doc.y;
      const lbl = this.#element(li, "Lbl", () => {
        this.doc
          .font("regular")
          .fontSize(BODY_SIZE)
          .text(item.label, indent, y, { width: 16, lineBreak: false });
      });
      lbl.end();
      this.doc.y = y;
      const body = this.#element(li, "LBody");
      this.#runs(body, item.runs, {
        x: indent + 16,
        width: this.width - (indent + 16 - this.doc.page.margins.left),
      });
      body.end();
      li.end();
      this.doc.moveDown(0.2);
    }
    l.end();
    this.doc.x = this.doc.page.margins.left;
    this.doc.moveDown(0.3);
  }

  #keepWithNext(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom)
      this.doc.addPage();
  }

  #cellHeight(blocks: readonly CellBlock[], width: number): number {
    let h = 0;
    for (const block of blocks) {
      const text =
        `${block.bullet ? `${block.bullet} ` : ""}${block.runs.map((r) => r.text).join("")}` || " ";
      this.doc.font(block.runs.some((r) => r.bold) ? "bold" : "regular").fontSize(BODY_SIZE - 1.5);
      h += this.doc.heightOfString(text, { width }) + 3;
    }
    return h;
  }

  /**
   * A table with a header row of TH cells (scope: column), repeated at the top of each page the
   * table runs onto. `widths` are fractions of the text width.
   */
  table(
    parent: Struct,
    header: readonly string[],
    rows: readonly (readonly CellBlock[])[][],
    widths: readonly number[],
    rowHeaders = false,
  ): void {
    const table = this.#element(parent, "Table");
    const pad = 4;
    const left = this.doc.page.margins.left;
    const cols = widths.map((w) => w * this.width);
    const xs = cols.map((_, i) => left + cols.slice(0, i).reduce((a, b) => a + b, 0));
    const size = BODY_SIZE - 1.5;
    const drawRow = (
      cells: readonly (readonly CellBlock[])[],
      isHeader: boolean,
      scope: "Column" | "Row",
    ) => {
      const heights = cells.map((c, i) => this.#cellHeight(c, (cols[i] as number) - 2 * pad));
      const height = Math.max(...heights, size + 4) + 2 * pad;
      const bottom = this.doc.page.height - this.doc.page.margins.bottom;
      if (this.doc.y + height > bottom && !isHeader) {
        this.doc.addPage();
        if (header.length)
          drawRow(
            header.map((h) => [{ runs: [{ text: h, bold: true }] }]),
            true,
            "Column",
          );
      }
      const top = this.doc.y;
      const tr = this.#element(table, "TR");
      cells.forEach((blocks, i) => {
        const x = xs[i] as number;
        const w = cols[i] as number;
        const th = isHeader || (rowHeaders && i === 0);
        const cell = this.#element(tr, th ? "TH" : "TD");
        if (th)
          (cell as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A =
            {
              O: "Table",
              Scope: isHeader ? "Column" : scope === "Row" || i === 0 ? "Row" : "Column",
            };
        this.doc.markContent("Artifact", { type: "Layout" });
        if (isHeader)
          this.doc.rect(x, top, w, height).fillColor("#e7e6e6").fill().fillColor(TEXT_COLOUR);
        this.doc.lineWidth(0.5).strokeColor("#808080").rect(x, top, w, height).stroke();
        this.doc.endMarkedContent();
        this.doc.y = top + pad;
        for (const block of blocks) {
          const target = this.#element(cell, "P");
          this.#runs(
            target,
            [...(block.bullet ? [{ text: `${block.bullet} ` }] : []), ...block.runs],
            { size, x: x + pad, width: w - 2 * pad },
          );
          target.end();
          this.doc.y += 3;
        }
        cell.end();
      });
      tr.end();
      this.doc.x = left;
      this.doc.y = top + height;
    };
    // Keep the header row with the first row, so a table never starts with a lone header.
    const headerCells = header.map((h) => [{ runs: [{ text: h, bold: true }] }]);
    const rowHeight = (cells: readonly (readonly CellBlock[])[]) =>
      Math.max(
        ...cells.map((c, i) => this.#cellHeight(c, (cols[i] as number) - 2 * pad)),
        size + 4,
      ) +
      2 * pad;
    const opening =
      (header.length ? rowHeight(headerCells) : 0) + (rows[0] ? rowHeight(rows[0]) : 0);
    if (this.doc.y + opening > this.doc.page.height - this.doc.page.margins.bottom)
      this.doc.addPage();
    if (header.length) drawRow(headerCells, true, "Column");
    for (const row of rows) drawRow(row, false, "Row");
    table.end();
    this.doc.moveDown(0.6);
  }

  /** Running header and "page X of Y" footer on every page, marked as artifacts. */
  pageFurniture(header: string, headerBold: boolean): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const { margins } = this.doc.page;
      const saved = margins.bottom;
      margins.bottom = 0;
      this.doc.markContent("Artifact", { type: "Pagination" });
      this.doc
        .font(headerBold ? "bold" : "regular")
        .fontSize(headerBold ? 13 : 9)
        .fillColor(TEXT_COLOUR);
      this.doc.text(header, margins.left, 28, {
        width: this.width,
        align: "center",
        lineBreak: false,
      });
      this.doc.font("regular").fontSize(9);
      this.doc.text(`Page ${i + 1} of ${range.count}`, margins.left, this.doc.page.height - 40, {
        width: this.width,
        align: "center",
        lineBreak: false,
      });
      this.doc.endMarkedContent();
      margins.bottom = saved;
    }
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** Finishes the document and returns its bytes. */
  finish(): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    return new Promise((resolve, reject) => {
      this.doc.on("data", (c: Buffer) => chunks.push(c));
      this.doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
      this.doc.on("error", reject);
      this.root.end();
      this.doc.end();
    });
  }
}
