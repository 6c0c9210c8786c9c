import { describe, expect, it } from "vitest";
import { pdfkitBytes, useFontFor } from "../../test/pdfkitBytes.js";
import { controlCharacters, readGlyphText } from "../../test/readPdf.js";
import { mapGlyphsToText } from "./glyphText.js";

interface Font {
  subset: { glyphs: number[] };
  unicode: number[][];
  encode(text: string, features?: unknown): [string[], unknown[]];
}

const fontOf = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: Font })._font;

/** Each word drawn on a line of its own in the font the export uses for it, as pdf.js reads it. */
async function drawnAndRead(words: readonly string[], map = true): Promise<string[]> {
  const { bytes } = await pdfkitBytes((doc) => {
    words.forEach((word, i) => {
      useFontFor(doc, word);
      if (map) mapGlyphsToText(fontOf(doc));
      // Given features, pdfkit shapes the whole word at once, as the writer does.
      doc.text(word, 60, 60 + 40 * i, { lineBreak: false, features: [] });
    });
  });
  const text = await readGlyphText(new Uint8Array(bytes));
  return text.split("\n").filter((line) => line.trim() !== "");
}

describe("mapGlyphsToText", () => {
  it("reads back Urdu letters that share one glyph and differ by their dots", async () => {
    // ب پ ت ٹ ی are one dotless glyph in Noto Sans Arabic, with a dots glyph placed on it.
    const words = ["بیٹی", "پتی", "کہتی", "گاڑی"];
    expect(await drawnAndRead(words)).toEqual(words);
    // pdfkit's own map gives every use of the shared glyph the letter it was first drawn for, and
    // the dots their glyph number as a character.
    const unmapped = await drawnAndRead(words, false);
    expect(unmapped).not.toEqual(words);
    expect(controlCharacters(unmapped.join(""))).not.toEqual([]);
  });

  it("reads Arabic ligatures and vowel marks as their letters", async () => {
    const words = ["سلام", "لا إله", "مُحَمَّد", "ﷲ", "پاکستان"];
    expect(await drawnAndRead(words)).toEqual(words);
  });

  it("reads Indic vowel signs drawn before their consonant, and conjuncts, in the order written", async () => {
    const words = ["किताब", "हिंदी", "धर्म", "क्षत्रिय", "ਸਿੱਖ", "ਕਿਰਪਾ", "কিতাব", "ক্ষেত্র", "মেয়ে"];
    expect(await drawnAndRead(words)).toEqual(words);
    // ো, drawn in two parts, is read as its parts (ে া): the same text to Unicode.
    const split = ["ঘোড়া", "ভালোবাসে", "কৌশল"];
    expect((await drawnAndRead(split)).map((line) => line.normalize("NFC"))).toEqual(split);
  });

  it("reads emoji sequences drawn as one glyph as all of their characters", async () => {
    const words = ["👍🏽", "👨‍👩‍👧", "🏳️‍🌈", "1️⃣", "🇬🇧", "❤️"];
    expect(await drawnAndRead(words)).toEqual(words);
  });

  it("holds a glyph once in the subset for each text it stands for, and once only for one", async () => {
    await pdfkitBytes((doc) => {
      useFontFor(doc, "ب");
      const font = fontOf(doc);
      mapGlyphsToText(font);
      const [once] = font.encode("بیٹی", []);
      const held = font.subset.glyphs.length;
      // The same text again takes no new glyph.
      expect(font.encode("بیٹی", [])[0]).toEqual(once);
      expect(font.subset.glyphs.length).toBe(held);
      // The dotless glyph drawn for ت as well as ب, ٹ and ی is held again for it.
      font.encode("پتی", []);
      const ids = new Map<number, number>();
      for (const gid of font.subset.glyphs) ids.set(gid, (ids.get(gid) ?? 0) + 1);
      expect(Math.max(...ids.values())).toBeGreaterThan(1);
      expect(font.unicode.length).toBe(font.subset.glyphs.length);
    });
  });
});
