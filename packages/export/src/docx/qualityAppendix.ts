import type { QualitySummary } from "@ehcp/quality";
import { type FileChild, HeadingLevel, Paragraph, TextRun } from "docx";
import {
  findingsSentence,
  TRACEABILITY_HEADER,
  traceabilityRows,
} from "../text/traceabilityRows.js";
import { appendixTable } from "./appendixTable.js";

/** The checker's counts and the traceability matrix, as an appendix. */
export function qualityAppendix(summary: QualitySummary): FileChild[] {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun("Appendix: plan quality summary")],
    }),
    new Paragraph({ children: [new TextRun(findingsSentence(summary))] }),
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      children: [new TextRun("From need to outcome to provision")],
    }),
    appendixTable(TRACEABILITY_HEADER, traceabilityRows(summary)),
  ];
}
