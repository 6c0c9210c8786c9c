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

const BREAKS: Record<string, string> = {
  "no-outcome": "no outcome names this need",
  "no-provision": "no provision meets this need",
  "outcome-without-provision": "an outcome has no provision",
};

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** The checker's counts and the traceability matrix, as an appendix. */
export function qualityAppendix(summary: QualitySummary): FileChild[] {
  const { error, warning, info } = summary.counts;
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun("Appendix: plan quality summary")],
    }),
    new Paragraph({
      children: [
        new TextRun(
          `The plan checker found ${error} errors, ${warning} warnings and ${info} points for information.`,
        ),
      ],
    }),
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      children: [new TextRun("From need to outcome to provision")],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          children: ["Need", "Outcomes", "Provision", "Where the thread breaks"].map((h) =>
            cell(h, true),
          ),
        }),
        ...summary.traceability.map(
          (row) =>
            new TableRow({
              children: [
                cell(`${row.need.label}: ${row.need.title}`),
                cell(row.outcomes.map((o) => o.label).join(", ") || "None"),
                cell(
                  [
                    ...new Set([
                      ...row.outcomes.flatMap((o) => o.provisions.map((p) => p.label)),
                      ...row.directProvisions.map((p) => p.label),
                    ]),
                  ].join(", ") || "None",
                ),
                cell(row.breaks.map((b) => BREAKS[b] ?? b).join("; ") || "Unbroken"),
              ],
            }),
        ),
      ],
    }),
  ];
}
