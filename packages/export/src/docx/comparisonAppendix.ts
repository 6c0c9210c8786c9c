import type { ItemChange } from "@ehcp/schema";
import { type FileChild, HeadingLevel, Paragraph, TextRun } from "docx";
import { COMPARISON_HEADER, comparisonRows } from "../text/comparisonRows.js";
import { appendixTable } from "./appendixTable.js";

/** What changed since an earlier version, as an appendix with one row per change. */
export function comparisonAppendix(name: string, changes: readonly ItemChange[]): FileChild[] {
  const rows = comparisonRows(changes);
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(`Appendix: changes since ${name}`)],
    }),
    rows.length === 0
      ? new Paragraph({ children: [new TextRun("Nothing has changed.")] })
      : appendixTable(COMPARISON_HEADER, rows),
  ];
}
