import PDFDocument from "pdfkit";
import { FontChooser, type FontStyle, NoGlyphError } from "./fonts.js";
import { type LaidText, type Line, layoutText } from "./textLayout.js";
import { UnprintableCharacterError } from "./UnprintableCharacterError.js";
import { sharedLayoutCache } from "./sharedLayoutCache.js";
import { batchWrites } from "./batchedWrites.js";
import { writeObjectsFaster } from "./pdfObjects.js";
import { drawPlainText, type ShownText } from "./plainText.js";
import { mapGlyphsToText } from "./glyphText.js";
import { fastDestinationNames, PdfString } from "./PdfString.js";

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
  /** The language of these words, where it is not their paragraph's: a Span with Lang. */
  readonly lang?: string;
}

/** An item of a list: its label ("•", "2."), its words, and the lists nested in it. */
export interface ListItem {
  readonly label: string;
  readonly runs: readonly Run[];
  readonly lists?: readonly (readonly ListItem[])[];
}

/** A block in a table cell: a paragraph (with its language, if given), or an item of a list. */
export type CellBlock = {
  readonly runs: readonly Run[];
  readonly bullet?: string;
  readonly lang?: string;
};

type Struct = PDFKit.PDFStructureElement;

const MARGIN = 56;
const BODY_SIZE = 11.5;
const CELL_SIZE = BODY_SIZE - 1.5;
const CELL_PAD = 4;
const BLOCK_GAP = 3;
const LINK_COLOUR = "#1a4f9c";
const TEXT_COLOUR = "#111111";
/** The font whose metrics set every line's height and baseline, whatever script it holds. */
const BASE_FONT = "atkinson-hyperlegible-latin-400-normal";

const fonts = new FontChooser();
/** Features switched off, by font, where fontkit cannot apply them. */
const SAFER_FEATURES = [{ abvm: false }, { abvm: false, blwm: false, mark: false, mkmk: false }];
const FEATURE_FALLBACKS = new Map<string, number>();
/**
 * Advances (in thousandths of the size, as pdfkit gives them) by font, then text laid out plain
 * or shaped (a font's fallback features, when set, drop what it measured before): a word
 * is measured for its line, for its trailing space and for its line's width, each a walk through
 * pdfkit's layout. Bounded as `sharedLayoutCache` is.
 */
let ADVANCES = new Map<string, [Map<string, number>, Map<string, number>]>();
let advancesHeld = 0;
const MAX_ADVANCES = 200_000;

/** pdfkit's font, for the measuring and the layout cache its typings do not show. */
interface EmbeddedFont {
  layoutCache?: Record<string, unknown>;
  widthOfString(text: string, size: number, features?: unknown): number;
}

const styleOf = (run: Run): FontStyle =>
  run.bold ? (run.italic ? "boldItalic" : "bold") : run.italic ? "italic" : "regular";

interface PendingHeading {
  readonly parent: Struct;
  readonly level: 1 | 2 | 3 | 4 | 5;
  readonly text: string;
  readonly destination: string | undefined;
  readonly laid: LaidText;
  readonly size: number;
}

/** A cell's text laid out: its blocks, and each line with its offset from the cell's top. */
interface CellLayout {
  readonly blocks: {
    readonly runs: readonly Run[];
    readonly laid: LaidText;
    readonly lang?: string;
  }[];
  readonly lines: { readonly block: number; readonly line: Line; readonly top: number }[];
  readonly height: number;
}

