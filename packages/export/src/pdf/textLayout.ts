import bidiModule, { type Bidi } from "bidi-js";
import LineBreaker from "linebreak";
import { type FontChooser, type FontStyle, graphemes } from "./fonts.js";

/** A stretch of text in one style; `run` is its index in the caller's runs. */
export interface StyledText {
  readonly text: string;
  readonly style: FontStyle;
}

/** A piece of a line drawn in one call: one font, one run, one direction. */
export interface Atom {
  /** The text as drawn: mirrored where right to left, and in the order its glyphs go. */
  readonly text: string;
  readonly font: string;
  readonly run: number;
  readonly width: number;
  /** Hand the whole atom to fontkit at once (it shapes and reverses right-to-left scripts). */
  readonly shape: boolean;
  /** From the line's left edge. */
  x: number;
  /**
   * The text as written, when its glyphs cannot give it back (shaped, reordered or joined):
   * it goes in the PDF as ActualText, so copying and reading aloud get the words.
   */
  readonly actual?: string;
}

export interface Line {
  /** In logical (reading) order, so text extraction reads the line as it was written. */
  readonly atoms: Atom[];
  readonly width: number;
}

export interface LaidText {
  readonly lines: Line[];
  /** The paragraph's direction, from its first strong character. */
  readonly rtl: boolean;
}

/** The width of `text` in `font` at the size being laid out. */
export type Measure = (font: string, text: string, shape: boolean) => number;

// bidi-js is a UMD module whose types declare an ES default export; take the factory either way.
const bidiFactory = (
  typeof bidiModule === "function" ? bidiModule : (bidiModule as { default: unknown }).default
) as () => Bidi;
const bidi = bidiFactory();
const RTL_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/**
 * Text whose glyphs do not map back one to one: Arabic and Indic scripts (joined forms, vowel
 * signs drawn before their consonant, conjuncts), emoji sequences, and any mirrored or reversed run.
 */
const COMPLEX =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Emoji_Modifier}]|\u200d|\ufe0f/u;
const SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}]/u;
/** Characters that can make any level odd: right-to-left letters, Arabic digits, RTL controls. */
const RTL_CHARACTER =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** Whether fontkit lays `text` out right to left: it goes by the first character with a script. */
const fontkitRtl = (text: string) => RTL_SCRIPT.test(SCRIPTED.exec(text)?.[0] ?? "");

interface Piece {
  start: number;
  end: number;
  font: string;
  run: number;
  level: number;
}

const reverseClusters = (text: string) =>
  [...graphemes.segment(text)]
    .map((s) => s.segment)
    .reverse()
    .join("");

/**
 * Lays text out in lines of at most `width`: each grapheme cluster in the first font that has it,
 * lines broken where Unicode allows (UAX 14), and each line put in visual order by the Unicode
 * bidirectional algorithm (UAX 9), so Urdu or Arabic reads right to left, with its numbers and
 * any English inside it left to right.
 */
