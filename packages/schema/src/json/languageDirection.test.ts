import { describe, expect, it } from "vitest";
import { planSchema } from "../prosemirror/planSchema.js";
import { languageDirection } from "./languageDirection.js";

describe("languageDirection", () => {
  it("runs Urdu, Arabic, Persian, Pashto and Shahmukhi right to left, and others left to right", () => {
    for (const tag of ["ur", "ar", "fa", "ps", "ckb", "he", "pa-Arab", "ur-PK"]) {
      expect(languageDirection(tag), tag).toBe("rtl");
    }
    for (const tag of ["cy", "pl", "pa", "bn", "uk", "zh", "so", "en-GB", "not a tag"]) {
      expect(languageDirection(tag), tag).toBe("ltr");
    }
  });

  it("gives text in a right-to-left language dir=rtl in the editor's and a paste's HTML", () => {
    const { paragraph } = planSchema.nodes;
    const { lang } = planSchema.marks;
    expect(paragraph.spec.toDOM?.(paragraph.create({ lang: "ur" }))).toEqual([
      "p",
      { lang: "ur", dir: "rtl" },
      0,
    ]);
    expect(paragraph.spec.toDOM?.(paragraph.create({ lang: "cy" }))).toEqual([
      "p",
      { lang: "cy" },
      0,
    ]);
    expect(lang.spec.toDOM?.(lang.create({ lang: "ar" }), true)).toEqual([
      "span",
      { lang: "ar", dir: "rtl" },
      0,
    ]);
  });
});
