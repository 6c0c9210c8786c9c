import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Plan, PlanFormatError, parsePlan, SECTION_KEYS, SECTION_TITLES } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { generatePlan } from "@ehcp/fixtures/generatePlan";
import { writtenTexts } from "../../test/writtenTexts.js";
import {
  emptiestPlan,
  ONE_PIXEL_PNG,
  planWithLinks,
  planWithoutSectionG,
  revisedPlan,
} from "../../test/plans.js";
import { readPdf } from "../../test/readPdf.js";
import { readStructure } from "../../test/readStructure.js";
import { exportPdf, PlanIntegrityError } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const BUNDLE_HEADINGS = [
  "Summary of special educational provision (Section F)",
  "From need to outcome to provision",
];
const fixture = (name: string) => parsePlan(examplePlan(name)) as Plan;
// PDF text comes back without the spaces where lines wrapped, so compare without any spaces.
const bare = (s: string) => s.replace(/\s+/g, "");

describe("exportPdf", () => {
  for (const name of ["plan-good.json", "plan-poor.json"]) {
    for (const layout of ["sections", "areas-of-need"] as const) {
      it(`writes ${name} in the ${layout} layout as a tagged PDF holding every written field`, async () => {
        const plan = fixture(name);
        // The poor plan's repeated id and broken link need a draft copy asked for.
        const pdf = await readPdf(await exportPdf(plan, { layout, allowFindings: true }));
        expect(pdf.marked).toBe(true);
        const text = bare(pdf.text);
        for (const written of writtenTexts(plan)) expect(text, written).toContain(bare(written));
        // The poor plan has no lists and no outcome steps, so no list elements.
        const lists = name === "plan-good.json" ? ["L", "LI", "Lbl", "LBody"] : [];
        for (const role of [
          "Document",
          "Sect",
          "H1",
          "H2",
          "P",
          "Table",
          "TR",
          "TH",
          "TD",
          "Link",
          ...lists,
        ]) {
          expect(pdf.roles.get(role), role).toBeGreaterThan(0);
        }
        if (layout === "sections") {
          expect(pdf.outline).toEqual([
            "Education, Health and Care Plan",
            "Contents",
            ...SECTION_KEYS.map((k) => `Section ${k}: ${SECTION_TITLES[k]}`),
            // The bundle's parts a draft has by default, after the sections.
            ...BUNDLE_HEADINGS,
          ]);
        } else {
          expect(pdf.outline).toContain("Communication and interaction");
        }
        // Two cores shared with other work: the time is generous, never a speed target.
      }, 90_000);
    }
  }

  it("marks running headers and footers as artifacts, outside the text a screen reader reads", async () => {
    const pdf = await readPdf(await exportPdf(fixture("plan-good.json")));
    expect(pdf.artifacts).toContain("DRAFT");
    // A draft's header names the child too, so pages of two children's drafts are not mixed.
    expect(pdf.artifacts.join("")).toContain("Matilda Brennan");
    // Every footer gives the issue and its date, so pages of two issues cannot be mixed.
    const footers = pdf.artifacts.filter((a) => a.includes("Page "));
    expect(footers).toHaveLength(pdf.pages);
    expect(footers[0]).toBe(`Draft plan, issue 1, issued 13 October 2026 · Page 1 of ${pdf.pages}`);
    expect(pdf.text).not.toContain("Page 1 of");
    const final = fixture("plan-good.json");
    final.meta = {
      ...final.meta,
      status: "final",
      issue: 2,
      dates: { ...final.meta.dates, finalIssued: "2027-03-13" },
    };
    const finalPdf = await readPdf(await exportPdf(final));
    expect(finalPdf.artifacts).toContain(
      `Final plan, issue 2, issued 13 March 2027 · Page ${finalPdf.pages} of ${finalPdf.pages}`,
    );
    const bare = await readPdf(await exportPdf(final, { issueInFooter: false }));
    expect(bare.artifacts).toContain(`Page 1 of ${bare.pages}`);
    // A draft has DRAFT across every page as well as in its header; a final plan neither.
    const drafts = (p: typeof pdf) => p.artifacts.filter((a) => a === "DRAFT").length;
    expect(drafts(pdf)).toBe(2 * pdf.pages);
    expect(drafts(finalPdf)).toBe(0);
    const unmarked = await readPdf(
      await exportPdf(fixture("plan-good.json"), { watermark: false }),
    );
    expect(drafts(unmarked)).toBe(unmarked.pages);
    expect(unmarked.artifacts.join("")).toContain("Matilda Brennan");
  }, 60_000);

  it("declares its language, shows its title, gives header cells a scope and embeds every font", async () => {
    const bytes = await exportPdf(fixture("plan-good.json"));
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Scope \/Column/);
    expect(raw).toMatch(/\/Scope \/Row/);
    // Each link annotation belongs to a Link element: a StructParent one way, an OBJR the other.
    const annotations = raw.match(/\/Subtype \/Link/g)?.length ?? 0;
    expect(annotations).toBeGreaterThan(10);
    expect(raw.match(/\/Type \/OBJR/g)?.length).toBe(annotations);
    expect(raw.match(/\/StructParent \d+/g)?.length).toBe(annotations);
    const dir = mkdtempSync(join(tmpdir(), "ehcp-pdf-"));
    try {
      const file = join(dir, "plan.pdf");
      writeFileSync(file, bytes);
      const poppler = existsSync("/usr/bin/pdffonts");
      if (!poppler && process.env.CI !== "true") return;
      const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" })
        .split("\n")
        .slice(2)
        .filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line, line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
      expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toContain(
        "Title:           Education, Health and Care Plan: Matilda Brennan (draft)",
      );
      execFileSync("pdftoppm", ["-r", "40", "-png", "-f", "1", "-l", "2", file, join(dir, "page")]);
      expect(readdirSync(dir).filter((f) => f.endsWith(".png"))).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes text that looks like markup literally, and letters beyond Latin-1", async () => {
    const plan = fixture("plan-good.json");
    const tricky = "<script>alert(1)</script> {{name}} #set page() \\end Łódź Zoë";
    plan.sections.F.provisions[0]!.what = [
      { type: "paragraph", content: [{ type: "text", text: tricky }] },
    ];
    expect(bare((await readPdf(await exportPdf(plan))).text)).toContain(bare(tricky));
  });

  it("gives the council's logo its text alternative", async () => {
    const bytes = await exportPdf(fixture("plan-good.json"), {
      logo: { data: ONE_PIXEL_PNG, type: "png", altText: "Northbrook Council crest" },
    });
    expect((await readPdf(bytes)).roles.get("Figure")).toBe(1);
    expect(Buffer.from(bytes).toString("latin1")).toContain("/Alt (Northbrook Council crest)");
  });

  it("refuses an invalid plan", async () => {
    await expect(exportPdf(planWithoutSectionG())).rejects.toThrow(PlanFormatError);
  });

  it("refuses a plan whose structure is broken, naming each item, unless a draft copy is asked for", async () => {
    const poor = fixture("plan-poor.json");
    const error = await exportPdf(poor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanIntegrityError);
    expect((error as PlanIntegrityError).findings.map((f) => f.path)).toEqual([
      "sections.F.provisions[2].id",
      "sections.E.outcomes[2].needIds[0]",
    ]);
    expect((error as Error).message).toMatch(
      /^the plan's structure has 2 problems: sections\.F\.provisions\[2\]\.id: F3 has the id "p-2", which F2 already uses\./,
    );
    expect((error as Error).message).toContain(
      'E3 links to the need "n-9", which is not in the plan',
    );

    // Even a final plan's copy is headed DRAFT, and its title page says why.
    const final = { ...poor, meta: { ...poor.meta, status: "final" as const } };
    const pdf = await readPdf(await exportPdf(final, { allowFindings: true }));
    const [titlePage = ""] = pdf.text.split("\n");
    expect(bare(titlePage)).toContain(bare("Kieran Doyle (draft copy)"));
    expect(bare(titlePage)).toContain(bare("Draft copy, not for issue: the plan has 2 problems"));
    expect(bare(titlePage)).toContain(
      bare(
        'F3 has the id "p-2", which F2 already uses. Give each item its own id so links point to one item. (sections.F.provisions[2].id)',
      ),
    );
    expect(bare(titlePage)).toContain(bare("(sections.E.outcomes[2].needIds[0])"));
    expect(pdf.artifacts).toContain("DRAFT");
    // A sound plan's title page says nothing of the kind.
    expect(
      (await readPdf(await exportPdf(fixture("plan-good.json"), { allowFindings: true }))).text,
    ).not.toContain("not for issue");
  }, 30_000);

  it("heads outcomes and provisions with what they are, and names the target of every link", async () => {
    const pdf = await readPdf(await exportPdf(fixture("plan-good.json")));
    for (const heading of [
      "E1: Tilly will carry out three-step instructions",
      "E2: Tilly will tell an adult",
      "F1: A speech and language therapy programme",
      "F3: A personal visual timetable",
      "H2.1: Short breaks",
    ])
      expect(pdf.text).toContain(heading);
    expect(pdf.text).not.toMatch(/E\d+: Outcome\b/);
    expect(pdf.text).not.toContain("…");
    const links = pdf.links.map(bare);
    expect(links).toContain(bare("need B1: Following and using spoken language"));
    expect(links).toContain(bare("advice K4: Speech and language therapy advice"));
    // In the provision table the column names the kind, so its links start at the label.
    expect(links).toContain(bare("E2: Tilly will tell an adult"));
    // Every link to an item says what it is, never a bare label such as "K2".
    // (The contents page's links name the headings 1 they lead to: left out here.)
    const headings1 = new Set(pdf.outline.map(bare));
    const internal = pdf.links.filter((l) => !/@|https?:/.test(l) && !headings1.has(bare(l)));
    expect(internal.length).toBeGreaterThan(20);
    for (const link of internal)
      expect(link).toMatch(/^(?:(?:need|outcome|advice|provision) )?[A-K]\d[\d.]*: \S/);
    expect(pdf.annotations).toContain("Go to need B1: Following and using spoken language");
  }, 30_000);

  it("keeps punctuation out of links and prints an external link's address after it", async () => {
    const pdf = await readPdf(await exportPdf(planWithLinks()));
    expect(pdf.links).toContain("the council's local offer");
    expect(pdf.links).toContain("SENDIASS");
    expect(pdf.links.some((l) => l.endsWith(","))).toBe(false);
    expect(bare(pdf.text)).toContain(
      bare(
        "A programme described in the council's local offer (https://westmere.example/local-offer), with advice from SENDIASS (sendiass@westmere.example) and https://westmere.example/.",
      ),
    );
  }, 30_000);

  it("writes a plan with every field empty that may be empty", async () => {
    const plan = emptiestPlan();
    const { text } = await readPdf(await exportPdf(plan));
    expect(bare(text)).toContain(bare("No special educational needs have been identified."));
  });

  it("writes a plan of 240 provisions, each with its label", async () => {
    const pdf = await readPdf(await exportPdf(parsePlan(generatePlan({ scale: 1, seed: 3 }))));
    expect(pdf.pages).toBeGreaterThan(60);
    for (const label of ["F1:", "F180:", "G36:", "H2.24:", "E80:"])
      expect(pdf.text).toContain(label);
  }, 60_000);

  it("adds a tagged appendix table of what changed since an earlier version", async () => {
    const before = fixture("plan-good.json");
    const after = revisedPlan(before);
    const pdf = await readPdf(
      await exportPdf(after, { changesSince: { plan: before, name: "the draft of 13 October" } }),
    );
    expect(pdf.text).toContain("Appendix: changes since the draft of 13 October");
    // Table cells wrap, and the extracted text drops the spaces at line ends.
    expect(pdf.text.replace(/\s+/g, "")).toContain("Speechandlanguagetherapyassistant");
    expect(pdf.roles.get("Table") ?? 0).toBeGreaterThan(0);
  }, 60_000);

  it("shows a changed field of several paragraphs, before and after, a paragraph to a line", async () => {
    const before = fixture("plan-good.json");
    const after = structuredClone(before);
    const provision = after.sections.F.provisions[0]!;
    provision.what = [
      { type: "paragraph", content: [{ type: "text", text: "Weekly therapy in school." }] },
      { type: "paragraph", content: [{ type: "text", text: "A home programme each half-term." }] },
    ];
    const pdf = await readPdf(
      await exportPdf(after, { changesSince: { plan: before, name: "the draft of 13 October" } }),
    );
    const bare = pdf.text.replace(/\s+/g, "");
    expect(bare).toContain("Weeklytherapyinschool.");
    expect(bare).toContain("Ahomeprogrammeeachhalf-term.");
  }, 60_000);

  it("keeps a nested list as a list inside its item, in the structure and on the page", async () => {
    const plan = fixture("plan-good.json");
    const item = (text: string, ...lists: unknown[]) => ({
      type: "listItem",
      content: [{ type: "paragraph", content: [{ type: "text", text }] }, ...lists],
    });
    const inner = { type: "bulletList", content: [item("Inner one"), item("Inner two")] };
    plan.sections.A.views[0]!.content = [
      { type: "bulletList", content: [item("Outer one", inner), item("Outer two")] },
    ] as never;
    const bytes = await exportPdf(plan);
    const elements = await readStructure(bytes);
    const bodies = (text: string) =>
      elements.filter((e) => e.role === "LBody" && e.text.trim().startsWith(text));
    // Each inner item is an LI of an L inside the outer item's LBody.
    for (const text of ["Inner one", "Inner two"]) {
      const [body] = bodies(text);
      expect(body?.ancestors.slice(-5), text).toEqual(["L", "LI", "LBody", "L", "LI"]);
    }
    expect(bodies("Outer two")[0]?.ancestors.slice(-3)).not.toContain("LBody");
    // Drawn indented below the outer item, one line each.
    const pdf = await readPdf(bytes);
    expect(bare(pdf.text)).toContain("•Outerone•Innerone•Innertwo•Outertwo");
  }, 60_000);
});
