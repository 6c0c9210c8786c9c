import { parsePlan, type Plan } from "@ehcp/schema";
import { generatePlan } from "@ehcp/fixtures/generatePlan";
import { examplePlan } from "@ehcp/fixtures";
import { describe, expect, it } from "vitest";
import { type PlacedText, readPages } from "../../test/readPdf.js";
import { exportPdf } from "../index.js";

/** The lines of a page's own text (not its header or footer), top to bottom. */
const linesOf = (page: PlacedText[]) => {
  const lines = new Map<number, PlacedText[]>();
  for (const t of page.filter((p) => !p.artifact)) {
    const key = Math.round(t.top);
    lines.set(key, [...(lines.get(key) ?? []), t]);
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, items]) => items);
};
const isHeading = (t: PlacedText) => /^H\d$/.test(t.tag);

/** No page ends with a heading, and no page holds a single line of text. */
function expectReadablePages(pages: PlacedText[][]) {
  pages.forEach((page, i) => {
    const lines = linesOf(page);
    if (lines.length === 0) return;
    const last = lines[lines.length - 1] as PlacedText[];
    expect(
      last.some(isHeading),
      `page ${i + 1} ends with the heading "${last.map((t) => t.str).join("")}"`,
    ).toBe(false);
    expect(
      lines.length,
      `page ${i + 1} holds one line: ${lines[0]?.map((t) => t.str).join("")}`,
    ).toBeGreaterThan(1);
  });
}

describe("exportPdf's pages", () => {
  it("continues a provision of 3,000 words across pages under its header row", async () => {
    const plan = structuredClone(examplePlan("plan-good.json")) as Plan;
    const provision = plan.sections.F.provisions[1] as Plan["sections"]["F"]["provisions"][number];
    const words = (n: number) =>
      Array.from(
        { length: 99 },
        (_, i) => ["reading", "practice", "with", "the", "assistant"][(i + n) % 5],
      ).join(" ");
    provision.what = Array.from({ length: 30 }, (_, n) => ({
      type: "paragraph" as const,
      content: [{ type: "text" as const, text: `Step${n + 1} ${words(n)} end${n + 1}.` }],
    }));
    // The summary of provision would name F2 by its first words again: left out here.
    const pages = await readPages(
      await exportPdf(parsePlan(plan), { provisionSummary: false, needTable: false }),
    );
    const holding = pages
      .map((page, i) => ({
        i,
        text: page
          .filter((t) => !isHeading(t))
          .map((t) => t.str)
          .join(""),
      }))
      .filter((p) => /Step\d+|end\d+\./.test(p.text));
    expect(holding.length).toBeGreaterThanOrEqual(3);
    // Every paragraph is there, in order, across the pages.
    const steps = holding.flatMap((p) =>
      [...p.text.matchAll(/Step(\d+)/g)].map((m) => Number(m[1])),
    );
    expect(steps).toEqual(Array.from({ length: 30 }, (_, n) => n + 1));
    // Each page the row runs onto starts with the header row again, above the text.
    for (const { i } of holding.slice(1)) {
      const page = pages[i] as PlacedText[];
      const header = page.find((t) => t.artifact && t.str.includes("Who, with what"));
      expect(header, `page ${i + 1} repeats the header`).toBeDefined();
      const firstText = Math.min(...page.filter((t) => !t.artifact).map((t) => t.top));
      expect(header?.top).toBeLessThan(firstText);
    }
    // The row's other cells and what follows the table come after the long text, not lost.
    const last = pages[(holding[holding.length - 1] as { i: number }).i] as PlacedText[];
    expect(last.map((t) => t.str).join("")).toContain("Needs it meets directly");
    expectReadablePages(pages);
  }, 60_000);

  it("never leaves a heading at a page's foot, nor a page of one line, in the large plan", async () => {
    const plan = parsePlan(generatePlan({ scale: 1, seed: 1 }));
    for (const layout of ["sections", "areas-of-need"] as const) {
      const pages = await readPages(await exportPdf(plan, { layout }));
      expect(pages.length).toBeGreaterThan(60);
      expectReadablePages(pages);
    }
  }, 120_000);

  it("never leaves a heading at a page's foot in the example plans, in either layout", async () => {
    for (const name of ["plan-good.json", "plan-poor.json"])
      for (const layout of ["sections", "areas-of-need"] as const)
        expectReadablePages(
          await readPages(
            await exportPdf(parsePlan(examplePlan(name)), { layout, allowFindings: true }),
          ),
        );
  }, 60_000);
});
