import { type AdviceExport, type Plan, parsePlan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { exampleAdvice, examplePlan } from "@ehcp/fixtures";
import { docxParts, readDocx } from "../../test/docxParts.js";
import { readPdf } from "../../test/readPdf.js";
import { readStructure } from "../../test/readStructure.js";
import { exportDocx, exportPdf } from "../index.js";

const bare = (s: string) => s.replace(/\s+/g, "");
const advice = () => [
  exampleAdvice("advice-ep.json") as AdviceExport,
  exampleAdvice("advice-salt.json") as AdviceExport,
];

/**
 * Matilda's plan after the caseworker read the advice: the psychologist's checklist (F1 of her
 * advice) lifted into F with its source, her calm space declined with a reason, the therapist's
 * programme merged into the plan's F1, the rest not decided yet.
 */
function decidedPlan(): Plan {
  const plan = parsePlan(examplePlan("plan-good.json"));
  const lifted = structuredClone(
    plan.sections.F.provisions[0],
  ) as Plan["sections"]["F"]["provisions"][number];
  plan.formatVersion = 1.2;
  plan.sections.F.provisions.push({
    ...lifted,
    id: "f-checklist",
    what: [
      {
        type: "paragraph",
        content: [{ type: "text", text: "A visual checklist of each task's steps on her desk." }],
      },
    ],
    source: { requestId: "req-ep", recommendationId: "ep-f-1", version: 1, liftedOn: "2026-09-01" },
  });
  plan.sections.K.decisions = [
    {
      requestId: "req-ep",
      recommendationId: "ep-f-2",
      on: "2026-09-01",
      decision: "declined",
      reason: "The school's nurture room already gives Tilly a calm space (F4).",
    },
    {
      requestId: "req-salt",
      recommendationId: "salt-f-1",
      on: "2026-09-01",
      decision: "merged",
      into: plan.sections.F.provisions[0]?.id as string,
    },
  ];
  return parsePlan(plan);
}

describe("how the advice was used", () => {
  it("lists each recommendation of each advice and what became of it, in a tagged table after the advice", async () => {
    const plan = decidedPlan();
    const lastF = `F${plan.sections.F.provisions.length}`;
    const bytes = await exportPdf(plan, { advice: advice() });
    const pdf = await readPdf(bytes);
    const heading = "Appendix 3: How the advice was used";
    expect(pdf.outline.at(-1)).toBe(heading);
    const text = bare(pdf.text.slice(pdf.text.lastIndexOf("How the advice was used")));
    // The therapist's advice (Appendix 1) first, each recommendation in the order she wrote it.
    const expected = [
      "Appendix 1: Speech and language therapy advice from Bethany Cole",
      "B1: Understanding of spoken language",
      "No decision yet",
      "F1: A programme on the language of time",
      "Merged into provision F1",
      "G1: Speech and language therapy",
      "No decision yet",
      "Appendix 2: Educational psychology advice from Dr Zoë Hartley",
      "F1: A visual checklist",
      `In the plan as provision ${lastF}: A visual checklist`,
      "(lifted from version 1 of the advice)",
      "F2: A calm space",
      "Not included: The school's nurture room already gives Tilly a calm space (F4).",
    ];
    let from = 0;
    const missing = expected.filter((s) => {
      const at = text.indexOf(bare(s), from);
      if (at >= 0) from = at + 1;
      return at < 0;
    });
    expect(missing).toEqual([]);
    // Where it is in the plan is a link to the item.
    expect(
      pdf.links.map(bare).some((l) => l.startsWith(bare(`provision ${lastF}: A visual checklist`))),
    ).toBe(true);
    const elements = await readStructure(bytes);
    const start = elements.findIndex((e) => e.role === "H1" && bare(e.text) === bare(heading));
    const table = elements.slice(start);
    expect(table.filter((e) => e.role === "TH").map((e) => bare(e.text))).toEqual(
      expect.arrayContaining([
        "Recommendation",
        "Whatbecameofit",
        bare("B1: Understanding of spoken language"),
      ]),
    );
  }, 60_000);

  it("is in the DOCX too, and left out when not asked for", async () => {
    const plan = decidedPlan();
    const { text } = await readDocx(await exportDocx(plan, { advice: advice() }));
    expect(text).toContain("Appendix 3: How the advice was used");
    expect(text).toContain(
      "Not included: The school's nurture room already gives Tilly a calm space (F4).",
    );
    const document =
      (await docxParts(await exportDocx(plan, { advice: advice() }))).get("word/document.xml") ??
      "";
    expect(document).toContain(`w:anchor="item_F${plan.sections.F.provisions.length}"`);
    const without = await readDocx(
      await exportDocx(plan, { advice: advice(), adviceUseAppendix: false }),
    );
    expect(without.text).not.toContain("How the advice was used");
    expect(without.text).toContain("Appendix 2: Educational psychology advice");
  }, 60_000);
});
