import type { Plan } from "@ehcp/schema";
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

/** The plan's details as a two-column table, under the document's title. */
export function titlePage(plan: Plan, councilName: string): FileChild[] {
  const draft = plan.meta.status === "draft";
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun("Education, Health and Care Plan")],
    }),
    new Paragraph({
      style: "Subtitle",
      children: [new TextRun(`${plan.meta.child.fullName}${draft ? " (draft)" : ""}`)],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: planDetailRows(plan, councilName).map(([l, v]) => row(l, v)),
    }),
  ];
}
