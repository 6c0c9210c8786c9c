import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import { woffToSfnt } from "./woffToSfnt.js";

const require = createRequire(import.meta.url);

export type FontStyle = "regular" | "bold" | "italic" | "boldItalic";

/** A family as Fontsource ships it: one file per subset (a range of Unicode) and style. */
interface Family {
  readonly pkg: string;
  /** The subsets to use, in the order they are tried; `chunks` takes every numbered subset. */
  readonly subsets: readonly string[] | "chunks";
  readonly italic: boolean;
}

/**
 * The fonts, in the order a character tries them. Atkinson Hyperlegible first, drawn for readers
 * with low vision; then Noto (all SIL Open Font License), which covers what families in England
 * write in: Welsh, Irish and Polish letters, Cyrillic and Greek (Noto Sans), Arabic script for Urdu
 * and Arabic, Devanagari, Bengali, Gurmukhi, Chinese, then symbols, mathematical signs and emoji.
 */
const FAMILIES: readonly Family[] = [
  { pkg: "atkinson-hyperlegible", subsets: ["latin", "latin-ext"], italic: true },
  {
    pkg: "noto-sans",
    subsets: ["latin", "latin-ext", "vietnamese", "cyrillic", "cyrillic-ext", "greek", "greek-ext"],
    italic: true,
  },
  { pkg: "noto-sans-arabic", subsets: ["arabic"], italic: false },
  { pkg: "noto-sans-devanagari", subsets: ["devanagari"], italic: false },
  { pkg: "noto-sans-bengali", subsets: ["bengali"], italic: false },
  { pkg: "noto-sans-gurmukhi", subsets: ["gurmukhi"], italic: false },
  { pkg: "noto-sans-sc", subsets: "chunks", italic: false },
  { pkg: "noto-sans-symbols", subsets: ["symbols"], italic: false },
  { pkg: "noto-sans-symbols-2", subsets: ["symbols", "math", "braille"], italic: false },
  { pkg: "noto-sans-math", subsets: ["latin"], italic: false },
  { pkg: "noto-emoji", subsets: "chunks", italic: false },
];
const EMOJI = FAMILIES.length - 1;

/** A font file, as named to pdfkit. */
interface Face {
  readonly name: string;
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
}

const parseRanges = (text: string): [number, number][] =>
  text.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    const start = parseInt(from as string, 16);
    return [start, to ? parseInt(to, 16) : start];
  });

const STYLE_FILES: Record<FontStyle, string> = {
  regular: "400-normal",
  bold: "700-normal",
  italic: "400-italic",
  boldItalic: "700-italic",
};

const facesCache = new Map<string, Face[]>();
/** The files of one family in one style, with the ranges Fontsource says each covers. */
function facesOf(family: Family, style: FontStyle): Face[] {
  // A family without italics draws italic text upright, as most scripts have no italic.
  const upright: FontStyle =
    style === "boldItalic" ? "bold" : style === "italic" ? "regular" : style;
  const styleFile = STYLE_FILES[family.italic ? style : upright];
  const key = `${family.pkg}/${styleFile}`;
  const cached = facesCache.get(key);
  if (cached) return cached;
  const unicode = JSON.parse(
    readFileSync(require.resolve(`@fontsource/${family.pkg}/unicode.json`), "utf8"),
  ) as Record<string, string>;
  const subsets =
    family.subsets === "chunks"
      ? Object.keys(unicode).filter((k) => /^\[\d+\]$/.test(k))
      : family.subsets.filter((s) => s in unicode);
  const faces = subsets.map((subset) => {
    const id = subset.replace(/[[\]]/g, "");
    return {
      name: `${family.pkg}-${id}-${styleFile}`,
      file: require.resolve(
        `@fontsource/${family.pkg}/files/${family.pkg}-${id}-${styleFile}.woff`,
      ),
      ranges: parseRanges(unicode[subset] as string),
    };
  });
  facesCache.set(key, faces);
  return faces;
}

const loaded = new Map<string, { bytes: Buffer; font: fontkit.Font }>();
/**
 * A font file read once per process, unwrapped from WOFF (whose tables fontkit would inflate on
 * every glyph read), with its fontkit font for looking up glyphs.
 */
function loadFace(face: Face) {
  let entry = loaded.get(face.name);
  if (!entry) {
    const bytes = woffToSfnt(readFileSync(face.file));
    entry = { bytes, font: fontkit.create(bytes) };
    loaded.set(face.name, entry);
  }
  return entry;
}

