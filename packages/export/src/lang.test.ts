import { type Plan, parsePlan } from "@ehcp/schema";
import { frozenJson } from "@ehcp/fixtures/node";
import { describe, expect, it } from "vitest";
import { docxParts } from "../test/docxParts.js";
import { readLanguages } from "../test/readPdf.js";
import { exportDocx, exportPdf } from "./index.js";

// The good plan with a view in Polish, a paragraph in Welsh and Urdu words in an English
// paragraph (Plan JSON 1.1).
const plan = () => parsePlan(frozenJson("v1.1/plan-lang.json")) as Plan;
const bare = (s: string) => s.replace(/\s+/g, "");

describe("a language given in the plan", () => {
  it("becomes Lang on the PDF's structure elements that hold those words", async () => {
    const found = (await readLanguages(await exportPdf(plan()))).map((e) => ({
      ...e,
      text: bare(e.text),
    }));
    expect(found).toContainEqual({
      role: "P",
      lang: "pl",
      text: bare("Tilly uwielbia pływać i rysować konie."),
    });
    expect(found).toContainEqual({
      role: "P",
      lang: "cy",
      text: bare("Mae Tilly yn hoffi nofio yn y môr ger Tŷ Ddewi."),
    });
    // The Urdu words are a Span of their own inside the English paragraph (its text read from
    // ActualText, as joined Arabic script cannot give its glyphs back).
    const urdu = found.filter((e) => e.lang === "ur");
    expect(urdu.map((e) => e.role)).toEqual(["Span"]);
    // No other element claims a language: the rest is the document's en-GB.
    expect(found.filter((e) => !["pl", "cy", "ur"].includes(e.lang))).toEqual([]);
  }, 120_000);

  it("becomes w:lang on the DOCX's runs of those words", async () => {
    const xml = (await docxParts(await exportDocx(plan()))).get("word/document.xml") ?? "";
    const runsIn = (lang: string) =>
      [...xml.matchAll(/<w:r>((?:(?!<\/w:r>).)*)<\/w:r>/g)]
        .map((m) => m[1] ?? "")
        .filter((r) => r.includes(`<w:lang w:val="${lang}"`))
        .map((r) => [...r.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
    expect(runsIn("pl").join("")).toBe("Tilly uwielbia pływać i rysować konie.");
    expect(runsIn("cy").join("")).toBe("Mae Tilly yn hoffi nofio yn y môr ger Tŷ Ddewi.");
    expect(runsIn("ur")).toEqual(["وہ بہت خوش ہے"]);
    // Urdu is written right to left: Word is told so for its complex-script text too.
    expect(xml).toContain('<w:lang w:val="ur" w:bidi="ur"/>');
    // Its run is laid out right to left; the English paragraph around it is not.
    const urduRun = [...xml.matchAll(/<w:r>((?:(?!<\/w:r>).)*)<\/w:r>/g)].find((m) =>
      m[1]?.includes("وہ بہت خوش ہے"),
    );
    expect(urduRun?.[1]).toContain("<w:rtl/>");
    expect(xml).not.toContain("<w:bidi/>");
  }, 120_000);

  it("sets a view in a right-to-left language right to left in the DOCX, each paragraph and run", async () => {
    const urdu = plan();
    const view = urdu.sections.A.views[0]!;
    view.lang = "ur";
    view.content = [
      { type: "paragraph", content: [{ type: "text", text: "مجھے ریل گاڑی بہت پسند ہے۔" }] },
    ] as never;
    const xml = (await docxParts(await exportDocx(urdu))).get("word/document.xml") ?? "";
    const paragraph = [...xml.matchAll(/<w:p>((?:(?!<\/w:p>).)*)<\/w:p>/g)].find((m) =>
      m[1]?.includes("ریل گاڑی"),
    )?.[1];
    expect(paragraph).toContain("<w:bidi/>");
    expect(paragraph).toContain("<w:rtl/>");
  }, 120_000);
});
