import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AdviceExport, ADVICE_SECTIONS, type Plan, parsePlan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { exampleAdvice, examplePlan } from "@ehcp/fixtures";
import { docxParts, readDocx } from "../../test/docxParts.js";
import { AdviceExportError, exportDocx } from "../index.js";

const plan = () => parsePlan(examplePlan("plan-good.json")) as Plan;
const advice = (name: "advice-ep.json" | "advice-salt.json") => exampleAdvice(name) as AdviceExport;
const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const SALT =
  "Appendix 1: Speech and language therapy advice from Bethany Cole, submitted 19 August 2026";
const EP =
  "Appendix 2: Educational psychology advice from Dr Zoë Hartley, submitted 26 August 2026";
/** What a reader meets, in this order, in the appended advice. */
const READING_ORDER = [
  "From need to outcome to provision",
  SALT,
  "Requested 1 July 2026, due 12 August 2026, submitted 19 August 2026 (first version).",
  ADVICE_SECTIONS.K as string,
  ADVICE_SECTIONS.B as string,
  "B1: Understanding of spoken language",
  ADVICE_SECTIONS.F as string,
  // A table cell's lines are read beside its neighbours': the provision's heading stands for it.
  "F1: A programme on the language of time",
  ADVICE_SECTIONS.G as string,
  EP,
  ADVICE_SECTIONS.A as string,
  "I like it when Mr Ellis writes the steps on my whiteboard.",
  "B2: Anxiety when tasks are unclear",
  "F2: A calm space in the classroom",
];
const outOfOrder = (text: string, strings: readonly string[]) => {
  let from = 0;
  const flat = squash(text);
  return strings.filter((s) => {
    const at = flat.indexOf(squash(s), from);
    if (at >= 0) from = at + 1;
    return at < 0;
  });
};

describe("exportDocx with advice", () => {
  it("appends each submitted advice after the plan as real headings a level below the appendix's", async () => {
    const bytes = await exportDocx(plan(), {
      advice: [advice("advice-ep.json"), advice("advice-salt.json")],
    });
    const { html, text } = await readDocx(bytes);
    expect(outOfOrder(text, READING_ORDER)).toEqual([]);
    const headings = (level: number) =>
      [...html.matchAll(new RegExp(`<h${level}>(?:<a [^>]*></a>)*([^<]*)</h${level}>`, "g"))].map(
        (m) => m[1],
      );
    // In Word's navigation pane each appendix is a heading 1, its sections headings 2 and its
    // items headings 3.
    expect(headings(1).slice(-3)).toEqual([SALT, EP, "Appendix 3: How the advice was used"]);
    expect(headings(2)).toContain(ADVICE_SECTIONS.E);
    expect(headings(3)).toContain("B2: Anxiety when tasks are unclear");
    expect(headings(2)).not.toContain("B2: Anxiety when tasks are unclear");
    // The advice's links go to its own items, whose bookmarks are apart from the plan's.
    const document = (await docxParts(bytes)).get("word/document.xml") ?? "";
    expect(document).toContain('w:name="appendix2_item_E1"');
    expect(document).toContain('w:anchor="appendix2_item_E1"');
    expect(document).toContain('w:name="item_E1"');
  });

  it("refuses advice for another plan, naming it", async () => {
    const other = advice("advice-ep.json");
    other.planId = "plan-kieran-doyle";
    await expect(exportDocx(plan(), { advice: [other] })).rejects.toThrow(AdviceExportError);
  });

  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
  it.skipIf(!soffice && process.env.CI !== "true")(
    "reads in the same order through LibreOffice",
    async () => {
      expect(
        soffice,
        "LibreOffice is needed: apt-get install libreoffice-writer-nogui",
      ).toBeTruthy();
      const dir = mkdtempSync(join(tmpdir(), "ehcp-docx-advice-"));
      try {
        writeFileSync(
          join(dir, "plan.docx"),
          await exportDocx(plan(), {
            advice: [advice("advice-ep.json"), advice("advice-salt.json")],
          }),
        );
        execFileSync(
          soffice as string,
          ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "plan.docx")],
          { env: { ...process.env, HOME: dir }, stdio: "ignore", timeout: 120_000 },
        );
        const text = execFileSync("pdftotext", [join(dir, "plan.pdf"), "-"], {
          encoding: "utf8",
        });
        expect(outOfOrder(text, READING_ORDER)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
