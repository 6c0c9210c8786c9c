import { examplePlan } from "@ehcp/fixtures";
import { parsePlan } from "@ehcp/schema";
import { afterEach, describe, expect, it, vi } from "vitest";
import { exportPdf } from "../index.js";
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

  it("a second export in the process, laid out from the cache, is the same file as the first", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-02T09:30:00Z"));
    const plan = parsePlan(examplePlan("plan-good.json"));
    const first = await exportPdf(plan);
    const second = await exportPdf(plan);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
