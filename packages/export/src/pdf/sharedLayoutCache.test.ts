import { examplePlan } from "@ehcp/fixtures";
import { parsePlan } from "@ehcp/schema";
import { afterEach, describe, expect, it, vi } from "vitest";
import { exportPdf } from "../index.js";
import { FontChooser } from "./fonts.js";
import { sharedLayoutCache } from "./sharedLayoutCache.js";

describe("sharedLayoutCache", () => {
  afterEach(() => vi.useRealTimers());

  it("gives every document the same cache for a font, and each font its own", () => {
    const a = sharedLayoutCache("test-font-a");
    a.word = { glyphs: [] };
    expect(sharedLayoutCache("test-font-a")).toBe(a);
    expect(sharedLayoutCache("test-font-b")).not.toBe(a);
    expect(sharedLayoutCache("test-font-b").word).toBeUndefined();
  });

  it("starts again once it holds more than 50,000 words, so memory stays bounded", () => {
    const full = sharedLayoutCache("test-font-full");
    for (let i = 0; i <= 50_000; i++) full[`w${i}`] = i;
    const next = sharedLayoutCache("test-font-full");
    expect(next).not.toBe(full);
    expect(Object.keys(next)).toHaveLength(0);
  });

  it("lays out a plan from words another plan cached exactly as it does from nothing", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-02T09:30:00Z"));
    const fonts = new FontChooser();
    const names = (["regular", "bold", "italic", "boldItalic"] as const).map(
      (style) => fonts.fontFor("a", style) as string,
    );
    const good = parsePlan(examplePlan("plan-good.json"));
    const other = parsePlan(examplePlan("plan-poor.json"));

    const first = await exportPdf(good);
    const regular = sharedLayoutCache(names[0] as string);
    // The words of the plan are in the cache the next document is given.
    expect(Object.keys(regular).length).toBeGreaterThan(100);
    const warm = await exportPdf(other, { allowFindings: true });
    expect(Buffer.from(await exportPdf(good)).equals(Buffer.from(first))).toBe(true);

    // Overfilled caches are dropped, so the next export lays out every word afresh.
    for (const name of names) {
      const cache = sharedLayoutCache(name);
      for (let i = 0; i <= 50_000; i++) cache[`overfill-${i}`] = i;
    }
    const cold = await exportPdf(other, { allowFindings: true });
    expect(Object.keys(sharedLayoutCache(names[0] as string))).not.toContain("overfill-0");
    expect(Buffer.from(warm).equals(Buffer.from(cold))).toBe(true);
  });
});