export function layoutText(
  runs: readonly StyledText[],
  width: number,
  fonts: FontChooser,
  measure: Measure,
): LaidText {
  const text = runs.map((r) => r.text).join("");
  if (text === "") return { lines: [], rtl: false };
  // Without a right-to-left character every level is 0, and the algorithm need not run.
  const levels = RTL_CHARACTER.test(text)
    ? bidi.getEmbeddingLevels(text)
    : {
        levels: new Uint8Array(text.length),
        paragraphs: [{ start: 0, end: text.length - 1, level: 0 }],
      };
  const rtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1;
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  let shown = text;
  if (mirrored.size) {
    const chars = text.split("");
    for (const [i, ch] of mirrored) chars[i] = ch;
    shown = chars.join("");
  }

  // Font pieces, cut again wherever the bidi level changes.
  const pieces: Piece[] = [];
  let offset = 0;
  runs.forEach((run, r) => {
    for (const part of fonts.split(run.text, run.style)) {
      let start = offset;
      for (let i = offset; i <= offset + part.text.length; i++) {
        if (i === offset + part.text.length || levels.levels[i] !== levels.levels[start]) {
          if (i > start)
            pieces.push({
              start,
              end: i,
              font: part.font,
              run: r,
              level: levels.levels[start] as number,
            });
          start = i;
        }
      }
      offset += part.text.length;
    }
  });

  // Words: the stretches between break opportunities, each made of pieces.
  interface Word {
    pieces: Piece[];
    width: number;
    /** Without the spaces at its end, which may hang past the line. */
    inkWidth: number;
    required: boolean;
  }
  const widthOf = (p: Piece) =>
    measure(p.font, shown.slice(p.start, p.end), fontkitRtl(shown.slice(p.start, p.end)));
  const makeWord = (ps: Piece[], required: boolean): Word => {
    const width = ps.reduce((w, p) => w + widthOf(p), 0);
    const last = ps[ps.length - 1] as Piece;
    const trailing = /\s*$/.exec(shown.slice(last.start, last.end))?.[0] ?? "";
    const inkWidth = trailing ? width - measure(last.font, trailing, false) : width;
    return { pieces: ps, width, inkWidth, required };
  };
  const words: Word[] = [];
  const breaker = new LineBreaker(text);
  let from = 0;
  let pi = 0;
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    const to = brk.position;
    const ps: Piece[] = [];
    while (pi < pieces.length && (pieces[pi] as Piece).start < to) {
      const p = pieces[pi] as Piece;
      const s = Math.max(p.start, from);
      const e = Math.min(p.end, to);
      if (e > s) ps.push({ ...p, start: s, end: e });
      if (p.end <= to) pi++;
      else break;
    }
    // A forced break's newline is not drawn.
    const kept = ps
      .map((p) => ({ ...p, end: shown.slice(p.start, p.end).endsWith("\n") ? p.end - 1 : p.end }))
      .map((p) => (shown[p.end - 1] === "\r" ? { ...p, end: p.end - 1 } : p))
      .filter((p) => p.end > p.start);
    if (kept.length || brk.required)
      words.push(
        kept.length
          ? makeWord(kept, brk.required)
          : { pieces: [], width: 0, inkWidth: 0, required: true },
      );
    from = to;
  }

  // A word wider than the line is cut between clusters.
  const fitted: Word[] = [];
  for (const word of words) {
    if (word.inkWidth <= width) {
      fitted.push(word);
      continue;
    }
    let current: Piece[] = [];
    let w = 0;
    for (const p of word.pieces) {
      let at = p.start;
      for (const { segment } of graphemes.segment(shown.slice(p.start, p.end))) {
        const piece = { ...p, start: at, end: at + segment.length };
        const cw = widthOf(piece);
        if (w + cw > width && current.length) {
          fitted.push(makeWord(current, false));
          current = [];
          w = 0;
        }
        const last = current[current.length - 1];
        if (
          last &&
          last.end === piece.start &&
          last.font === piece.font &&
          last.level === piece.level &&
          last.run === piece.run
        )
          last.end = piece.end;
        else current.push(piece);
        w += cw;
        at += segment.length;
      }
    }
    if (current.length) fitted.push(makeWord(current, word.required));
  }

  const lines: Line[] = [];
  let line: Word[] = [];
  let lineWidth = 0;
  const finish = () => {
    lines.push(toLine(line));
    line = [];
    lineWidth = 0;
  };
  const toLine = (ws: Word[]): Line => {
    const merged: Piece[] = [];
    for (const p of ws.flatMap((w) => w.pieces)) {
      const last = merged[merged.length - 1];
      if (
        last &&
        last.end === p.start &&
        last.font === p.font &&
        last.level === p.level &&
        last.run === p.run
      )
        last.end = p.end;
      else merged.push({ ...p });
    }
    // Spaces at the end of a line are not drawn.
    while (merged.length) {
      const last = merged[merged.length - 1] as Piece;
      const trimmed = shown.slice(last.start, last.end).replace(/\s+$/, "");
      last.end = last.start + trimmed.length;
      if (last.end > last.start) break;
      merged.pop();
    }
    const atoms: (Atom & { level: number })[] = merged.map((p) => {
      const logical = shown.slice(p.start, p.end);
      const shape = fontkitRtl(logical);
      const odd = p.level % 2 === 1;
      const original = text.slice(p.start, p.end);
      return {
        ...(COMPLEX.test(original) ? { actual: original } : {}),
        text: odd !== shape ? reverseClusters(logical) : logical,
        font: p.font,
        run: p.run,
        width: measure(p.font, logical, shape),
        shape,
        x: 0,
        level: p.level,
      };
    });
    // UAX 9 rule L2: from the highest level down to the lowest odd one, reverse each stretch at
    // that level or above.
    const visual = atoms.map((_, i) => i);
    const max = Math.max(0, ...atoms.map((a) => a.level));
    const minOdd = Math.min(...atoms.map((a) => (a.level % 2 ? a.level : a.level + 1)), max + 1);
    for (let level = max; level >= minOdd; level--) {
      for (let i = 0; i < visual.length;) {
        if ((atoms[visual[i] as number] as { level: number }).level >= level) {
          let j = i;
          while (
            j < visual.length &&
            (atoms[visual[j] as number] as { level: number }).level >= level
          )
            j++;
          visual.splice(i, j - i, ...visual.slice(i, j).reverse());
          i = j;
        } else i++;
      }
    }
    let x = 0;
    for (const i of visual) {
      const atom = atoms[i] as Atom;
      atom.x = x;
      x += atom.width;
    }
    return { atoms, width: x };
  };
  for (const word of fitted) {
    if (line.length && lineWidth + word.inkWidth > width) finish();
    line.push(word);
    lineWidth += word.width;
    if (word.required) finish();
  }
  if (line.length) finish();
  return { lines: lines.length ? lines : [{ atoms: [], width: 0 }], rtl };
}
