import { describe, expect, it } from "vitest";
import { UnprintableCharacterError } from "./UnprintableCharacterError.js";

describe("UnprintableCharacterError", () => {
  it("names the item, its place and the character, with its code", () => {
    expect(
      new UnprintableCharacterError("F2", "sections.F.provisions[1]", "\u{16F00}").message,
    ).toBe(
      'F2 (sections.F.provisions[1]): the character "\u{16F00}" (U+16F00) has no glyph in any font the PDF export carries, so it cannot be printed',
    );
  });

  it("names a control character by its code alone, so the message stays on one line", () => {
    const message = new UnprintableCharacterError("A1", "sections.A.views[0]", "\n").message;
    expect(message).toContain("the character (U+000A) has no glyph");
    expect(message).not.toContain("\n");
  });
});
