import type { AdviceAppendix } from "../bundle/adviceAppendices.js";
import { type PdfContext, renderPdfNode } from "./pdfMapping.js";

/**
 * Draws a piece of advice as an appendix of the plan, on a new page: its heading 1 (in the
 * contents and the bookmarks), what was asked and when it was given, then each of the advice's
 * sections with something in it, headed as advice, drawn by the plan's own renderers a level
 * lower, inside the appendix's Sect.
 */
export function pdfAdviceAppendix(appendix: AdviceAppendix, plan: PdfContext): void {
  const { writer } = plan;
  writer.newPage();
  writer.location = { item: `Appendix ${appendix.number}`, path: "request" };
  const sect = writer.doc.struct("Sect");
  writer.root.add(sect);
  writer.heading(sect, 1, appendix.heading, `appendix-${appendix.number}`);
  writer.paragraph(sect, [{ text: appendix.facts, italic: true }]);
  const ctx: PdfContext = {
    ...plan,
    plan: appendix.advice.advice,
    labels: appendix.labels,
    idLabels: appendix.idLabels,
    titles: appendix.titles,
    paths: appendix.paths,
    item: null,
    findings: [],
    appendix: appendix.number,
  };
  for (const { node } of appendix.sections) renderPdfNode(node, ctx, sect);
  if (appendix.sections.length === 0)
    writer.paragraph(sect, [{ text: "Nothing is written in this advice.", italic: true }]);
  sect.end();
}
