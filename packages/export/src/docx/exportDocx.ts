import { comparePlans, type Plan } from "@ehcp/schema";
import {
  AlignmentType,
  Document,
  type FileChild,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import JSZip from "jszip";
import type { ExportOptions } from "../ExportOptions.js";
import { prepareExport } from "../bundle/prepareExport.js";
import { docxAdviceAppendix } from "./docxAdviceAppendix.js";
import { docxBundlePart } from "./docxBundlePart.js";
import { issueLine } from "../text/issueLine.js";
import { nodeLabels, planOutline } from "../outline.js";
import type { DocxContext } from "./DocxContext.js";
import { renderDocxNode } from "./docxMapping.js";
import { comparisonAppendix } from "./comparisonAppendix.js";
import { qualityAppendix } from "./qualityAppendix.js";

const bulletLevels = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: LevelFormat.BULLET,
  text: ["•", "◦", "▪"][level % 3] as string,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
}));
const orderedLevels = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][
    level % 3
  ] as (typeof LevelFormat)[keyof typeof LevelFormat],
  text: `%${level + 1}.`,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
}));

/**
 * Writes a plan as a Word document: a title page, each section (or each area
 * of need) with headings, provision tables with repeated header rows, links between items, and
 * optionally the checker's summary. The plan is validated first; an invalid plan throws a
 * `PlanFormatError` and nothing is written, and one whose structure is broken a
 * `PlanIntegrityError` (unless `allowFindings` asks for a draft copy anyway); advice given to
 * append that is not advice for this plan throws an `AdviceExportError`.
 */
export async function exportDocx(input: Plan, options: ExportOptions = {}): Promise<Uint8Array> {
  const { plan, findings, doc, draft, councilName, idLabels, titles, parts, appendices, use } =
    prepareExport(input, options);
  let instances = 0;
  const ctx: DocxContext = {
    plan,
    labels: nodeLabels(doc),
    idLabels,
    titles,
    list: null,
    nextListInstance: () => ++instances,
    item: null,
    councilName,
    findings,
    adviceAttached: appendices.length > 0,
  };
  const title = `Education, Health and Care Plan: ${plan.meta.child.fullName}${draft ? " (draft)" : ""}`;

  const body: FileChild[] = [];
  if (options.logo) {
    body.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: options.logo.type,
            data: options.logo.data,
            transformation: {
              width: options.logo.widthPx ?? 160,
              height: options.logo.heightPx ?? 60,
            },
            altText: {
              name: "Council logo",
              title: "Council logo",
              description: options.logo.altText,
            },
          }),
        ],
      }),
    );
  }
  body.push(...renderDocxNode(doc.child(0), ctx));
  // No table of contents: a Word TOC field has no page numbers until Word updates it (LibreOffice
  // and phones show it empty or stale), so the document relies on real headings, which Word's
  // navigation pane and LibreOffice's navigator list, and which screen readers move between.
  body.push(new Paragraph({ children: [new PageBreak()] }));
  for (const part of planOutline(doc, plan, options.layout ?? "sections")) {
    if (part.kind === "section") {
      body.push(...renderDocxNode(part.node, ctx));
    } else {
      body.push(
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(part.heading)] }),
      );
      body.push(...part.items.flatMap((item) => renderDocxNode(item, ctx)));
      if (part.items.length === 0 && part.empty) {
        body.push(new Paragraph({ children: [new TextRun({ text: part.empty, italics: true })] }));
      }
    }
  }
  for (const part of parts) body.push(...docxBundlePart(part));
  for (const appendix of appendices) body.push(...docxAdviceAppendix(appendix, ctx));
  if (use) body.push(...docxBundlePart(use));
  if (options.changesSince) {
    body.push(
      ...comparisonAppendix(
        options.changesSince.name,
        comparePlans(options.changesSince.plan, plan),
      ),
    );
  }
  if (options.qualityAppendix) {
    // The checker is loaded only for its appendix.
    const { checkPlan, summarizeQuality } = await import("@ehcp/quality");
    const findings = checkPlan(plan, options.today ? { today: options.today } : {});
    body.push(...qualityAppendix(summarizeQuality(plan, findings)));
  }

  const document = new Document({
    title,
    subject: "Education, Health and Care Plan",
    creator: councilName,
    description: `${findings.length > 0 ? "Draft copy of a" : plan.meta.status === "draft" ? "Draft" : "Final"} plan, issue ${plan.meta.issue}`,
    styles: {
      default: {
        document: {
          run: { font: "Arial", size: 24, language: { value: "en-GB" } },
          // Space comes from the styles, never from empty paragraphs.
          paragraph: { spacing: { after: 120 } },
        },
        // Headings keep with the paragraph or table after them, never alone at a page's foot.
        heading1: {
          run: { size: 36, bold: true, color: "1F3864" },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: { size: 28, bold: true, color: "2F5496" },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
        },
        // An appendix's items are headings 3: bold, so they stand out from the text as a
        // plan's items (headings 2) do.
        heading3: {
          run: { size: 24, bold: true, color: "2F5496" },
          paragraph: { keepNext: true, keepLines: true },
        },
        heading4: { paragraph: { keepNext: true, keepLines: true } },
        // Reached only inside an appendix of advice, whose headings sit one level lower.
        heading5: { paragraph: { keepNext: true, keepLines: true } },
      },
      paragraphStyles: [
        {
          id: "Subtitle",
          name: "Subtitle",
          basedOn: "Normal",
          next: "Normal",
          run: { size: 32, color: "404040" },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    numbering: {
      config: [
        { reference: "bullets", levels: bulletLevels },
        { reference: "ordered", levels: orderedLevels },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: draft
              ? [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [
                      new TextRun({ text: "DRAFT", bold: true, size: 28 }),
                      ...(plan.meta.child.fullName
                        ? [new TextRun({ text: `  ${plan.meta.child.fullName}`, size: 24 })]
                        : []),
                      // Word's own watermark (Design > Watermark): a WordArt shape anchored in
                      // the header, pale behind the text of every page, which Word can remove.
                      ...((options.watermark ?? draft)
                        ? [
                            new TextWatermark({
                              text: "DRAFT",
                              font: "Arial",
                              color: "D0D0D0",
                              opacity: 0.5,
                            }),
                          ]
                        : []),
                    ],
                  }),
                ]
              : [
                  new Paragraph({
                    alignment: AlignmentType.RIGHT,
                    children: [new TextRun(plan.meta.child.fullName)],
                  }),
                ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [
                      ...(options.issueInFooter === false ? [] : [`${issueLine(plan)} · `]),
                      "Page ",
                      PageNumber.CURRENT,
                      " of ",
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return withLanguage(new Uint8Array(await Packer.toBuffer(document)), "en-GB");
}

/**
 * Records the document's language in its metadata (docProps/core.xml), which the docx library
 * does not write; the text's own language is set in the default style.
 */
async function withLanguage(bytes: Uint8Array, language: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const core = zip.file("docProps/core.xml");
  if (!core) return bytes;
  const xml = await core.async("string");
  if (xml.includes("<dc:language>")) return bytes;
  zip.file(
    "docProps/core.xml",
    xml.replace(
      "</cp:coreProperties>",
      `<dc:language>${language}</dc:language></cp:coreProperties>`,
    ),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
