/**
 * What text each drawn glyph stands for, so that a PDF reader that reads glyphs (pdf.js, which
 * Firefox and many tools use for copying, search and reading aloud) gets the words back.
 *
 * pdfkit maps each glyph of a subset to one text, the first it was drawn for. Shaped scripts
 * break that: Noto Sans Arabic draws ب ت ث ی with one dotless skeleton glyph and a dots glyph
 * (which stands for no character of its own), Bengali draws a vowel sign before its consonant,
 * and a ligature stands for several characters. Here each drawn glyph gets a glyph id of its own
 * in the subset for each text it stands for (the same outline, held again), and the glyphs of one
 * cluster (the least run of glyphs that stands for a run of the text) share its text out in the
 * order they are drawn, which is the order pdf.js reads them in; a glyph left without a letter
 * (a dot split off its letter) maps to a word joiner, which pdf.js drops and which changes
 * nothing where other readers keep it. pdf.js reads a right-to-left run as drawn (left to right)
 * and turns it round, so the text of a glyph there is written backwards.
 */

/** U+2060 WORD JOINER: a format character, not a space, that joins what is joined already. */
const NOTHING = [0x2060];

/** A glyph as fontkit gives it. */
interface Glyph {
  readonly id: number;
  readonly codePoints: readonly number[];
  readonly advanceWidth: number;
}

/** A laid-out run of fontkit's, with what `recordCodePoints` adds to it. */
interface GlyphRun {
  glyphs: Glyph[];
  positions: {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
    advanceWidth: number;
  }[];
  direction?: string;
  /** Each glyph's code points as shaped for this run (fontkit's Glyph keeps those of its first use). */
  shapedCodePoints?: number[][];
}

interface GlyphInfo {
  readonly codePoints: number[];
}

interface LayoutEngine {
  engine?: object;
}

/** pdfkit's embedded font, as far as encoding goes (its typings do not show it). */
interface EmbeddedFont {
  font: {
    _layoutEngine: LayoutEngine;
    glyphForCodePoint(cp: number): { id: number; path: { commands: unknown[] } };
  };
  subset: { glyphs: number[]; mapping: Record<number, number>; includeGlyph(id: number): number };
  unicode: (readonly number[])[];
  widths: number[];
  /** Thousandths of the size per font unit. */
  scale: number;
  layoutCache?: Record<string, GlyphRun>;
  layoutRun(text: string, features?: unknown): GlyphRun;
  layoutCached(text: string): GlyphRun;
  encode(text: string, features?: unknown): [string[], GlyphRun["positions"]];
}

/** A glyph of the font that draws nothing (a space), to carry marks; null where it has none. */
function blankGlyph(font: EmbeddedFont): number | null {
  for (const cp of [0x20, 0x200b, 0x200d, 0xa0]) {
    const glyph = font.font.glyphForCodePoint(cp);
    if (glyph.id !== 0 && glyph.path.commands.length === 0) return glyph.id;
  }
  return null;
}

const patched = new WeakSet<object>();

/**
 * Makes fontkit keep, on each run it lays out, every glyph's code points as shaping left them
 * (a ligature has its letters', a glyph split off another has none): fontkit's own Glyph objects
 * are shared and keep those of the first text they were drawn for.
 */
function recordCodePoints(layoutEngine: LayoutEngine): void {
  const engine = layoutEngine.engine as
    { position(run: GlyphRun): unknown; glyphInfos: GlyphInfo[] | null } | undefined;
  if (!engine) return;
  const proto = Object.getPrototypeOf(engine) as {
    position(this: typeof engine, run: GlyphRun): unknown;
  };
  if (patched.has(proto)) return;
  patched.add(proto);
  const position = proto.position;
  proto.position = function (this: typeof engine, run: GlyphRun) {
    const infos = this?.glyphInfos;
    const codePoints = infos?.length === run.glyphs.length ? infos.map((g) => g.codePoints) : null;
    const result = position.call(this, run);
    if (codePoints)
      run.shapedCodePoints = run.direction === "rtl" ? codePoints.reverse() : codePoints;
    return result;
  };
}

