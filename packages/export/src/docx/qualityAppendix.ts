import type { QualitySummary } from "@ehcp/quality";
import {
  type FileChild,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import {
  findingsSentence,
  TRACEABILITY_HEADER,
  traceabilityRows,
} from "../text/traceabilityRows.js";

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

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
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: TRACEABILITY_HEADER.map((h) => cell(h, true)),
        }),
        ...traceabilityRows(summary).map(
          (row) => new TableRow({ children: row.map((c) => cell(c)) }),
        ),
      ],
    }),
  ];
}
