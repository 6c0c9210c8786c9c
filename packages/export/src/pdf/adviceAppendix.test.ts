import { type AdviceExport, ADVICE_SECTIONS, type Plan, parsePlan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { exampleAdvice, examplePlan } from "@ehcp/fixtures";
import { readLanguages, readPdf } from "../../test/readPdf.js";
import { readStructure } from "../../test/readStructure.js";
import { AdviceExportError, exportPdf } from "../index.js";
import { itemTitles } from "../text/itemTitles.js";

const plan = () => parsePlan(examplePlan("plan-good.json")) as Plan;
const advice = (name: "advice-ep.json" | "advice-salt.json") => exampleAdvice(name) as AdviceExport;
const bare = (s: string) => s.replace(/\s+/g, "");
const EP =
  "Appendix 2: Educational psychology advice from Dr Zoë Hartley, submitted 26 August 2026";
const SALT =
  "Appendix 1: Speech and language therapy advice from Bethany Cole, submitted 19 August 2026";

/** The strings that do not appear in the text after the one before them. */
const outOfOrder = (text: string, strings: readonly string[]) => {
  let from = 0;
  return strings.filter((s) => {
    const at = bare(text).indexOf(bare(s), from);
    if (at >= 0) from = at + 1;
    return at < 0;
  });
};

describe("exportPdf with advice", () => {
  it("appends each submitted advice after the plan, earliest first, in reading order, listed in the contents", async () => {
    const bytes = await exportPdf(plan(), {
      advice: [advice("advice-ep.json"), advice("advice-salt.json")],
    });
    const pdf = await readPdf(bytes);
    const ep = advice("advice-ep.json").advice.sections;
    const missing = outOfOrder(pdf.text, [
      // The plan and its parts come first.
      "Section K: Advice and information",
      "From need to outcome to provision",
      SALT,
      "Requested 1 July 2026, due 12 August 2026, submitted 19 August 2026 (first version).",
      ADVICE_SECTIONS.K as string,
      "CELF-5 language assessment",
      ADVICE_SECTIONS.B as string,
      "B1: Understanding of spoken language",
      "Tilly's receptive language is in the low average range",
      ADVICE_SECTIONS.E as string,
      ADVICE_SECTIONS.F as string,
      "A programme on the language of time and sequence",
      ADVICE_SECTIONS.G as string,
      EP,
      "(revision 2)",
      ADVICE_SECTIONS.A as string,
      "I like it when Mr Ellis writes the steps on my whiteboard.",
      "Working memory for spoken instructions",
      "Anxiety when tasks are unclear",
      "A visual checklist of each task's steps",
      "A calm space in the classroom",
    ]);
    expect(missing).toEqual([]);
    // Section K says advice is appended to this plan only where this file carries it.
    expect(bare(pdf.text)).toContain(bare("appended to this plan"));
    const alone = await readPdf(await exportPdf(plan()));
    expect(bare(alone.text)).not.toContain(bare("appended to this plan"));
    expect(bare(alone.text)).toContain(bare("appended to the plan, sent with it on its own"));
    // Sections the adviser left empty are not printed as empty headings.
    expect(ep.C.needs).toHaveLength(0);
    expect(pdf.text).not.toContain(ADVICE_SECTIONS.C as string);
    // In the bookmarks, each appendix is a heading 1; the contents page lists it, with a link.
    // After them, how the advice was used (see adviceUse.test.ts).
    expect(pdf.outline.slice(-3)).toEqual([SALT, EP, "Appendix 3: How the advice was used"]);
    expect(pdf.links.map(bare)).toContain(bare(EP));
  }, 60_000);

  it("tags each appendix as properly as the plan: headings nest under it, tables have header cells, links go to its own items", async () => {
    const ep = advice("advice-ep.json");
    // A view in Welsh, to see the advice's languages carried to the PDF.
    ep.advice.formatVersion = 1.1;
    ep.advice.sections.A.views[0] = {
      ...(ep.advice.sections.A.views[0] as NonNullable<(typeof ep.advice.sections.A.views)[0]>),
      lang: "cy",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Rwy'n hoffi ceffylau a nofio." }] },
      ],
    };
    const bytes = await exportPdf(plan(), { advice: [ep], adviceUseAppendix: false });
    const elements = await readStructure(bytes);
    const heading = elements.find((e) => e.role === "H1" && e.text.startsWith("Appendix 1"));
    expect(bare(heading?.text ?? "")).toBe(
      bare(
        "Appendix 1: Educational psychology advice from Dr Zoë Hartley, submitted 26 August 2026",
      ),
    );
    const inAppendix = elements.filter((e) => e.page >= (heading?.page ?? Infinity));
    const role = (text: string) =>
      inAppendix.find((e) => bare(e.text) === bare(text) && /^H\d$/.test(e.role));
    // The appendix's sections are headings 2, its items headings 3, each inside the appendix's
    // Sect and the section's own Sect.
    expect(role(ADVICE_SECTIONS.F as string)).toMatchObject({
      role: "H2",
      ancestors: ["Root", "Document", "Sect", "Sect"],
    });
    expect(role("B1: Working memory for spoken instructions")?.role).toBe("H3");
    expect(inAppendix.some((e) => e.role === "H1" && e !== heading)).toBe(false);
    const th = inAppendix.filter((e) => e.role === "TH").map((e) => bare(e.text));
    expect(th).toContain(bare("Who, with what expertise"));
    expect(inAppendix.filter((e) => e.role === "TD").length).toBeGreaterThan(6);
    expect(await readLanguages(bytes)).toContainEqual({
      role: "P",
      lang: "cy",
      text: "Rwy'n hoffi ceffylau a nofio.",
    });
    // The advice's F1 links to the advice's own outcome, not the plan's E1.
    const pdf = await readPdf(bytes);
    expect(itemTitles(plan()).get("E1")?.heading).not.toContain("four-step");
    expect(pdf.links.map(bare)).toContain(
      bare("E1: Tilly will carry out a four-step classroom task"),
    );
  }, 60_000);

  it("refuses advice that is not advice for this plan, naming it and the place that is wrong", async () => {
    const broken = advice("advice-salt.json") as unknown as {
      advice: { sections: { F: { provisions: Record<string, unknown>[] } } };
    };
    delete broken.advice.sections.F.provisions[0]?.frequency;
    const attempt = exportPdf(plan(), {
      advice: [advice("advice-ep.json"), broken as unknown as AdviceExport],
    });
    await expect(attempt).rejects.toThrow(AdviceExportError);
    await expect(attempt).rejects.toThrow(
      /^advice\[1\]: advice\.sections\.F\.provisions\[0\]\.frequency: /,
    );
    const other = advice("advice-ep.json");
    other.planId = "plan-kieran-doyle";
    await expect(exportPdf(plan(), { advice: [other] })).rejects.toThrow(
      "advice[0]: planId: this advice was given for the plan plan-kieran-doyle, not for plan-matilda-brennan",
    );
  });

  it("leaves the advice out when the advice part is omitted", async () => {
    const pdf = await readPdf(
      await exportPdf(plan(), { advice: [advice("advice-ep.json")], adviceAppendices: false }),
    );
    expect(pdf.text).not.toContain("Appendix 1");
  }, 60_000);
});