const codePointsOf = (text: string) => Array.from(text, (c) => c.codePointAt(0) as number);

/** How pdf.js reads a glyph's text (`getCharUnicodeCategory`): the tests it makes of it. */
const SPACE = /^\s/u;
const MARK = /\p{Mn}/u;
const FORMAT = /\p{Cf}$/u;

/**
 * Shares a cluster's letters out among its glyphs, in drawing order, each glyph a run of them
 * (or none, for a word joiner). pdf.js moves on by a glyph's width unless its text holds a
 * nonspacing mark (then it counts it as 0 wide) or is a word joiner (then it skips it), and a
 * glyph whose text starts with a space or ends in a format character loses the rest: the share
 * chosen never loses a letter and leaves as little width uncounted as it can, since that puts
 * the letters after it out of place (pdf.js then reads a space in a word, or splits a line).
 * Returns the uncounted width too, or null where every share loses a letter.
 */
function share(
  widths: readonly number[],
  letters: readonly number[],
): { cost: number; texts: (readonly number[])[] } | null {
  const m = widths.length;
  const k = letters.length;
  const chars = letters.map((cp) => String.fromCodePoint(cp));
  const cost = (g: number, from: number, to: number) => {
    const width = widths[g] as number;
    if (from === to) return width;
    const text = chars.slice(from, to).join("");
    if ((to - from > 1 && SPACE.test(text)) || FORMAT.test(text)) return Infinity;
    return MARK.test(text) && carried(letters.slice(from, to)) === null ? width : 0;
  };
  // best[g][j]: the least uncounted width with the first g glyphs holding the first j letters.
  const best = Array.from({ length: m + 1 }, () => new Array<number>(k + 1).fill(Infinity));
  const cut = Array.from({ length: m + 1 }, () => new Array<number>(k + 1).fill(0));
  (best[0] as number[])[0] = 0;
  for (let g = 0; g < m; g++)
    for (let j = 0; j <= k; j++) {
      const here = (best[g] as number[])[j] as number;
      if (here === Infinity) continue;
      // The last glyph takes all that is left.
      for (let e = g === m - 1 ? k : j; e <= k; e++) {
        const total = here + cost(g, j, e);
        if (total < ((best[g + 1] as number[])[e] as number)) {
          (best[g + 1] as number[])[e] = total;
          (cut[g + 1] as number[])[e] = j;
        }
      }
    }
  const total = (best[m] as number[])[k] as number;
  if (total === Infinity) return null;
  const texts: (readonly number[])[] = new Array<readonly number[]>(m);
  for (let g = m, e = k; g > 0; g--) {
    const from = (cut[g] as number[])[e] as number;
    texts[g - 1] = from === e ? NOTHING : letters.slice(from, e);
    e = from;
  }
  return { cost: total, texts };
}

/**
 * Where a glyph's text holds a nonspacing mark after its first letter (क्ष, a conjunct, is क ् ष;
 * ❤️ is ❤ and a variation selector), the letters from the mark on, which a glyph of no width
 * and no ink drawn after it carries: the glyph's own width then counts, and pdf.js keeps the
 * mark with the letter before it. Null where the text keeps its marks (none, or one first).
 */
function carried(letters: readonly number[]): readonly number[] | null {
  const at = letters.findIndex((cp) => MARK.test(String.fromCodePoint(cp)));
  if (at <= 0) return null;
  const rest = letters.slice(at);
  return FORMAT.test(String.fromCodePoint(...rest)) ? null : rest;
}

/** Beyond this many glyphs by letters, a cluster's text goes whole on its first glyph. */
const MAX_SHARE = 4096;

