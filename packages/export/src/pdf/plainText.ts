/** A glyph's place as pdfkit's font gives it, in thousandths of the font size. */
interface Position {
  readonly xAdvance: number;
  readonly advanceWidth: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** pdfkit's embedded font, as far as drawing text goes (its typings do not show it). */
interface Font {
  readonly id: string;
  ref(): unknown;
  /** Each glyph as four hex digits of its subset's glyph id, taking it into the subset. */
  encode(text: string): [string[], Position[]];
}

interface Doc {
  _font: Font;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** The text-showing operators of each text drawn in a document, by font: for one document only. */
export type ShownText = Map<Font, Map<string, string | null>>;

/** As pdfkit writes a number into content: at most six decimals. */
const number = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The TJ operator pdfkit's `_fragment` writes for these glyphs, or null where a glyph is moved
 * off its baseline or sideways (marks placed by the font), which pdfkit draws with a text matrix
 * of its own.
 */
function showText(encoded: readonly string[], positions: readonly Position[]): string | null {
  const commands: string[] = [];
  let last = 0;
  const segment = (end: number) => {
    if (last < end) {
      const pos = positions[end - 1] as Position;
      commands.push(
        `<${encoded.slice(last, end).join("")}> ${number(-(pos.xAdvance - pos.advanceWidth))}`,
      );
    }
    last = end;
  };
  for (let i = 0; i < positions.length; i++) {
    const pos = positions[i] as Position;
    if (pos.xOffset || pos.yOffset) return null;
    if (pos.xAdvance - pos.advanceWidth !== 0) segment(i + 1);
  }
  segment(positions.length);
  return commands.length ? `[${commands.join(" ")}] TJ` : null;
}

/**
 * Draws `text` in the current font and size with its baseline at y, writing the same operators
 * as pdfkit's `_fragment` does for text without options (`baseline: "alphabetic"`), in one piece
 * and with each text's glyphs encoded once per document. pdfkit encodes every call afresh (a
 * layout of the text, a lookup and four hex digits for each glyph) and adds each of the eight
 * operators on its own; in a plan the same words (labels, links, table headers) come back on
 * page after page. The first encoding of a text takes its glyphs into the font's subset, as
 * pdfkit's would, so the subsets are the same. Returns false, drawing nothing, where pdfkit must
 * draw it (text with a newline, or glyphs placed off their advance).
 */
export function drawPlainText(
  document: unknown,
  shown: ShownText,
  text: string,
  x: number,
  y: number,
): boolean {
  if (text.length === 0 || text.includes("\n")) return false;
  const doc = document as Doc;
  const font = doc._font;
  let byText = shown.get(font);
  if (!byText) shown.set(font, (byText = new Map()));
  let tj = byText.get(text);
  if (tj === undefined) {
    const [encoded, positions] = font.encode(text);
    tj = showText(encoded, positions);
    byText.set(text, tj);
  }
  if (tj === null) return false;
  const page = doc.page;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  // pdfkit saves the state, flips the page's y axis, draws, and restores it.
  doc.addContent(
    `q\n1 0 0 -1 0 ${number(page.height)} cm\nBT\n1 0 0 1 ${number(x)} ${number(page.height - y)} Tm\n` +
      `/${font.id} ${number(doc._fontSize)} Tf\n${tj}\nET\nQ`,
  );
  return true;
}
