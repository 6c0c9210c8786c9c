import type { BundlePart, BundleRun } from "../bundle/BundlePart.js";
import { destinationFor } from "./pdfMapping.js";
import type { PdfWriter, Run } from "./PdfWriter.js";

const runOf = (r: BundleRun): Run => ({
  text: r.text,
  ...(r.bold ? { bold: true } : {}),
  ...(r.italic ? { italic: true } : {}),
  ...(r.item ? { goTo: destinationFor(r.item) } : {}),
  ...(r.href ? { href: r.href } : {}),
});

/** Draws a part of the bundle on a new page: its heading 1 (a bookmark), then its blocks. */
export function pdfBundlePart(writer: PdfWriter, part: BundlePart): void {
  writer.newPage();
  writer.location = {
    item: part.heading,
    path: part.id === "rights" ? "councilSettings" : "meta",
  };
  const sect = writer.doc.struct("Sect");
  writer.root.add(sect);
  writer.heading(sect, 1, part.heading, `part-${part.id}`);
  for (const block of part.blocks) {
    if (block.kind === "heading") writer.heading(sect, 2, block.text);
    else if (block.kind === "paragraph") writer.paragraph(sect, block.runs.map(runOf));
    else
      writer.table(
        sect,
        block.header,
        block.rows.map((cells) =>
          cells.map((lines) => lines.map((line) => ({ runs: line.map(runOf) }))),
        ),
        block.widths,
        block.rowHeaders ?? false,
      );
  }
  sect.end();
}
