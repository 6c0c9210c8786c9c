import type { Finding, Plan } from "@ehcp/schema";
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
import { draftCopyNotice } from "../text/draftCopyNotice.js";
import { planDetailRows } from "../text/planDetailRows.js";

const row = (label: string, value: string) =>
  new TableRow({
    children: [
      new TableCell({
        width: { size: 35, type: WidthType.PERCENTAGE },
        children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })],
      }),
      new TableCell({
        width: { size: 65, type: WidthType.PERCENTAGE },
        children: [new Paragraph({ text: value })],
      }),
    ],
  });

/**
 * The plan's details as a two-column table, under the document's title; for a copy made despite
 * integrity problems, the problems after it.
 */
export function titlePage(
  plan: Plan,
  councilName: string,
  findings: readonly Finding[],
): FileChild[] {
  const draft = plan.meta.status === "draft";
  const copy = findings.length > 0;
  const notice = copy ? draftCopyNotice(findings) : null;
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun("Education, Health and Care Plan")],
    }),
    new Paragraph({
      style: "Subtitle",
      children: [
        new TextRun(
          `${plan.meta.child.fullName}${copy ? " (draft copy)" : draft ? " (draft)" : ""}`,
        ),
      ],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: planDetailRows(plan, councilName).map(([l, v]) => row(l, v)),
    }),
    ...(notice
      ? [
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            children: [new TextRun(notice.heading)],
          }),
          new Paragraph({ children: [new TextRun(notice.intro)] }),
          ...notice.items.map(
            (text) =>
              new Paragraph({
                numbering: { reference: "bullets", level: 0 },
                children: [new TextRun(text)],
              }),
          ),
        ]
      : []),
  ];
}
