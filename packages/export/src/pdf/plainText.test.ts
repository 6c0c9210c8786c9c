import { describe, expect, it } from "vitest";
import { pdfkitBytes, useFontFor } from "../../test/pdfkitBytes.js";
import { drawPlainText, type ShownText } from "./plainText.js";

type Fragment = { _fragment(text: string, x: number, y: number, options: object): void };
const pdfkitDraws = (doc: PDFKit.PDFDocument, text: string, x: number, y: number) =>
  (doc as unknown as Fragment)._fragment(text, x, y, { baseline: "alphabetic" });

/** The same texts drawn by pdfkit, or by drawPlainText where it can (pdfkit where it cannot). */
function drawing(texts: readonly string[], sample: string, fast: boolean) {
  return (doc: PDFKit.PDFDocument) => {
    useFontFor(doc, sample);
    doc.fontSize(11.5);
    const shown: ShownText = new Map();
    texts.forEach((text, i) => {
      const y = 60 + i * 14;
      if (!fast || !drawPlainText(doc, shown, text, 56, y)) pdfkitDraws(doc, text, 56, y);
    });
  };
}

describe("drawPlainText", () => {
  it("draws what pdfkit draws, byte for byte, for text drawn once and again", async () => {
    // Kerned pairs (AV, To, Wa) give the glyph adjustments in TJ; repeats come from the cache.
    const texts = ["Outcome E2", "AVATAR: To Wales, Siân Ó Dálaigh", "Outcome E2", "F1", "F1"];
    const plain = await pdfkitBytes(drawing(texts, "a", false));
    const fast = await pdfkitBytes(drawing(texts, "a", true));
    expect(fast.bytes.equals(plain.bytes)).toBe(true);
  });

  it("takes a glyph first drawn by it into the font's subset, as pdfkit would", async () => {
    // "Ŵŷ" appear only here: the embedded subset must hold them for the same bytes.
    const texts = ["Ŵŷ"];
    const plain = await pdfkitBytes(drawing(texts, "a", false), undefined, { compress: false });
    const fast = await pdfkitBytes(drawing(texts, "a", true), undefined, { compress: false });
    expect(fast.bytes.equals(plain.bytes)).toBe(true);
  });

  it("leaves to pdfkit text with a newline, empty text and marks placed by the font", async () => {
    const check = (sample: string, text: string) =>
      pdfkitBytes((doc) => {
        useFontFor(doc, sample);
        const before = doc.page.content;
        const drew = drawPlainText(doc, new Map(), text, 56, 60);
        expect(drew, text).toBe(false);
        expect(doc.page.content).toBe(before);
      });
    await check("a", "");
    await check("a", "two\nlines");
    // Arabic with its vowel marks (kasra, shadda): the marks sit off the baseline.
    await check("ب", "بِّسْمِ");
  });

  it("keeps each font's encodings apart", async () => {
    const shown: ShownText = new Map();
    await pdfkitBytes((doc) => {
      useFontFor(doc, "a");
      drawPlainText(doc, shown, "12", 56, 60);
      useFontFor(doc, "ب");
      drawPlainText(doc, shown, "12", 56, 80);
    });
    expect(shown.size).toBe(2);
    const [first, second] = [...shown.values()].map((byText) => byText.get("12"));
    expect(first).not.toBe(second);
  });
});