/**
 * The text each glyph of `run` stands for, in the order the glyphs are drawn. A glyph takes the
 * first letters of the text not yet taken that it was shaped from; clusters are then closed where
 * no later glyph comes from earlier text, and each cluster's text (all of the text up to the next
 * cluster, so nothing is lost) is shared out among its glyphs in drawing order, written backwards
 * in a right-to-left run, as a reader turns the whole run back to reading order.
 */
export function glyphTexts(run: GlyphRun, text: string): (readonly number[])[] {
  const n = run.glyphs.length;
  const rtl = run.direction === "rtl";
  // Logical (reading) order: fontkit reversed a right-to-left run's glyphs for drawing.
  const order = Array.from({ length: n }, (_, i) => (rtl ? n - 1 - i : i));
  const source = codePointsOf(text);
  const shaped = (g: number) => run.shapedCodePoints?.[g] ?? (run.glyphs[g] as Glyph).codePoints;
  // Most runs (any text not shaped) are a glyph for each character, in order.
  if (
    n === source.length &&
    order.every((g, i) => {
      const cps = shaped(g);
      return cps.length === 1 && cps[0] === source[i];
    })
  )
    return run.glyphs.map((_, g) => [source[rtl ? n - 1 - g : g] as number]);
  // Decomposed letters (Bengali ো shaped as ে and া) are found through their parts.
  const parts = source.map((cp) => codePointsOf(String.fromCodePoint(cp).normalize("NFD")));
  // 0: not taken; 1: some of its parts taken; 2: taken.
  const taken = source.map(() => 0);
  const from = new Array<number>(n).fill(-1);
  let start = 0;
  for (const g of order) {
    for (const cp of shaped(g)) {
      for (let s = start; s < source.length; s++) {
        if (taken[s] === 2) continue;
        if (source[s] === cp) taken[s] = 2;
        else if ((parts[s] as number[]).includes(cp)) {
          const rest = (parts[s] as number[]).filter((p) => p !== cp);
          parts[s] = rest;
          taken[s] = rest.length ? 1 : 2;
        } else continue;
        if ((from[g] as number) === -1 || s < (from[g] as number)) from[g] = s;
        break;
      }
    }
    while (start < source.length && taken[start] === 2) start++;
  }
  // A glyph from no letter of its own (a mark split off its letter) goes with the glyph before it.
  let previous = 0;
  for (const g of order) {
    if ((from[g] as number) === -1) from[g] = previous;
    else previous = from[g] as number;
  }
  const out: (readonly number[])[] = new Array<readonly number[]>(n);
  // Clusters in logical order: [a, i] closes where every later glyph comes from later text.
  const laterLow = new Array<number>(n + 1).fill(source.length);
  for (let i = n - 1; i >= 0; i--)
    laterLow[i] = Math.min(laterLow[i + 1] as number, from[order[i] as number] as number);
  let a = 0;
  // Where the cluster's text starts: the first cluster takes any text before its glyphs.
  let low = 0;
  let high = -1;
  for (let i = 0; i < n; i++) {
    high = Math.max(high, from[order[i] as number] as number);
    if (high >= (laterLow[i + 1] as number)) continue;
    const end = i + 1 < n ? (laterLow[i + 1] as number) : source.length;
    const glyphs = order.slice(a, i + 1).sort((x, y) => x - y);
    const letters = source.slice(low, end);
    if (glyphs.length === 1) out[glyphs[0] as number] = rtl ? letters.reverse() : letters;
    else {
      const widths = glyphs.map((g) => (run.glyphs[g] as Glyph).advanceWidth);
      const drawn = (cps: number[]) => (rtl ? cps.reverse() : cps);
      let shared =
        glyphs.length * letters.length <= MAX_SHARE ? share(widths, drawn([...letters])) : null;
      // Where some width is left uncounted, the letters' canonical decomposition (the same
      // text to Unicode) may share out better: ো as ে and া, one for each glyph drawn.
      if (shared === null || shared.cost > 0) {
        const decomposed = codePointsOf(String.fromCodePoint(...letters).normalize("NFD"));
        const other =
          decomposed.length !== letters.length && glyphs.length * decomposed.length <= MAX_SHARE
            ? share(widths, drawn(decomposed))
            : null;
        if (other && (shared === null || other.cost < shared.cost)) shared = other;
      }
      const texts = shared?.texts ?? glyphs.map((_, k) => (k === 0 ? drawn(letters) : NOTHING));
      glyphs.forEach((g, k) => (out[g] = texts[k] as readonly number[]));
    }
    a = i + 1;
    low = end;
  }
  return out;
}