/**
 * Draws a tagged PDF: every piece of content is marked and placed in the structure tree, running
 * headers and footers are artifacts, headings are bookmarks and named destinations. Text is laid
 * out here rather than by pdfkit, so that each character gets a font that has it, right-to-left
 * text is ordered line by line, and paragraphs and table rows break across pages where a reader
 * can follow them: no heading at a page's foot, no lone line, a row continued under its header.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly root: Struct;
  /** The item being drawn, for naming it when a character cannot be printed. */
  location: { item: string; path: string } = { item: "title page", path: "meta" };
  #outlineH1: PDFKit.PDFOutline | null = null;
  readonly #registered = new Set<string>();
  #pending: PendingHeading[] = [];
  /** The page kept for the contents, its TOC element, and where its entries start. */
  #contents: { page: number; toc: Struct; top: number } | null = null;
  /** Each heading 1 after the contents page, with its destination and page (from 0). */
  readonly #entries: { text: string; destination: string; page: number }[] = [];

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
    batchWrites(this.doc);
    writeObjectsFaster(this.doc);
    fastDestinationNames(this.doc);
    fonts.fontFor("a", "regular");
    this.#useFont(BASE_FONT, BODY_SIZE);
    this.#fillColour(TEXT_COLOUR);
    // A new page starts with the default colour, black.
    this.doc.on("pageAdded", () => (this.#fill = null));
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get #bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get #pageHeight(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - this.doc.page.margins.top;
  }

  get #atTop(): boolean {
    return this.doc.y <= this.doc.page.margins.top + 0.5;
  }

  #useFont(name: string, size: number): void {
    if (!this.#registered.has(name)) {
      this.doc.registerFont(name, fonts.bytesOf(name));
      this.#registered.add(name);
      const font = this.#font(name);
      mapGlyphsToText(font);
      if (font.layoutCache) font.layoutCache = sharedLayoutCache(name);
    }
    this.doc.font(name).fontSize(size);
  }

  /** Each text's operators, encoded once for this document. */
  readonly #shown: ShownText = new Map();

  /** The fill colour last set on the current page, or null where it is not known. */
  #fill: string | null = null;

  /** Sets the fill colour, unless it is set already: one operator fewer for most lines drawn. */
  #fillColour(colour: string): void {
    if (this.#fill === colour) return;
    this.doc.fillColor(colour);
    this.#fill = colour;
  }

  #switchToPage(page: number): void {
    this.doc.switchToPage(page);
    // The page's content goes on from where it ended, in a colour not known here.
    this.#fill = null;
  }

  /**
   * Draws `text` with its baseline at y, as pdfkit's `text` with `lineBreak: false` does, without
   * what that adds around it for wrapping, options and moving on (which measured the text again).
   */
  #text(
    text: string,
    x: number,
    baseline: number,
    features: { features?: PDFKit.Mixins.OpenTypeFeatures[] },
  ): void {
    const doc = this.doc as unknown as {
      _fragment(text: string, x: number, y: number, options: object): void;
    };
    if (features.features !== undefined || !drawPlainText(doc, this.#shown, text, x, baseline))
      doc._fragment(text, x, baseline, { baseline: "alphabetic", ...features });
    this.doc.x = x;
    this.doc.y = baseline;
  }

  #font(name: string): EmbeddedFont {
    this.doc.font(name);
    return (this.doc as unknown as { _font: EmbeddedFont })._font;
  }

  /** The width of `text` in `font` at `size`, as pdfkit's widthOfString gives it. */
  #widthOf(font: string, text: string, shape: boolean, size: number): number {
    if (advancesHeld >= MAX_ADVANCES) {
      ADVANCES = new Map();
      advancesHeld = 0;
    }
    let byShape = ADVANCES.get(font);
    if (!byShape) ADVANCES.set(font, (byShape = [new Map(), new Map()]));
    const known = byShape[shape ? 1 : 0];
    let advance = known.get(text);
    if (advance === undefined) {
      this.#useFont(font, size);
      advance = this.#font(font).widthOfString(text, 1000, this.#features(font, shape).features);
      known.set(text, advance);
      advancesHeld++;
    }
    return advance * (size / 1000);
  }

  #metricsCache = new Map<number, { lineHeight: number; ascent: number }>();
  #metrics(size: number) {
    let m = this.#metricsCache.get(size);
    if (!m) {
      this.#useFont(BASE_FONT, size);
      const font = (this.doc as unknown as { _font: { ascender: number } })._font;
      m = { lineHeight: this.doc.currentLineHeight(true), ascent: (font.ascender / 1000) * size };
      this.#metricsCache.set(size, m);
    }
    return m;
  }

  /** The OpenType features to ask for: given at all, pdfkit lays the whole run out at once. */
  #features(font: string, shape: boolean): { features?: PDFKit.Mixins.OpenTypeFeatures[] } {
    const step = FEATURE_FALLBACKS.get(font);
    if (step !== undefined)
      return { features: SAFER_FEATURES[step] as unknown as PDFKit.Mixins.OpenTypeFeatures[] };
    return shape ? { features: [] } : {};
  }

  /** Lays runs out in lines; a character no font has stops the export, naming where it is. */
  /**
   * Text laid out in this document, by size, width, and each run's style and text (all the layout
   * reads): a plan lays out the same header cells, labels and links again and again (6,000
   * layouts of 1,800 texts for the large plan), and a paragraph is measured before it is drawn.
   */
  #laidOut = new Map<string, LaidText>();

  #layout(runs: readonly Run[], width: number, size: number): LaidText {
    let key = `${size} ${width}`;
    for (const run of runs) key += `\u0000${styleOf(run)}\u0000${run.text}`;
    let laid = this.#laidOut.get(key);
    if (!laid) {
      laid = this.#layoutAfresh(runs, width, size);
      this.#laidOut.set(key, laid);
    }
    return laid;
  }

  #layoutAfresh(runs: readonly Run[], width: number, size: number): LaidText {
    try {
      return layoutText(
        runs.map((r) => ({ text: r.text, style: styleOf(r) })),
        width,
        fonts,
        (font, text, shape) => {
          for (;;) {
            try {
              return this.#widthOf(font, text, shape, size);
            } catch (error) {
              // fontkit 2.0 fails on a mark positioning table with an empty anchor (Noto Sans
              // Gurmukhi has some); that font is then shaped without the failing features.
              const step = (FEATURE_FALLBACKS.get(font) ?? -1) + 1;
              if (!(error instanceof TypeError) || step >= SAFER_FEATURES.length) throw error;
              FEATURE_FALLBACKS.set(font, step);
              // What was laid out in that font before is measured again, as it would be then.
              this.#laidOut.clear();
              ADVANCES.delete(font);
            }
          }
        },
      );
    } catch (error) {
      if (error instanceof NoGlyphError)
        throw new UnprintableCharacterError(
          this.location.item,
          this.location.path,
          error.character,
        );
      throw error;
    }
  }

  /**
   * Draws one line's atoms at (x, top) in reading order. Consecutive atoms that are not links go
   * in one marked-content sequence of `parent`; a link's atoms go in its Link element, with an
   * annotation tied to it.
   */
  #drawLine(
    parent: Struct | null,
    line: Line,
    runs: readonly Run[],
    x: number,
    top: number,
    size: number,
    links: Map<number, { element: Struct; annotations: unknown[] }>,
  ): void {
    const { lineHeight, ascent } = this.#metrics(size);
    const baseline = top + ascent;
    const draw = (atoms: Line["atoms"]) => {
      for (const atom of atoms) {
        const run = runs[atom.run] as Run;
        this.#useFont(atom.font, size);
        this.#fillColour(run.goTo || run.href ? LINK_COLOUR : TEXT_COLOUR);
        this.#text(atom.text, x + atom.x, baseline, this.#features(atom.font, atom.shape));
        if (run.underline || run.goTo || run.href) {
          const y = baseline + size * 0.12;
          this.doc
            .save()
            .lineWidth(size < 10 ? 0.5 : size / 16)
            .strokeColor(run.goTo || run.href ? LINK_COLOUR : TEXT_COLOUR)
            .moveTo(x + atom.x, y)
            .lineTo(x + atom.x + atom.width, y)
            .stroke()
            .restore();
        }
      }
    };
    let i = 0;
    while (i < line.atoms.length) {
      const run = runs[(line.atoms[i] as Line["atoms"][number]).run] as Run;
      let j = i + 1;
      const target = run.goTo ?? run.href;
      while (
        j < line.atoms.length &&
        (target === undefined
          ? !(runs[(line.atoms[j] as Line["atoms"][number]).run] as Run).goTo &&
            !(runs[(line.atoms[j] as Line["atoms"][number]).run] as Run).href
          : (line.atoms[j] as Line["atoms"][number]).run ===
            (line.atoms[i] as Line["atoms"][number]).run)
      )
        j++;
      const atoms = line.atoms.slice(i, j);
      if (parent === null) draw(atoms);
      else if (target === undefined) {
        // Runs whose glyphs cannot give their text back are Spans with ActualText, in the
        // structure tree and in the content's marks (which poppler and Acrobat read).
        let k = 0;
        // Words in another language are Spans with Lang, which screen readers switch voice for.
        const langOf = (atom: Line["atoms"][number]) => (runs[atom.run] as Run).lang;
        while (k < atoms.length) {
          const atom = atoms[k] as Line["atoms"][number];
          const lang = langOf(atom);
          if (atom.actual !== undefined || lang !== undefined) {
            const options = {
              ...(atom.actual !== undefined ? { actual: atom.actual } : {}),
              ...(lang !== undefined ? { lang } : {}),
            };
            const span = this.doc.struct("Span", options);
            parent.add(span);
            const content = (
              this.doc as unknown as {
                markStructureContent(tag: string, options: object): PDFKit.PDFStructureContent;
              }
            ).markStructureContent("Span", options);
            draw([atom]);
            this.doc.endMarkedContent();
            span.add(content);
            span.end();
            k++;
            continue;
          }
          let m = k;
          while (
            m < atoms.length &&
            (atoms[m] as Line["atoms"][number]).actual === undefined &&
            langOf(atoms[m] as Line["atoms"][number]) === undefined
          )
            m++;
          const plain = atoms.slice(k, m);
          parent.add(() => draw(plain));
          k = m;
        }
      } else {
        const atomRun = (atoms[0] as Line["atoms"][number]).run;
        let link = links.get(atomRun);
        if (!link) {
          link = { element: this.doc.struct("Link"), annotations: [] };
          parent.add(link.element);
          links.set(atomRun, link);
        }
        const entry = link;
        entry.element.add(() => {
          draw(atoms);
          for (const atom of atoms)
            this.#annotate(entry, run, x + atom.x, top, atom.width, lineHeight);
        });
      }
      i = j;
    }
    this.#fillColour(TEXT_COLOUR);
  }

  /**
   * A link annotation tied to its Link element, as PDF/UA asks: the annotation gets a StructParent
   * entry in the parent tree and a description (Contents), and the element an OBJR pointing back
   * (added when the element is ended, by `#endLinks`).
   */
  #annotate(
    link: { element: Struct; annotations: unknown[] },
    run: Run,
    x: number,
    y: number,
    w: number,
    h: number,
  ): void {
    const doc = this.doc as unknown as {
      createStructParentTreeNextKey(): number;
      getStructParentTree(): { add(key: number, value: unknown): void };
      page: { annotations: unknown[] };
    };
    const key = doc.createStructParentTreeNextKey();
    doc
      .getStructParentTree()
      .add(key, (link.element as unknown as { dictionary: unknown }).dictionary);
    // As pdfkit's goTo and link write them, with strings it converts faster.
    const action = this.doc.ref(
      run.goTo
        ? { S: "GoTo", D: new PdfString(run.goTo) }
        : { S: "URI", URI: new PdfString(run.href ?? "") },
    );
    (action as unknown as { end(): void }).end();
    const options = {
      StructParent: key,
      Contents: new PdfString(run.goTo ? `Go to ${run.text}` : `Open ${run.href ?? ""}`),
      Subtype: "Link",
      A: action,
    } as unknown as PDFKit.Mixins.AnnotationOption;
    (
      this.doc as unknown as {
        annotate(x: number, y: number, w: number, h: number, options: object): void;
      }
    ).annotate(x, y, w, h, options);
    link.annotations.push(doc.page.annotations[doc.page.annotations.length - 1]);
  }

  #endLinks(links: Map<number, { element: Struct; annotations: unknown[] }>): void {
    type Dict = { data: { K?: unknown[] }; end: (...a: unknown[]) => unknown };
    for (const { element, annotations } of links.values()) {
      const dictionary = (element as unknown as { dictionary: Dict }).dictionary;
      const end = dictionary.end.bind(dictionary);
      dictionary.end = (...args: unknown[]) => {
        for (const annotation of annotations)
          dictionary.data.K?.push({ Type: "OBJR", Obj: annotation });
        return end(...args);
      };
      element.end();
    }
  }

  /**
   * How many of `count` lines to put on the current page: all if they fit; none (start a new
   * page) when that would leave one line alone at the foot or the top, or split a short paragraph.
   */
  #linesHere(count: number, lineHeight: number, keepAfter = 0): number {
    const room = Math.floor((this.#bottom - this.doc.y + 0.01) / lineHeight);
    if (count * lineHeight + keepAfter <= this.#bottom - this.doc.y + 0.01) return count;
    if (this.#atTop) return Math.min(count, Math.max(1, room));
    if (count <= 3 || room < 2) return count <= room && keepAfter === 0 ? count : 0;
    return Math.min(room, count - 2);
  }

  /** Draws text lines at x, breaking pages between lines as `#linesHere` decides. */
  #flowLines(
    parent: Struct,
    laid: LaidText,
    runs: readonly Run[],
    options: {
      x: number;
      width: number;
      size: number;
      align?: "start" | "center";
      keepAfter?: number;
      onFirstLine?: (top: number) => void;
    },
  ): void {
    const { lineHeight } = this.#metrics(options.size);
    const links = new Map<number, { element: Struct; annotations: unknown[] }>();
    let index = 0;
    let first = true;
    while (index < laid.lines.length) {
      const remaining = laid.lines.length - index;
      let here = this.#linesHere(remaining, lineHeight, options.keepAfter ?? 0);
      if (here === 0) {
        this.doc.addPage();
        here = this.#linesHere(remaining, lineHeight, options.keepAfter ?? 0);
        if (here === 0) here = remaining;
      }
      for (let k = 0; k < here; k++) {
        const line = laid.lines[index + k] as Line;
        const top = this.doc.y;
        if (first) options.onFirstLine?.(top);
        first = false;
        const free = options.width - line.width;
        const shift = options.align === "center" ? free / 2 : laid.rtl ? free : 0;
        this.#drawLine(parent, line, runs, options.x + shift, top, options.size, links);
        this.doc.y = top + lineHeight;
      }
      index += here;
      if (index < laid.lines.length) this.doc.addPage();
    }
    this.#endLinks(links);
  }

  /** The height the first piece of a block needs, for a heading kept with it. */
  #firstPiece(lines: number, lineHeight: number, keepAfter = 0): number {
    return lines <= 3 ? lines * lineHeight + keepAfter : 2 * lineHeight;
  }

  /** A bookmark under `parent`, its title a `PdfString`. */
  #bookmark(parent: PDFKit.PDFOutline, title: string): PDFKit.PDFOutline {
    const item = parent.addItem(title);
    (item as unknown as { outlineData: { Title: unknown } }).outlineData.Title = new PdfString(
      title,
    );
    return item;
  }

  /** Draws the headings waiting for the block after them, on a new page unless `next` fits too. */
  #flushHeadings(next: number): void {
    if (this.#pending.length === 0) return;
    const pending = this.#pending;
    this.#pending = [];
    const gaps = (h: PendingHeading) =>
      (h.level <= 2 ? (h.level === 1 ? 0.6 : 0.3) : 0) * this.#metrics(h.size).lineHeight +
      0.3 * this.#metrics(h.size).lineHeight;
    const height = pending.reduce(
      (sum, h) => sum + h.laid.lines.length * this.#metrics(h.size).lineHeight + gaps(h),
      0,
    );
    if (!this.#atTop && this.doc.y + height + next > this.#bottom) this.doc.addPage();
    for (const h of pending) {
      const { lineHeight } = this.#metrics(h.size);
      if (h.level <= 2 && !this.#atTop) this.doc.y += (h.level === 1 ? 0.6 : 0.3) * lineHeight;
      if (h.destination) this.doc.addNamedDestination(h.destination, "XYZ", null, this.doc.y, null);
      if (h.level === 1) this.#outlineH1 = this.#bookmark(this.doc.outline, h.text);
      if (h.level === 1 && this.#contents && h.destination)
        this.#entries.push({
          text: h.text,
          destination: h.destination,
          page: this.doc.bufferedPageRange().count - 1,
        });
      else if (h.level === 2) this.#bookmark(this.#outlineH1 ?? this.doc.outline, h.text);
      const element = this.doc.struct(`H${h.level}`);
      h.parent.add(element);
      const links = new Map<number, { element: Struct; annotations: unknown[] }>();
      for (const line of h.laid.lines) {
        const top = this.doc.y;
        const shift = h.laid.rtl ? this.width - line.width : 0;
        this.#drawLine(
          element,
          line,
          [{ text: h.text, bold: true }],
          this.doc.page.margins.left + shift,
          top,
          h.size,
          links,
        );
        this.doc.y = top + lineHeight;
      }
      element.end();
      this.doc.y += 0.3 * lineHeight;
    }
  }

  paragraph(
    parent: Struct,
    runs: readonly Run[],
    options: { destination?: string; keepAfter?: number; lang?: string } = {},
  ): void {
    const laid = this.#layout(
      runs.filter((r) => r.text !== ""),
      this.width,
      BODY_SIZE,
    );
    const { lineHeight } = this.#metrics(BODY_SIZE);
    this.#flushHeadings(this.#firstPiece(laid.lines.length, lineHeight, options.keepAfter));
    const p = this.doc.struct("P", options.lang ? { lang: options.lang } : {});
    parent.add(p);
    this.#flowLines(
      p,
      laid,
      runs.filter((r) => r.text !== ""),
      {
        x: this.doc.page.margins.left,
        width: this.width,
        size: BODY_SIZE,
        ...(options.keepAfter ? { keepAfter: options.keepAfter } : {}),
        ...(options.destination
          ? {
              onFirstLine: (top: number) =>
                this.doc.addNamedDestination(options.destination as string, "XYZ", null, top, null),
            }
          : {}),
      },
    );
    p.end();
    this.doc.y += 0.4 * lineHeight;
    this.doc.x = this.doc.page.margins.left;
  }

  /** The height a paragraph of these runs takes, for keeping it with what comes before. */
  paragraphHeight(runs: readonly Run[]): number {
    const laid = this.#layout(
      runs.filter((r) => r.text !== ""),
      this.width,
      BODY_SIZE,
    );
    return (laid.lines.length + 0.4) * this.#metrics(BODY_SIZE).lineHeight;
  }

  /**
   * A heading, with a named destination for links and a bookmark in the outline. It is drawn with
   * the block after it, so it never stands alone at the foot of a page.
   */
  heading(parent: Struct, level: 1 | 2 | 3 | 4 | 5, text: string, destination?: string): void {
    // A fifth level is only reached inside an appendix of advice, whose headings sit one lower.
    const size = { 1: 18, 2: 14, 3: 12.5, 4: 12, 5: 11.5 }[level];
    const laid = this.#layout([{ text, bold: true }], this.width, size);
    this.#pending.push({ parent, level, text, destination, laid, size });
  }

  /**
   * A list of items, each with its label ("•" or "1.") and body, and the lists nested in it,
   * drawn indented inside its body (an L inside the LBody), so the structure keeps their levels.
   */
  list(parent: Struct, items: readonly ListItem[], depth = 0): void {
    const l = this.doc.struct("L");
    let opened = false;
    const indent = this.doc.page.margins.left + 14 + depth * 16;
    const { lineHeight } = this.#metrics(BODY_SIZE);
    for (const item of items) {
      const words = item.runs.filter((r) => r.text !== "");
      // An item that opens with a nested list still has its label on a line of its own.
      const runs = words.length > 0 ? words : [{ text: " " }];
      const laid = this.#layout(
        runs,
        this.width - (indent + 16 - this.doc.page.margins.left),
        BODY_SIZE,
      );
      this.#flushHeadings(this.#firstPiece(laid.lines.length, lineHeight));
      if (!opened) {
        parent.add(l);
        opened = true;
      }
      const li = this.doc.struct("LI");
      l.add(li);
      const lbl = this.doc.struct("Lbl");
      li.add(lbl);
      const body = this.doc.struct("LBody");
      const label = this.#layout([{ text: item.label }], 16, BODY_SIZE);
      this.#flowLines(body, laid, runs, {
        x: indent + 16,
        width: this.width - (indent + 16 - this.doc.page.margins.left),
        size: BODY_SIZE,
        onFirstLine: (top) => {
          const links = new Map<number, { element: Struct; annotations: unknown[] }>();
          for (const line of label.lines)
            this.#drawLine(lbl, line, [{ text: item.label }], indent, top, BODY_SIZE, links);
          lbl.end();
          li.add(body);
        },
      });
      for (const nested of item.lists ?? []) {
        this.doc.y += 0.2 * lineHeight;
        this.list(body, nested, depth + 1);
        this.doc.y -= 0.5 * lineHeight;
      }
      body.end();
      li.end();
      this.doc.y += 0.2 * lineHeight;
    }
    if (opened) l.end();
    this.doc.x = this.doc.page.margins.left;
    this.doc.y += 0.3 * lineHeight;
  }

  #cellLayout(blocks: readonly CellBlock[], width: number): CellLayout {
    const { lineHeight } = this.#metrics(CELL_SIZE);
    const laidBlocks = blocks.map((block) => {
      const runs = [
        ...(block.bullet ? [{ text: `${block.bullet} ` }] : []),
        ...block.runs.filter((r) => r.text !== ""),
      ];
      return {
        runs,
        laid: this.#layout(runs.length ? runs : [{ text: " " }], width, CELL_SIZE),
        ...(block.lang ? { lang: block.lang } : {}),
      };
    });
    const lines: { block: number; line: Line; top: number }[] = [];
    let top = 0;
    laidBlocks.forEach((b, i) => {
      for (const line of b.laid.lines) {
        lines.push({ block: i, line, top });
        top += lineHeight;
      }
      top += BLOCK_GAP;
    });
    return { blocks: laidBlocks, lines, height: top };
  }

  /**
   * A table with a header row of TH cells (scope: column). A row that does not fit on the page
   * continues on the next, line by line, with the header row drawn again above it (as an
   * artifact, so it is read once) and every cell's borders closed at the page's foot.
   * `widths` are fractions of the text width; `keepAfter` is the height of what must follow the
   * table on its last page.
   */
  table(
    parent: Struct,
    header: readonly string[],
    rows: readonly (readonly CellBlock[])[][],
    widths: readonly number[],
    rowHeaders = false,
    options: { keepAfter?: number } = {},
  ): void {
    const left = this.doc.page.margins.left;
    const cols = widths.map((w) => w * this.width);
    const xs = cols.map((_, i) => left + cols.slice(0, i).reduce((a, b) => a + b, 0));
    const { lineHeight } = this.#metrics(CELL_SIZE);
    const minRow = CELL_SIZE + 4;
    const layoutRow = (cells: readonly (readonly CellBlock[])[]) =>
      cells.map((c, i) => this.#cellLayout(c, (cols[i] as number) - 2 * CELL_PAD));
    const headerLayout = header.length
      ? layoutRow(header.map((h) => [{ runs: [{ text: h, bold: true }] }]))
      : null;
    const rowHeight = (cells: CellLayout[]) =>
      Math.max(minRow, ...cells.map((c) => c.height)) + 2 * CELL_PAD;
    const headerHeight = headerLayout ? rowHeight(headerLayout) : 0;
    const bodies = rows.map(layoutRow);
    const keepAfter = options.keepAfter ?? 0;
    // A row this short moves whole to the next page rather than split.
    const isShort = (height: number) => height <= this.#pageHeight / 3;

    const borders = (top: number, height: number, shaded: boolean) => {
      this.doc.markContent("Artifact", { type: "Layout" });
      cols.forEach((w, i) => {
        const x = xs[i] as number;
        if (shaded) {
          this.#fillColour("#e7e6e6");
          this.doc.rect(x, top, w, height).fill();
        }
        this.doc.lineWidth(0.5).strokeColor("#808080").rect(x, top, w, height).stroke();
      });
      this.#fillColour(TEXT_COLOUR);
      this.doc.endMarkedContent();
    };
    const drawCellLines = (
      cellStruct: Struct | null,
      blockStructs: (Struct | null)[],
      cell: CellLayout,
      lines: CellLayout["lines"],
      x: number,
      colWidth: number,
      top: number,
      shift: number,
    ) => {
      for (const entry of lines) {
        const block = cell.blocks[entry.block] as CellLayout["blocks"][number];
        let p = blockStructs[entry.block] ?? null;
        if (cellStruct && !p) {
          const lang = cell.blocks[entry.block]?.lang;
          p = this.doc.struct("P", lang ? { lang } : {});
          cellStruct.add(p);
          blockStructs[entry.block] = p;
        }
        const rtlShift = block.laid.rtl ? colWidth - 2 * CELL_PAD - entry.line.width : 0;
        this.#drawLine(
          p,
          entry.line,
          block.runs,
          x + CELL_PAD + rtlShift,
          top + CELL_PAD + entry.top - shift,
          CELL_SIZE,
          linkMaps.get(p) ?? newLinks(p),
        );
      }
    };
    const linkMaps = new Map<
      Struct | null,
      Map<number, { element: Struct; annotations: unknown[] }>
    >();
    const newLinks = (p: Struct | null) => {
      const m = new Map<number, { element: Struct; annotations: unknown[] }>();
      linkMaps.set(p, m);
      return m;
    };

    // The header row, tagged the first time and an artifact when repeated on a later page.
    const drawHeader = (tagged: boolean) => {
      if (!headerLayout) return;
      const top = this.doc.y;
      borders(top, headerHeight, true);
      if (!tagged) this.doc.markContent("Artifact", { type: "Pagination" });
      const tr = tagged ? this.doc.struct("TR") : null;
      if (tr) table.add(tr);
      headerLayout.forEach((cell, i) => {
        const th = tr ? this.doc.struct("TH") : null;
        if (th && tr) {
          (th as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
            O: "Table",
            Scope: "Column",
          };
          tr.add(th);
        }
        drawCellLines(th, [], cell, cell.lines, xs[i] as number, cols[i] as number, top, 0);
        th?.end();
      });
      tr?.end();
      if (!tagged) this.doc.endMarkedContent();
      this.doc.y = top + headerHeight;
    };
    const newPage = () => {
      this.doc.addPage();
      drawHeader(false);
    };

    const drawRow = (cells: CellLayout[], last: boolean) => {
      const tr = this.doc.struct("TR");
      table.add(tr);
      const cellStructs = cells.map((_, i) => {
        const th = rowHeaders && i === 0;
        const s = this.doc.struct(th ? "TH" : "TD");
        if (th)
          (s as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
            O: "Table",
            Scope: "Row",
          };
        tr.add(s);
        return s;
      });
      const blockStructs = cells.map(() => [] as (Struct | null)[]);
      const remaining = cells.map((c) => [...c.lines]);
      const contentHeight = (lines: CellLayout["lines"], shift: number) =>
        lines.length ? Math.max(...lines.map((l) => l.top - shift + lineHeight)) : 0;
      const shifts = cells.map(() => 0);
      for (;;) {
        const need =
          Math.max(minRow, ...remaining.map((r, i) => contentHeight(r, shifts[i] as number))) +
          2 * CELL_PAD;
        const room = this.#bottom - this.doc.y;
        const fitsWhole = need + (last ? keepAfter : 0) <= room;
        // A short row that does not fit moves whole to the next page; a long one is split.
        const short = isShort(need + (last ? keepAfter : 0));
        if (!fitsWhole && (short || room - 2 * CELL_PAD < 2 * lineHeight) && !this.#atTop) {
          newPage();
          continue;
        }
        const top = this.doc.y;
        // On the row's last page, lines move on with what must follow the table.
        const finalPiece = need <= room;
        const limit = fitsWhole
          ? Infinity
          : room - 2 * CELL_PAD - (last && finalPiece ? keepAfter : 0);
        const taken = remaining.map((r, i) =>
          r.filter((l) => l.top - (shifts[i] as number) + lineHeight <= limit + 0.01),
        );
        const height = fitsWhole ? need : room;
        borders(top, height, false);
        cells.forEach((cell, i) => {
          const lines = taken[i] as CellLayout["lines"];
          drawCellLines(
            cellStructs[i] as Struct,
            blockStructs[i] as (Struct | null)[],
            cell,
            lines,
            xs[i] as number,
            cols[i] as number,
            top,
            shifts[i] as number,
          );
          remaining[i] = (remaining[i] as CellLayout["lines"]).slice(lines.length);
          const next = (remaining[i] as CellLayout["lines"])[0];
          if (next) shifts[i] = next.top;
        });
        this.doc.y = top + height;
        if (remaining.every((r) => r.length === 0)) break;
        newPage();
      }
      for (const m of linkMaps.values()) this.#endLinks(m);
      linkMaps.clear();
      for (const p of blockStructs.flat()) p?.end();
      for (const s of cellStructs) s.end();
      tr.end();
    };

    // The header and at least the start of the first row go together, and with any heading.
    const first = bodies[0];
    const firstFull = (first ? rowHeight(first) : 0) + (rows.length === 1 ? keepAfter : 0);
    const opening = headerHeight + (isShort(firstFull) ? firstFull : 3 * lineHeight + 2 * CELL_PAD);
    this.#flushHeadings(opening);
    if (!this.#atTop && this.doc.y + opening > this.#bottom) this.doc.addPage();
    const table = this.doc.struct("Table");
    parent.add(table);
    drawHeader(true);
    bodies.forEach((cells, i) => drawRow(cells, i === bodies.length - 1));
    table.end();
    this.doc.x = left;
    this.doc.y += 0.6 * this.#metrics(BODY_SIZE).lineHeight;
  }

  /**
   * Running header and footer ("page X of Y", after `footer` if given) on every page, marked as
   * artifacts.
   */
  pageFurniture(header: readonly Run[], size: number, footerText = "", watermark = ""): void {
    this.#flushHeadings(0);
    this.#drawContents();
    const range = this.doc.bufferedPageRange();
    const laid = this.#layout(header, this.width, size);
    const mark = watermark
      ? this.#layout([{ text: watermark, bold: true }], 2 * this.width, 110)
      : null;
    for (let i = range.start; i < range.start + range.count; i++) {
      this.#switchToPage(i);
      const { margins } = this.doc.page;
      const saved = margins.bottom;
      margins.bottom = 0;
      this.doc.markContent("Artifact", { type: "Pagination" });
      const markLine = mark?.lines[0];
      if (markLine) {
        // Across the page's middle, pale enough to read the words under it.
        const { width, height } = this.doc.page;
        this.doc.save().rotate(-45, { origin: [width / 2, height / 2] });
        for (const atom of markLine.atoms) {
          this.#useFont(atom.font, 110);
          this.doc
            .fillColor("#808080", 0.14)
            .text(atom.text, (width - markLine.width) / 2 + atom.x, height / 2 + 35, {
              lineBreak: false,
              baseline: "alphabetic",
            });
        }
        this.doc.restore();
        this.#fill = null;
        this.#fillColour(TEXT_COLOUR);
      }
      const line = laid.lines[0];
      const links = new Map<number, { element: Struct; annotations: unknown[] }>();
      if (line)
        this.#drawLine(
          null,
          line,
          header,
          margins.left + (this.width - line.width) / 2,
          28,
          size,
          links,
        );
      const pageRuns = [
        { text: `${footerText ? `${footerText} · ` : ""}Page ${i + 1} of ${range.count}` },
      ];
      const footer = this.#layout(pageRuns, this.width, 9);
      const foot = footer.lines[0] as Line;
      this.#drawLine(
        null,
        foot,
        pageRuns,
        margins.left + (this.width - foot.width) / 2,
        this.doc.page.height - 40,
        9,
        links,
      );
      this.doc.endMarkedContent();
      margins.bottom = saved;
    }
  }

  newPage(): void {
    this.#flushHeadings(0);
    this.doc.addPage();
  }

  /**
   * Keeps a page for the contents: its heading now, its entries (each heading 1 that follows,
   * with its page number and a link to it) when every page is laid out. The entries are a TOC
   * element of TOCI elements, each holding a Link and the page number.
   */
  contentsPage(): void {
    this.newPage();
    this.heading(this.root, 1, "Contents", "contents");
    this.#flushHeadings(0);
    const toc = this.doc.struct("TOC");
    this.root.add(toc);
    this.#contents = { page: this.doc.bufferedPageRange().count - 1, toc, top: this.doc.y };
  }

  #drawContents(): void {
    const contents = this.#contents;
    if (!contents) return;
    this.#contents = null;
    this.#switchToPage(contents.page);
    const left = this.doc.page.margins.left;
    const { lineHeight } = this.#metrics(BODY_SIZE);
    const numberWidth = 40;
    let top = contents.top;
    for (const entry of this.#entries) {
      const item = this.doc.struct("TOCI");
      contents.toc.add(item);
      const runs: Run[] = [{ text: entry.text, goTo: entry.destination }];
      const laid = this.#layout(runs, this.width - numberWidth - 12, BODY_SIZE);
      const links = new Map<number, { element: Struct; annotations: unknown[] }>();
      for (const line of laid.lines) {
        this.#drawLine(item, line, runs, left, top, BODY_SIZE, links);
        top += lineHeight;
      }
      this.#endLinks(links);
      const number: Run[] = [{ text: String(entry.page + 1) }];
      const numberLine = this.#layout(number, numberWidth, BODY_SIZE).lines[0] as Line;
      const numberX = left + this.width - numberLine.width;
      // Dots lead the eye from the heading to its page number; a screen reader passes over them.
      const lastWidth = (laid.lines[laid.lines.length - 1] as Line).width;
      const dotsY = top - lineHeight + this.#metrics(BODY_SIZE).ascent;
      this.doc.markContent("Artifact", { type: "Layout" });
      this.doc
        .save()
        .lineWidth(0.8)
        .dash(0.8, { space: 3 })
        .strokeColor("#707070")
        .moveTo(left + lastWidth + 6, dotsY)
        .lineTo(numberX - 6, dotsY)
        .stroke()
        .undash()
        .restore();
      this.doc.endMarkedContent();
      this.#drawLine(item, numberLine, number, numberX, top - lineHeight, BODY_SIZE, new Map());
      item.end();
      top += 0.4 * lineHeight;
    }
    contents.toc.end();
  }

  /** Finishes the document and returns its bytes. */
  finish(): Promise<Uint8Array> {
    this.#flushHeadings(0);
    this.#drawContents();
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