/** Code points that need no glyph of their own: joiners, variation selectors, direction marks. */
const INVISIBLE_RANGES: readonly [number, number][] = [
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2069],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
];
const invisible = (c: string) => {
  const cp = c.codePointAt(0) as number;
  return INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
};

const covers = (face: Face, cp: number) => face.ranges.some(([a, b]) => cp >= a && cp <= b);

/** A character that no font the export carries has a glyph for. */
export class NoGlyphError extends Error {
  constructor(readonly character: string) {
    super(`No font has a glyph for "${character}"`);
  }
}

/**
 * Chooses a font for each grapheme cluster (a letter with its marks, an emoji with its modifiers):
 * the first in FAMILIES with a glyph for every character of it, so marks stay with their letter
 * and a run of one script stays in one font, where fontkit can shape it.
 */
export class FontChooser {
  readonly #choices = new Map<string, string | null>();
  readonly #files = new Map<string, Face>();
  readonly #ascii = new Map<FontStyle, string | null>();

  /** The font for `cluster`, or null when no one font holds all of it. */
  fontFor(cluster: string, style: FontStyle): string | null {
    const key = `${style}\u0000${cluster}`;
    const known = this.#choices.get(key);
    if (known !== undefined) return known;
    const cps = [...cluster].filter((c) => !invisible(c)).map((c) => c.codePointAt(0) as number);
    if (cps.length === 0) cps.push(0x20);
    // A cluster asking for emoji presentation, or from the emoji planes, prefers the emoji font.
    const emojiFirst = /\ufe0f|[\u{1f000}-\u{1faff}]/u.test(cluster);
    const order = emojiFirst
      ? [EMOJI, ...[...FAMILIES.keys()].filter((f) => f !== EMOJI)]
      : [...FAMILIES.keys()];
    let chosen: string | null = null;
    search: for (const f of order) {
      for (const face of facesOf(FAMILIES[f] as Family, style)) {
        if (!covers(face, cps[0] as number)) continue;
        const { font } = loadFace(face);
        if (cps.every((cp) => font.hasGlyphForCodePoint(cp))) {
          chosen = face.name;
          this.#files.set(face.name, face);
          break search;
        }
      }
    }
    this.#choices.set(key, chosen);
    return chosen;
  }

  #has(name: string, text: string): boolean {
    const face = this.#files.get(name);
    return (
      !!face &&
      [...text].every((c) => loadFace(face).font.hasGlyphForCodePoint(c.codePointAt(0) as number))
    );
  }

  /** The bytes of a font `fontFor` chose, for pdfkit to embed. */
  bytesOf(name: string): Buffer {
    const face = this.#files.get(name);
    if (!face) throw new Error(`Font ${name} was never chosen`);
    return loadFace(face).bytes;
  }

  /** Fonts for the text, cluster by cluster; throws NoGlyphError naming a character none has. */
  split(text: string, style: FontStyle): { text: string; font: string }[] {
    // Most of a plan is printable ASCII, which the first font has whole.
    if (/^[\x20-\x7e]*$/.test(text)) {
      let font = this.#ascii.get(style);
      if (font === undefined) {
        const first = this.fontFor("a", style);
        const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join("");
        font = first && this.#has(first, ascii) ? first : null;
        this.#ascii.set(style, font);
      }
      if (font) return text ? [{ text, font }] : [];
    }
    const out: { text: string; font: string }[] = [];
    for (const { segment } of graphemes.segment(text)) {
      // Spaces and punctuation stay in the font around them, so a phrase of one script is one
      // run that can be shaped (Arabic joins across words only in that way).
      const previous = out[out.length - 1]?.font;
      const font =
        previous && COMMON.test(segment) && this.#has(previous, segment)
          ? previous
          : this.fontFor(segment, style);
      const pieces = font
        ? [{ text: segment, font }]
        : [...segment].map((ch) => {
            const f = this.fontFor(ch, style);
            if (!f) throw new NoGlyphError(ch);
            return { text: ch, font: f };
          });
      for (const piece of pieces) {
        const last = out[out.length - 1];
        if (last && last.font === piece.font) last.text += piece.text;
        else out.push({ ...piece });
      }
    }
    return out;
  }
}

const COMMON = /^[\p{Zs}\p{P}]+$/u;

export const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
