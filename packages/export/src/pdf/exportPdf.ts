import { comparePlans, formatJsonPath, type Plan, planItems } from "@ehcp/schema";
import type { ExportOptions } from "../ExportOptions.js";
import { prepareExport } from "../bundle/prepareExport.js";
import { pdfAdviceAppendix } from "./pdfAdviceAppendix.js";
import { pdfBundlePart } from "./pdfBundlePart.js";
import { issueLine } from "../text/issueLine.js";
import { nodeLabels, planOutline } from "../outline.js";
import { type PdfContext, renderPdfNode } from "./pdfMapping.js";
import { PdfWriter } from "./PdfWriter.js";
import { COMPARISON_HEADER, comparisonRows } from "../text/comparisonRows.js";
import {
  findingsSentence,
  TRACEABILITY_HEADER,
  traceabilityRows,
} from "../text/traceabilityRows.js";

/**
 * Writes a plan as a tagged PDF aiming at PDF/UA-1: a structure tree of headings, paragraphs,
 * lists and tables with header cells, the language en-GB, the title shown in the window, embedded
 * fonts, running headers and footers as artifacts, and a bookmark for each section and item. The
 * plan is validated first; an invalid plan throws a `PlanFormatError`, and one whose structure is
 * broken a `PlanIntegrityError` (unless `allowFindings` asks for a draft copy anyway); advice
 * given to append that is not advice for this plan throws an `AdviceExportError`.
 */
export async function exportPdf(input: Plan, options: ExportOptions = {}): Promise<Uint8Array> {
  const { plan, findings, doc, draft, councilName, idLabels, titles, parts, appendices, use } =
    prepareExport(input, options);
  const writer = new PdfWriter({
    title: `Education, Health and Care Plan: ${plan.meta.child.fullName}${draft ? " (draft)" : ""}`,
    author: councilName,
    subject: "Education, Health and Care Plan",
  });
  const ctx: PdfContext = {
    plan,
    writer,
    labels: nodeLabels(doc),
    idLabels,
    titles,
    item: null,
    councilName,
    findings,
    adviceAttached: appendices.length > 0,
    paths: new Map(planItems(plan).map((i) => [i.label, formatJsonPath(i.path)])),
  };
  if (options.logo) {
    const figure = writer.doc.struct("Figure", { alt: options.logo.altText });
    writer.root.add(figure);
    figure.add(() => {
      writer.doc.image(Buffer.from(options.logo?.data ?? new Uint8Array()), {
        width: options.logo?.widthPx ?? 120,
      });
    });
    figure.end();
  }
  renderPdfNode(doc.child(0), ctx, writer.root);
  if (options.tableOfContents ?? true) writer.contentsPage();
  for (const part of planOutline(doc, plan, options.layout ?? "sections")) {
    writer.newPage();
    if (part.kind === "section") {
      renderPdfNode(part.node, ctx, writer.root);
      continue;
    }
    const sect = writer.doc.struct("Sect");
    writer.root.add(sect);
    writer.heading(sect, 1, part.heading, `group-${part.id}`);
    for (const item of part.items) renderPdfNode(item, ctx, sect);
    if (part.items.length === 0 && part.empty)
      writer.paragraph(sect, [{ text: part.empty, italic: true }]);
    sect.end();
  }
  for (const part of parts) pdfBundlePart(writer, part);
  for (const appendix of appendices) pdfAdviceAppendix(appendix, ctx);
  if (use) pdfBundlePart(writer, use);
  if (options.changesSince) {
    writer.newPage();
    writer.location = { item: "the appendix of changes", path: "changesSince" };
    const sect = writer.doc.struct("Sect");
    writer.root.add(sect);
    writer.heading(
      sect,
      1,
      `Appendix: changes since ${options.changesSince.name}`,
      "appendix-changes",
    );
    const rows = comparisonRows(comparePlans(options.changesSince.plan, plan));
    if (rows.length === 0) writer.paragraph(sect, [{ text: "Nothing has changed." }]);
    else {
      writer.table(
        sect,
        [...COMPARISON_HEADER],
        // A field's text before or after holds a line for each of its paragraphs.
        rows.map((row) =>
          row.map((text) =>
            text
              .split("\n")
              .filter((line) => line.trim() !== "")
              .map((line) => ({ runs: [{ text: line }] })),
          ),
        ),
        [0.14, 0.1, 0.14, 0.31, 0.31],
      );
    }
    sect.end();
  }
  if (options.qualityAppendix) {
    // The checker is loaded only for its appendix.
    const { checkPlan, summarizeQuality } = await import("@ehcp/quality");
    const summary = summarizeQuality(
      plan,
      checkPlan(plan, options.today ? { today: options.today } : {}),
    );
    writer.newPage();
    writer.location = { item: "the appendix of plan quality", path: "meta" };
    const sect = writer.doc.struct("Sect");
    writer.root.add(sect);
    writer.heading(sect, 1, "Appendix: plan quality summary", "appendix-quality");
    writer.paragraph(sect, [{ text: findingsSentence(summary) }]);
    writer.table(
      sect,
      [...TRACEABILITY_HEADER],
      traceabilityRows(summary).map((row) => row.map((text) => [{ runs: [{ text }] }])),
      [0.4, 0.15, 0.2, 0.25],
    );
    sect.end();
  }
  // A draft says so in every header, and still names the child, so its pages are not mixed up.
  const name = plan.meta.child.fullName;
  writer.pageFurniture(
    draft
      ? [{ text: "DRAFT", bold: true }, ...(name ? [{ text: `  ${name}` }] : [])]
      : [{ text: name }],
    draft ? 12 : 9,
    options.issueInFooter === false ? "" : issueLine(plan),
    (options.watermark ?? draft) ? "DRAFT" : "",
  );
  return writer.finish();
}
