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
import { formatDate } from "../text/formatDate.js";

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
export function titlePage(plan: Plan, councilName?: string): FileChild[] {
  const { child, dates, caseworker, signOff } = plan.meta;
  const status = plan.meta.status === "draft" ? "Draft" : "Final";
  const rows: [string, string][] = [
    ["Name", child.fullName],
    ["Known as", child.preferredName],
    ["Date of birth", formatDate(child.dateOfBirth)],
    ["Pronouns", child.pronouns],
    ["Year group", child.yearGroup],
    ["Plan status", `${status}, issue ${plan.meta.issue}`],
    ["Council", councilName ?? plan.meta.localAuthority],
    ["Caseworker", [caseworker.name, caseworker.email].filter(Boolean).join(", ")],
    ["Request for assessment received", formatDate(dates.requestReceived)],
    ["Draft issued", formatDate(dates.draftIssued) || "Not yet"],
    ["Final plan issued", formatDate(dates.finalIssued) || "Not yet"],
    ["Next review", formatDate(dates.nextReview) || "Not yet set"],
    ...(signOff
      ? ([
          ["Signed off by", `${signOff.officerName}, ${signOff.role}, ${formatDate(signOff.date)}`],
        ] as [string, string][])
      : []),
  ];
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun("Education, Health and Care Plan")],
    }),
    new Paragraph({
      style: "Subtitle",
      children: [new TextRun(`${child.fullName}${status === "Draft" ? " (draft)" : ""}`)],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(([l, v]) => row(l, v)),
    }),
  ];
}
