import { Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** A full-width table of plain text whose header row repeats on each page. */
export function appendixTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
    ],
  });
}
