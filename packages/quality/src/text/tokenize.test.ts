import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";

const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));

describe("tokenize", () => {
  it("splits text into whole words with their places", () => {
    expect(tokenize("A support worker, twice.")).toEqual([
      { norm: "a", start: 0, end: 1 },
      { norm: "support", start: 2, end: 9 },
      { norm: "worker", start: 10, end: 16 },
      { norm: "twice", start: 18, end: 23 },
    ]);
  });

  it("keeps joined words and abbreviations whole", () => {
    expect(words("one-to-one, 1:1, 2.5 hours, don't, Sam’s, e.g. etc. end.")).toEqual([
      "one-to-one",
      "1:1",
      "2.5",
      "hours",
      "don't",
      "Sam’s",
      "e.g.",
      "etc.",
      "end",
    ]);
    expect(tokenize("Sam’s")[0]?.norm).toBe("sam's");
  });

  it("keeps offsets true where lower case changes a text's length", () => {
    expect(words("İstanbul trip")).toEqual(["İstanbul", "trip"]);
    expect(tokenize("İstanbul trip")[1]).toEqual({ norm: "trip", start: 9, end: 13 });
  });

  it("reads letters beyond ASCII, including those outside the basic plane", () => {
    expect(words("Zoë café naïve 𝒜bc — Łódź")).toEqual(["Zoë", "café", "naïve", "𝒜bc", "Łódź"]);
  });

  it("gives each word's exact place in the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        for (const t of tokenize(text))
          expect(text.slice(t.start, t.end).toLowerCase().replaceAll("’", "'")).toBe(t.norm);
      }),
    );
  });
});
