import { describe, expect, it } from "vitest";
import { FontChooser } from "./fonts.js";
import { layoutText } from "./textLayout.js";

const fonts = new FontChooser();
// Every character five points wide: enough to check order and breaking.
const measure = (_font: string, text: string) => [...text].length * 5;
const lay = (text: string, width = 1000) =>
  layoutText([{ text, style: "regular" }], width, fonts, measure);

describe("layoutText", () => {
  it("puts an Urdu phrase inside English right to left, its number left to right", () => {
    const { lines, rtl } = lay("She wrote: اسکول 2026 میں and then signed.");
    expect(rtl).toBe(false);
    const atoms = (lines[0] as (typeof lines)[number]).atoms;
    const x = (part: string) =>
      atoms.find((a) => a.actual?.includes(part) || a.text.includes(part))?.x;
    // Reading order is kept for extraction; positions follow the bidirectional algorithm.
    expect(atoms.map((a) => a.actual ?? a.text).join("")).toContain("اسکول");
    expect(x("میں")).toBeLessThan(x("2026") as number);
    expect(x("2026")).toBeLessThan(x("اسکول") as number);
    expect(x("She")).toBeLessThan(x("میں") as number);
    expect(x("and")).toBeGreaterThan(x("اسکول") as number);
  });

  it("takes the paragraph's direction from its first letter", () => {
    expect(lay("میری بیٹی کو اسکول جانا بہت پسند ہے۔").rtl).toBe(true);
    expect(lay("Gŵyr").rtl).toBe(false);
  });

  it("breaks lines between words, and inside a word only when it is wider than the line", () => {
    const { lines } = lay("one two three four", 50);
    expect(lines.map((l) => l.atoms.map((a) => a.text).join(""))).toEqual([
      "one two",
      "three four",
    ]);
    const long = lay("abcdefghijklmnopqrstuvwxyz", 50).lines;
    expect(long.map((l) => l.atoms.map((a) => a.text).join(""))).toEqual([
      "abcdefghij",
      "klmnopqrst",
      "uvwxyz",
    ]);
  });

  it("keeps each Chinese character breakable and every line within the width", () => {
    const { lines } = lay("我的女儿喜欢画马，也喜欢游泳。", 30);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(30);
    expect(lines.length).toBeGreaterThan(2);
  });
});
