import { type Plan, parsePlan } from "@ehcp/schema";
import { examplePlan } from "@ehcp/fixtures";
import { describe, expect, it } from "vitest";
import { NORTHSHIRE_SETTINGS } from "../../test/councilSettings.js";
import { docxParts, readDocx } from "../../test/docxParts.js";
import { readPdf } from "../../test/readPdf.js";
import { CouncilSettingsError, exportDocx, exportPdf } from "../index.js";

// The good plan is a draft issued on 13 October 2026, with six provisions in F: F1 given each
// half-term, the rest by the day or the week (4 hours 55 minutes a week between them).
const draft = () => parsePlan(examplePlan("plan-good.json")) as Plan;
const final = (): Plan => {
  const plan = structuredClone(draft());
  return {
    ...plan,
    meta: {
      ...plan.meta,
      status: "final",
      dates: { ...plan.meta.dates, finalIssued: "2026-11-20" },
      signOff: { officerName: "Priya Raman", role: "SEN Team Manager", date: "2026-11-19" },
    },
  };
};
const bare = (s: string) => s.replace(/\s+/g, "");

describe("the bundle's parts", () => {
  it("gives a draft's PDF the provision summary, the need table and the family's rights, and no signature", async () => {
    const pdf = await readPdf(await exportPdf(draft(), { councilSettings: NORTHSHIRE_SETTINGS }));
    const text = bare(pdf.text);
    expect(pdf.outline).toEqual(
      expect.arrayContaining([
        "Summary of special educational provision (Section F)",
        "From need to outcome to provision",
        "Your rights and who can help",
      ]),
    );
    expect(pdf.outline).not.toContain("Signed for the council");
    // Each provision's hours, the total, and the one that cannot be added named with why.
    expect(text).toContain(bare("1 hour 15 minutes a week"));
    expect(text).toContain(bare("4 hours 55 minutes a week"));
    expect(text).toContain(
      bare("Counted by the week, 5 provisions of 6 add up to 4 hours 55 minutes a week"),
    );
    expect(text).toContain(bare("F1, as it is given each half-term, not each week"));
    // The need table's cells are links that name their items.
    // (A link wrapped over two lines reads back without the space where it wrapped.)
    const links = pdf.links.map(bare);
    expect(links).toContain(bare("B1: Following and using spoken language"));
    expect(links).toContain(bare("E2: Tilly will tell an adult"));
    // The draft's representations date is 15 days from its issue; the addresses are links.
    expect(text).toContain(bare("Your views on this draft, by 28 October 2026"));
    expect(text).toContain(bare("Northshire SENDIASS"));
    expect(pdf.annotations).toContain("Open mailto:sen.team@northshire.example.gov.uk");
    expect(pdf.annotations).toContain("Open https://sendiass.northshire.example.org/");
  }, 120_000);

  it("gives a final plan the officer's signature block and the appeal's deadline", async () => {
    const pdf = await readPdf(await exportPdf(final(), { councilSettings: NORTHSHIRE_SETTINGS }));
    const text = bare(pdf.text);
    expect(pdf.outline).toContain("Signed for the council");
    expect(text).toContain(
      bare("NamePriya RamanRoleSEN Team ManagerDate19 November 2026Signature"),
    );
    expect(text).toContain(bare("Your appeal must reach the Tribunal by 20 January 2027"));
    expect(text).toContain(bare("Dales Mediation Service"));
    expect(text).not.toContain(bare("Your views on this draft"));
  }, 120_000);

  it("leaves a part out when asked, and the rights when the council's settings are not given", async () => {
    const pdf = await readPdf(
      await exportPdf(final(), {
        provisionSummary: false,
        needTable: false,
        signatureBlock: false,
      }),
    );
    for (const heading of [
      "Summary of special educational provision (Section F)",
      "From need to outcome to provision",
      "Signed for the council",
      "Your rights and who can help",
    ])
      expect(pdf.outline).not.toContain(heading);
  }, 120_000);

  it("refuses wrong council settings naming the field, and the family's rights without settings", async () => {
    await expect(
      exportPdf(draft(), {
        councilSettings: {
          ...NORTHSHIRE_SETTINGS,
          sendiass: { name: "SENDIASS", phone: "call us" },
        },
      }),
    ).rejects.toThrow(CouncilSettingsError);
    await expect(
      exportDocx(draft(), {
        councilSettings: {
          ...NORTHSHIRE_SETTINGS,
          sendiass: { name: "SENDIASS", phone: "call us" },
        },
      }),
    ).rejects.toThrow(/sendiass\.phone: expected a phone number/);
    await expect(exportDocx(draft(), { familyRights: true })).rejects.toThrow(
      /familyRights needs councilSettings/,
    );
  });

  it("writes the same parts in the DOCX, with links to the items' bookmarks", async () => {
    const bytes = await exportDocx(final(), { councilSettings: NORTHSHIRE_SETTINGS });
    const { text } = await readDocx(bytes);
    for (const words of [
      "Signed for the council",
      "Priya Raman",
      "Summary of special educational provision (Section F)",
      "4 hours 55 minutes a week",
      "Not added: it is given each half-term",
      "From need to outcome to provision",
      "Your appeal must reach the Tribunal by 20 January 2027",
      "Northshire SENDIASS",
    ])
      expect(text).toContain(words);
    const xml = (await docxParts(bytes)).get("word/document.xml") ?? "";
    expect(xml).toContain('w:anchor="item_B1"');
    expect(xml).toMatch(/<w:hyperlink[^>]*r:id="[^"]+"[^>]*>.*?sendiass\.northshire\.example\.org/);
    // Each part starts on a page of its own, as a heading 1.
    expect(xml).toMatch(
      /<w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/>.*?From need to outcome to provision/,
    );
  }, 120_000);
});
