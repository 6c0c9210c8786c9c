import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";
import { tokenSentences } from "./tokenSentences.js";

const sentences = (text: string) =>
  tokenSentences(text, tokenize(text)).map((s) => s.map((t) => text.slice(t.start, t.end)));

describe("tokenSentences", () => {
  it("ends a sentence at a full stop, a semicolon or a line break, not inside 'e.g.' or '2.5'", () => {
    expect(
      sentences("Staff will help him, e.g. with 2.5 hours. An adult helps; daily\nin class"),
    ).toEqual([
      ["Staff", "will", "help", "him", "e.g.", "with", "2.5", "hours"],
      ["An", "adult", "helps"],
      ["daily"],
      ["in", "class"],
    ]);
  });

  it("gives no sentence for no words", () => {
    expect(sentences("")).toEqual([]);
    expect(sentences(" . ; ")).toEqual([]);
  });
});
