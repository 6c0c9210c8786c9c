import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkitModule from "fontkit";
import { describe, expect, it } from "vitest";
import { woffToSfnt } from "./woffToSfnt.js";

const require = createRequire(import.meta.url);
const fontkit = fontkitModule as unknown as {
  create(bytes: Uint8Array): {
    type: string;
    numGlyphs: number;
    layout(text: string): { glyphs: { id: number; path: { toSVG(): string } }[] };
  };
};

describe("woffToSfnt", () => {
  // Latin with kerning and marks, and Arabic joined forms: what the export draws from each.
  for (const [file, sample] of [
    ["atkinson-hyperlegible/files/atkinson-hyperlegible-latin-ext-700-italic.woff", "ĀćĐŁłŻ"],
    ["noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff", "اردو میں"],
  ] as const) {
    it(`gives the same glyphs as the WOFF it unwraps (${file.split("/")[0]})`, () => {
      const woff = readFileSync(require.resolve(`@fontsource/${file}`));
      const sfnt = fontkit.create(woffToSfnt(woff));
      const wrapped = fontkit.create(woff);
      expect(wrapped.type).toBe("WOFF");
      expect(sfnt.type).toBe("TTF");
      expect(sfnt.numGlyphs).toBe(wrapped.numGlyphs);
      const drawn = (font: typeof sfnt) =>
        font.layout(sample).glyphs.map((g) => [g.id, g.path.toSVG()]);
      expect(drawn(sfnt)).toEqual(drawn(wrapped));
      expect(drawn(sfnt).every(([id]) => id !== 0)).toBe(true);
    });
  }

  it("gives back what is not WOFF as it is", () => {
    const bytes = Buffer.from("not a font at all, but long enough to have a WOFF header");
    expect(woffToSfnt(bytes)).toBe(bytes);
  });
});
