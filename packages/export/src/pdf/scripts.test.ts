import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Plan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { controlCharacters, readGlyphText, readPdf } from "../../test/readPdf.js";
import { SCRIPT_SAMPLES, scriptsPlan } from "../../test/scriptsPlan.js";
import { exportPdf } from "../index.js";
import { UnprintableCharacterError } from "./UnprintableCharacterError.js";

// Lines wrap where the PDF has no space character; compare without spaces.
const bare = (s: string) => s.replace(/\s+/g, "");

describe("exportPdf in every script a family writes in", () => {
  it("gives back every name, view and piece of advice, in reading order, from embedded subsets", async () => {
    const bytes = await exportPdf(scriptsPlan());
    const pdf = await readPdf(bytes);
    const text = bare(pdf.text);
    for (const [script, sample] of Object.entries(SCRIPT_SAMPLES))
      expect(text, script).toContain(bare(sample));
    expect(pdf.text).not.toContain("\u0000");
    // The views are read in the order they were written, each script after the one before it.
    const order = ["welsh", "emoji", "symbols", "urdu", "arabic", "mixed", "ukrainian", "greek"];
    const at = order.map((k) =>
      text.indexOf(bare(SCRIPT_SAMPLES[k as keyof typeof SCRIPT_SAMPLES])),
    );
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // The child's name keeps its letters in the running header too.
    const plan = scriptsPlan();
    plan.meta.status = "final";
    plan.meta.dates.finalIssued = "2026-11-20";
    const final = await readPdf(await exportPdf(plan));
    expect(bare(final.artifacts.join(""))).toContain(bare(SCRIPT_SAMPLES.irishPolish));

    const raw = Buffer.from(bytes).toString("latin1");
    for (const family of [
      "NotoSansArabic",
      "NotoSansBengali",
      "NotoSansGurmukhi",
      "NotoSansDevanagari",
      "NotoSansSC",
      "NotoEmoji",
      "NotoSans-",
    ])
      expect(raw, family).toContain(family);
    if (!existsSync("/usr/bin/pdffonts") && process.env.CI !== "true") return;
    const dir = mkdtempSync(join(tmpdir(), "ehcp-scripts-"));
    try {
      const file = join(dir, "plan.pdf");
      writeFileSync(file, bytes);
      const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" })
        .split("\n")
        .slice(2)
        .filter(Boolean);
      // Every font embedded, as a subset, with a map back to Unicode.
      for (const line of fonts)
        expect(line, line).toMatch(/^[A-Z]{6}\+\S+.*\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
      // No glyph is .notdef (glyph 0): pdftotext reads no replacement character or box.
      const plain = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      expect(plain).not.toMatch(/[\ufffd\u25a1]/);
      expect(plain).toContain("Gŵyr");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("gives every sample back from its glyphs alone, as pdf.js reads them, in reading order", async () => {
    const text = await readGlyphText(await exportPdf(scriptsPlan()));
    // A Bengali vowel sign drawn in two parts (ো) is read as those parts (ে া), which Unicode
    // holds to be the same text (its canonical decomposition).
    const read = bare(text).normalize("NFC");
    const s = SCRIPT_SAMPLES;
    // In the order the plan gives them: the views, one script after another, then the advice.
    const inPlanOrder = [
      ...[s.welsh, s.emoji, s.symbols, s.urdu, s.arabic, s.mixed, s.ukrainian, s.greek],
      ...[s.chinese, s.bengali, s.gurmukhi, s.devanagari, s.urduName],
    ];
    let from = 0;
    for (const sample of inPlanOrder) {
      const at = read.indexOf(bare(sample).normalize("NFC"), from);
      expect(at, sample).toBeGreaterThanOrEqual(0);
      from = at;
    }
    expect(read).toContain(bare(s.irishPolish));
    // No glyph read as its glyph number (a mark with no text of its own came out as U+0007).
    expect(controlCharacters(text)).toEqual([]);
  }, 60_000);

  it("refuses a character no font has, naming the item, its path and the character", async () => {
    const plan = scriptsPlan();
    const provision = plan.sections.F.provisions[1] as Plan["sections"]["F"]["provisions"][number];
    provision.deliveredBy = "Teacher \u{16F00}";
    const error = await exportPdf(plan).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprintableCharacterError);
    expect(error).toMatchObject({
      item: "F2",
      path: "sections.F.provisions[1]",
      character: "\u{16F00}",
    });
    expect(String((error as Error).message)).toContain("U+16F00");
  }, 60_000);
});