/**
 * Replaces the font's `encode` with one that gives each (glyph, text) pair its own glyph id in
 * the subset, with that text in the font's ToUnicode map. It lays text out as pdfkit's does
 * (word by word through the layout cache, or whole where features are given), so it draws the
 * same glyphs in the same places.
 */
export function mapGlyphsToText(embedded: unknown): void {
  const font = embedded as EmbeddedFont;
  recordCodePoints(font.font._layoutEngine);
  const ids = new Map<string | number, number>();
  const idFor = (glyph: number, letters: readonly number[], width: number): string => {
    // Most glyphs stand for one character: a number for a key, with no string to build.
    const key =
      letters.length === 1 && width !== 0
        ? glyph * 0x110000 + (letters[0] as number)
        : `${glyph} ${width} ${letters.join(" ")}`;
    let id = ids.get(key);
    if (id === undefined) {
      const subset = font.subset;
      if (subset.mapping[glyph] == null) id = subset.includeGlyph(glyph);
      else {
        // The same outline again, under an id of its own for this text.
        subset.glyphs.push(glyph);
        id = subset.glyphs.length - 1;
      }
      ids.set(key, id);
      font.widths[id] = width;
      font.unicode[id] = letters;
    }
    return `0000${id.toString(16)}`.slice(-4);
  };
  const blank = blankGlyph(font);
  /** Each glyph of a run as four hex digits of its id in the subset, with its position. */
  const codesFor = (run: GlyphRun, word: string) => {
    const texts = glyphTexts(run, word);
    const codes: string[] = [];
    const positions: GlyphRun["positions"] = [];
    run.glyphs.forEach((glyph, i) => {
      let letters = texts[i] as readonly number[];
      const carry = blank !== null && glyph.advanceWidth > 0 ? carried(letters) : null;
      if (carry) letters = letters.slice(0, letters.length - carry.length);
      codes.push(idFor(glyph.id, letters, glyph.advanceWidth * font.scale));
      positions.push(run.positions[i] as GlyphRun["positions"][number]);
      if (carry && blank !== null) {
        codes.push(idFor(blank, carry, 0));
        positions.push({ xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: 0 });
      }
    });
    return { codes, positions };
  };
  const codesOf = new WeakMap<GlyphRun, ReturnType<typeof codesFor>>();
  font.encode = function (text: string, features?: unknown) {
    const runs: [GlyphRun, string][] = [];
    if (features) runs.push([this.layoutRun(text, features), text]);
    else {
      // As pdfkit's layout: each word with the space or tab after it.
      let last = 0;
      for (let index = 0; index <= text.length;) {
        const c = text.charAt(index);
        if ((index === text.length && last < index) || c === " " || c === "\t") {
          const word = text.slice(last, ++index);
          runs.push([this.layoutCached(word), word]);
          last = index;
        } else index++;
      }
    }
    const encoded: string[] = [];
    const positions: GlyphRun["positions"] = [];
    for (const [run, word] of runs) {
      // A word's run comes back from the layout cache each time the word is drawn.
      let codes = codesOf.get(run);
      if (!codes) codesOf.set(run, (codes = codesFor(run, word)));
      for (const code of codes.codes) encoded.push(code);
      for (const position of codes.positions) positions.push(position);
    }
    return [encoded, positions];
  };
}
