import * as fontkitModule from "fontkit";
import { describe, expect, it } from "vitest";
import { SCRIPT_SAMPLES } from "../../test/scriptsPlan.js";
import { FontChooser, NoGlyphError } from "./fonts.js";

const fontkit = fontkitModule as unknown as {
  create(bytes: Uint8Array): {
    layout(text: string, features?: object): { glyphs: { id: number }[] };
  };
};

describe("FontChooser", () => {
  const chooser = new FontChooser();
  type Laid = { glyphs: { id: number }[] };
  const parsed = new Map<string, { layout(text: string, features?: object): Laid }>();

  it("finds a real glyph, never .notdef, for every character of every script sample", () => {
    for (const [script, sample] of Object.entries(SCRIPT_SAMPLES)) {
      for (const style of ["regular", "bold", "italic", "boldItalic"] as const) {
        for (const piece of chooser.split(sample, style)) {
          const font = parsed.get(piece.font) ?? fontkit.create(chooser.bytesOf(piece.font));
          parsed.set(piece.font, font);
          // As the writer does, Gurmukhi is laid out without fontkit's failing abvm positioning.
          const layout = () => {
            try {
              return font.layout(piece.text);
            } catch {
              return font.layout(piece.text, { abvm: false });
            }
          };
          const ids = layout().glyphs.map((g) => g.id);
          expect(ids, `${script} ${style} "${piece.text}" in ${piece.font}`).not.toContain(0);
        }
      }
    }
  });

  it("keeps a phrase of one script in one font, spaces included, so it can be shaped", () => {
    const pieces = chooser.split(SCRIPT_SAMPLES.urdu, "regular");
    expect(pieces.map((p) => p.font)).toEqual(["noto-sans-arabic-arabic-400-normal"]);
    expect(chooser.split("Gŵyr", "regular").map((p) => p.text)).toEqual(["G", "ŵ", "yr"]);
  });

  it("names the character that no font has", () => {
    expect(() => chooser.split("ok \u{16F00}", "regular")).toThrow(NoGlyphError);
  });
});
