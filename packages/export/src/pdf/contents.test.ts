import { type Plan, parsePlan } from "@ehcp/schema";
import { examplePlan } from "@ehcp/fixtures";
import { describe, expect, it } from "vitest";
import { type PlacedText, readPages, readPdf } from "../../test/readPdf.js";
import { exportPdf } from "../index.js";

const plan = () => parsePlan(examplePlan("plan-good.json")) as Plan;
const bare = (s: string) => s.replace(/\s+/g, "");

describe("the PDF's contents page", () => {
  it("lists each heading 1 with the page it is on, as links tagged TOC and TOCI", async () => {
    const bytes = await exportPdf(plan(), { layout: "areas-of-need" });
    const pdf = await readPdf(bytes);
    const pages = await readPages(bytes);
    // The contents page follows the title page.
    const contents = pages[1] as PlacedText[];
    expect(contents.find((t) => t.tag === "H1")?.str).toBe("Contents");
    expect(pdf.roles.get("TOC")).toBe(1);
    // Every heading 1 after it has an entry: the links on the contents page, in order.
    const headingsAfter = pages.slice(2).flatMap((page, i) =>
      page.filter((t) => t.tag === "H1").length
        ? [
            {
              page: i + 3,
              text: bare(
                page
                  .filter((t) => t.tag === "H1")
                  .map((t) => t.str)
                  .join(""),
              ),
            },
          ]
        : [],
    );
    const names = pdf.links.slice(0, pdf.roles.get("TOCI")).map(bare);
    expect(names).toEqual(headingsAfter.map((h) => h.text));
    // Each entry's number is the page its heading is on, as the page's footer counts.
    const numbers = contents
      .filter((t) => !t.artifact && /^\d+$/.test(t.str.trim()))
      .map((t) => Number(t.str));
    expect(numbers).toEqual(headingsAfter.map((h) => h.page));
    expect(numbers.length).toBeGreaterThan(15);
    expect(pdf.annotations).toContain("Go to Section A: Views, interests and aspirations");
  }, 120_000);

  it("is left out when asked", async () => {
    const pdf = await readPdf(await exportPdf(plan(), { tableOfContents: false }));
    expect(pdf.roles.get("TOC")).toBeUndefined();
    expect(pdf.outline).not.toContain("Contents");
  }, 120_000);
});
