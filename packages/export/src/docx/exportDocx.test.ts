import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Plan, PlanFormatError, parsePlan, SECTION_KEYS, SECTION_TITLES } from "@ehcp/schema";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { generatePlan } from "@ehcp/fixtures/generatePlan";
import { writtenTexts } from "../../test/writtenTexts.js";
import { docxParts, readDocx } from "../../test/docxParts.js";
import {
  emptiestPlan,
  ONE_PIXEL_PNG,
  planWithLinks,
  planWithoutSectionG,
  revisedPlan,
} from "../../test/plans.js";
import { exportDocx, PlanIntegrityError } from "../index.js";
import { describeDuration, describeHowOften } from "../text/describe.js";
import { examplePlan } from "@ehcp/fixtures";

const fixture = (name: string) => parsePlan(examplePlan(name)) as Plan;
const squash = (s: string) => s.replace(/\s+/g, " ").trim();
// A break after a hyphen is a fair break, so words are compared hyphen part by hyphen part.
const wordsOf = (s: string) => s.split(/[\s,;:()\-\u2010\u2011]+/).filter(Boolean);

describe("exportDocx", () => {
  for (const name of ["plan-good.json", "plan-poor.json"]) {
    for (const layout of ["sections", "areas-of-need"] as const) {
      it(`writes every written field of ${name} in the ${layout} layout, as mammoth reads it`, async () => {
        const plan = fixture(name);
        // The poor plan's repeated id and broken link need a draft copy asked for.
        const { html, text } = await readDocx(
          await exportDocx(plan, { layout, allowFindings: true }),
        );
        const flat = squash(text);
        for (const written of writtenTexts(plan).map(squash))
          expect(flat, written).toContain(written);
        const headings = [...html.matchAll(/<h1>(?:<a [^>]*><\/a>)*([^<]*)<\/h1>/g)].map(
          (m) => m[1],
        );
        if (layout === "sections") {
          expect(headings).toEqual([
            ...SECTION_KEYS.map((k) => `Section ${k}: ${SECTION_TITLES[k]}`),
            // The bundle's parts a draft has by default, after the sections.
            "Summary of special educational provision (Section F)",
            "From need to outcome to provision",
          ]);
        } else {
          expect(headings.slice(0, 5)).toEqual(
            [
              "Section A: Views, interests and aspirations",
              ...(plan.sections.B.summary
                ? ["Summary of special educational needs (Section B)"]
                : []),
              "Communication and interaction",
              "Cognition and learning",
              "Social, emotional and mental health",
              "Sensory and/or physical needs",
            ].slice(0, 5),
          );
          expect(headings.slice(-10, -2)).toEqual(
            ["C", "D", "G", "H1", "H2", "I", "J", "K"].map(
              (k) => `Section ${k}: ${SECTION_TITLES[k as "C"]}`,
            ),
          );
        }
        const provisions = (["F", "G", "H1", "H2"] as const).reduce(
          (n, k) => n + plan.sections[k].provisions.length,
          0,
        );
        expect(html.match(/<th>(?:<p>)?(?:<strong>)?What</g)?.length).toBe(provisions);
      });
    }
  }

  it("writes well-formed XML with repeated table headers, bookmarks for every link, metadata and language", async () => {
    const plan = fixture("plan-good.json");
    const parts = await docxParts(await exportDocx(plan));
    for (const [path, xml] of parts) expect(XMLValidator.validate(xml), path).toBe(true);
    const body = parts.get("word/document.xml") ?? "";
    expect(body).toContain("<w:tblHeader/>");
    const bookmarks = new Set(
      [...body.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]),
    );
    const anchors = [...body.matchAll(/w:anchor="([^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(20);
    for (const anchor of anchors) expect(bookmarks, anchor).toContain(anchor);
    expect(parts.get("docProps/core.xml")).toContain(
      "<dc:title>Education, Health and Care Plan: Matilda Brennan (draft)</dc:title>",
    );
    expect(parts.get("word/styles.xml")).toMatch(/<w:lang w:val="en-GB"/);
    expect(parts.get("docProps/core.xml")).toContain("<dc:language>en-GB</dc:language>");
    expect(parts.get("docProps/core.xml")).toContain(
      "<dc:creator>Westmere Borough Council</dc:creator>",
    );
    // No fields for Word to update on opening, and no TOC that reads empty elsewhere.
    expect(parts.get("word/settings.xml")).not.toContain("<w:updateFields");
    expect(body).not.toMatch(/instrText[^>]*>\s*TOC/);
    const footer = [...parts].find(([p]) => p.startsWith("word/footer"))?.[1] ?? "";
    expect(footer).toContain("Draft plan, issue 1, issued 13 October 2026 · ");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it("puts DRAFT in the header of a draft and not of a final plan", async () => {
    const header = async (plan: Plan) =>
      [...(await docxParts(await exportDocx(plan)))].find(([p]) =>
        p.startsWith("word/header"),
      )?.[1] ?? "";
    const draft = fixture("plan-good.json");
    expect(await header(draft)).toContain(">DRAFT<");
    expect(await header(draft)).toContain("Matilda Brennan");
    const final = { ...draft, meta: { ...draft.meta, status: "final" as const } };
    expect(await header(final)).not.toContain(">DRAFT<");
    // Word's own watermark, a WordArt shape in the header behind every page's text.
    expect(await header(draft)).toMatch(/<v:textpath [^>]*string="DRAFT"/);
    expect(await header(final)).not.toContain("v:textpath");
    expect(
      [...(await docxParts(await exportDocx(draft, { watermark: false })))].find(([p]) =>
        p.startsWith("word/header"),
      )?.[1],
    ).not.toContain("v:textpath");
  });

  it("writes rich-text lists as real Word lists and uses no empty paragraphs for spacing", async () => {
    const plan = fixture("plan-good.json");
    const body = (await docxParts(await exportDocx(plan))).get("word/document.xml") ?? "";
    expect(body).toContain("<w:numPr>");
    expect(body).not.toMatch(/<w:t[^>]*>\s*[•◦▪-]\s/);
    // A table cell that holds nothing (the summary's total row) still needs one paragraph.
    const outsideEmptyCells = body.replace(/<w:tc>(?:(?!<w:r[ >]|<\/w:tc>)[\s\S])*<\/w:tc>/g, "");
    const paragraphs = [
      ...outsideEmptyCells.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?:\s[^>]*)?\/>/g),
    ];
    const empty = paragraphs.filter(
      (m) => !/<w:r[ >]/.test(m[1] ?? "") && !/<w:fldSimple|<w:sdt/.test(m[1] ?? ""),
    );
    expect(empty.map((m) => m[0].slice(0, 120))).toEqual([]);
  });

  it("writes text that looks like markup literally", async () => {
    const plan = fixture("plan-good.json");
    const tricky = '<script>alert(1)</script> {{name}} #set page() \\end & "quotes"';
    plan.sections.F.provisions[0]!.what = [
      { type: "paragraph", content: [{ type: "text", text: tricky }] },
    ];
    plan.sections.F.provisions[0]!.deliveredBy = "</w:t><w:t>";
    const { text } = await readDocx(await exportDocx(plan));
    expect(text).toContain(tricky);
    expect(text).toContain("</w:t><w:t>");
  });

  it("refuses an invalid plan with the validation errors, writing nothing", async () => {
    await expect(exportDocx(planWithoutSectionG())).rejects.toThrow(PlanFormatError);
  });

  it("refuses a plan whose structure is broken, unless a draft copy is asked for, which says so", async () => {
    const poor = fixture("plan-poor.json");
    const error = await exportDocx(poor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanIntegrityError);
    expect((error as PlanIntegrityError).findings.map((f) => f.target)).toEqual(["p-2", "o-3"]);

    const final = { ...poor, meta: { ...poor.meta, status: "final" as const } };
    const bytes = await exportDocx(final, { allowFindings: true });
    const { text } = await readDocx(bytes);
    const titlePage = text.slice(0, text.indexOf("Section A:"));
    expect(titlePage).toContain("Kieran Doyle (draft copy)");
    expect(titlePage).toContain("Draft copy, not for issue: the plan has 2 problems");
    expect(titlePage).toContain(
      'E3 links to the need "n-9", which is not in the plan. Link it to an existing need or remove the link. (sections.E.outcomes[2].needIds[0])',
    );
    const parts = await docxParts(bytes);
    expect([...parts].find(([p]) => p.startsWith("word/header"))?.[1]).toContain(">DRAFT<");
    expect(parts.get("docProps/core.xml")).toContain("Draft copy of a plan, issue");
  });

  it("heads outcomes and provisions with what they are, and links say where they lead", async () => {
    const { html, text } = await readDocx(await exportDocx(planWithLinks()));
    const h2 = [...html.matchAll(/<h2>(?:<a [^>]*><\/a>)*([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toContain("E2: Tilly will tell an adult");
    expect(h2).toContain("F3: A personal visual timetable");
    expect(h2.filter((h) => h?.endsWith(": Outcome") || h?.includes("…"))).toEqual([]);
    const links = [...html.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toContainEqual(["#item_B1", "need B1: Following and using spoken language"]);
    expect(links).toContainEqual(["#item_E2", "E2: Tilly will tell an adult"]);
    expect(links).toContainEqual([
      "https://westmere.example/local-offer",
      "the council's local offer",
    ]);
    expect(squash(text)).toContain(
      "A programme described in the council's local offer (https://westmere.example/local-offer), with advice from SENDIASS (sendiass@westmere.example) and https://westmere.example/.",
    );
  });

  it("writes a plan with every field empty that may be empty, saying what each section lacks", async () => {
    const plan = emptiestPlan();
    const areas = (await readDocx(await exportDocx(plan, { layout: "areas-of-need" }))).text;
    expect(areas).toContain("No needs have been identified in this area.");
    expect(areas).toContain("A draft plan names no school or setting.");
    const sections = (await readDocx(await exportDocx(plan))).text;
    expect(sections).toContain("No special educational needs have been identified.");
    expect(sections).toContain("No outcomes have been set.");
  });

  it("writes a plan of 240 provisions, each with its label", async () => {
    const plan = parsePlan(generatePlan({ scale: 1, seed: 7 }));
    const { text } = await readDocx(
      await exportDocx(plan, { qualityAppendix: true, today: "2026-11-22" }),
    );
    for (const label of ["F1", "F180", "G36", "H2.24", "E80", "B30"])
      expect(text).toContain(`${label}:`);
    expect(text).toContain("Appendix: plan quality summary");
  }, 60_000);

  it("gives the council's logo its text alternative", async () => {
    const parts = await docxParts(
      await exportDocx(fixture("plan-good.json"), {
        logo: { data: ONE_PIXEL_PNG, type: "png", altText: "Northbrook Council crest" },
      }),
    );
    expect(parts.get("word/document.xml")).toContain('descr="Northbrook Council crest"');
  });

  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
  it.skipIf(!soffice && process.env.CI !== "true")(
    "opens in LibreOffice, which converts it to a PDF of several pages",
    async () => {
      expect(
        soffice,
        "LibreOffice is needed: apt-get install libreoffice-writer-nogui",
      ).toBeTruthy();
      const dir = mkdtempSync(join(tmpdir(), "ehcp-docx-"));
      try {
        writeFileSync(join(dir, "plan.docx"), await exportDocx(fixture("plan-good.json")));
        execFileSync(
          soffice as string,
          ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "plan.docx")],
          {
            env: { ...process.env, HOME: dir },
            stdio: "ignore",
            timeout: 120_000,
          },
        );
        const pdf = readFileSync(join(dir, "plan.pdf"));
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
        const pages = Number(/\/Count (\d+)/.exec(pdf.toString("latin1"))?.[1] ?? 0);
        expect(pages).toBeGreaterThan(5);
        // The provision tables' columns are wide enough that LibreOffice breaks no word: each
        // word of the header and of the narrow cells comes out whole.
        if (!existsSync("/usr/bin/pdftotext") && process.env.CI !== "true") return;
        const words = new Set(
          wordsOf(execFileSync("pdftotext", [join(dir, "plan.pdf"), "-"], { encoding: "utf8" })),
        );
        const plan = fixture("plan-good.json");
        const narrow = [
          "What Who, with what expertise Ratio How often How long Outcomes it serves",
          ...(["F", "G", "H1", "H2"] as const).flatMap((k) =>
            plan.sections[k].provisions.flatMap((p) => [
              p.ratio ?? "",
              describeHowOften({ frequency: p.frequency, hoursPerWeek: p.hoursPerWeek }),
              describeDuration(p.duration),
            ]),
          ),
        ];
        for (const token of narrow.join(" ").split(/\s+/).filter(Boolean)) {
          // pdftotext joins a word broken after its hyphen ("half-" "term" gives "halfterm").
          const joined = token.replace(/[-\u2010\u2011]/g, "").replace(/[,;:()]/g, "");
          const whole = wordsOf(token).every((w) => words.has(w)) || words.has(joined);
          expect(whole, `"${token}" is whole`).toBe(true);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );

  it("keeps headings with what follows them and gives tables fixed column widths", async () => {
    const parts = await docxParts(await exportDocx(fixture("plan-good.json")));
    const styles = parts.get("word/styles.xml") ?? "";
    for (const id of ["Heading1", "Heading2", "Heading3", "Heading4"]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(
        styles,
      )?.[0];
      expect(style, id).toContain("<w:keepNext/>");
    }
    const document = parts.get("word/document.xml") ?? "";
    // A view's line saying whose view it is stays with the view, as its heading does.
    const attributions = [...document.matchAll(/<w:p>((?:(?!<\/w:p>).)*)<\/w:p>/g)]
      .map((m) => m[1] ?? "")
      .filter((p) => p.includes(">The view of "));
    expect(attributions.length).toBe(fixture("plan-good.json").sections.A.views.length);
    for (const p of attributions) expect(p).toContain("<w:keepNext/>");
    // Each provision's table has fixed widths in twips, which LibreOffice keeps.
    const fixed = document.match(/<w:tblLayout w:type="fixed"\/>/g)?.length ?? 0;
    expect(fixed).toBeGreaterThanOrEqual(fixture("plan-good.json").sections.F.provisions.length);
  });

  it("adds an appendix of what changed since an earlier version, field by field", async () => {
    const before = fixture("plan-good.json");
    const after = revisedPlan(before);
    const { text } = await readDocx(
      await exportDocx(after, { changesSince: { plan: before, name: "the draft of 13 October" } }),
    );
    expect(text).toContain("Appendix: changes since the draft of 13 October");
    expect(text).toMatch(
      /Provision F1\s*Changed\s*deliveredBy\s*Speech and language therapist\s*Speech and language therapy assistant/,
    );
    expect(text).toMatch(/Need B\d+\s*Added/);
    const unchanged = await readDocx(
      await exportDocx(before, { changesSince: { plan: before, name: "itself" } }),
    );
    expect(unchanged.text).toContain("Nothing has changed.");
  });
});
