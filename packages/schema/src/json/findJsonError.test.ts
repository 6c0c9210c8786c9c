import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonError } from "./findJsonError.js";

describe("findJsonError", () => {
  it("agrees with JSON.parse on whether any JSON value's text is JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(findJsonError(JSON.stringify(value, null, pretty ? 2 : undefined))).toBe(-1);
      }),
    );
  });

  it("finds where text stops being JSON", () => {
    expect(findJsonError('{"a": oops}')).toBe(6);
    expect(findJsonError('{"a": 1,}')).toBe(8);
    expect(findJsonError("[1, 2")).toBe(5);
    expect(findJsonError('{"a" 1}')).toBe(5);
    expect(findJsonError("[1] x")).toBe(4);
    expect(findJsonError('"tab\there"')).toBe(0);
    expect(findJsonError("01")).toBe(1);
  });

  it("finds every error JSON.parse finds in mangled JSON", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 2 }),
        (value, at, junk) => {
          const text = JSON.stringify(value);
          const cut = at % (text.length + 1);
          const mangled = text.slice(0, cut) + junk + text.slice(cut);
          let valid = true;
          try {
            JSON.parse(mangled);
          } catch {
            valid = false;
          }
          expect(findJsonError(mangled) === -1).toBe(valid);
        },
      ),
    );
  });

  it("copes with nesting 100,000 deep", () => {
    expect(findJsonError(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toBe(-1);
    expect(findJsonError(`${"[".repeat(100_000)}x`)).toBe(100_000);
  });
});
