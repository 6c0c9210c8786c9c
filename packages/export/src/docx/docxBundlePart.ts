import {
  Bookmark,
  ExternalHyperlink,
  type FileChild,
  HeadingLevel,
  InternalHyperlink,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import type { BundlePart, BundleRun } from "../bundle/BundlePart.js";
import { bookmarkFor } from "./DocxContext.js";
import { table } from "./docxMapping.js";

function runOf(r: BundleRun): ParagraphChild {
  const run = new TextRun({
    text: r.text,
    bold: r.bold ?? false,
    italics: r.italic ?? false,
    ...(r.item || r.href ? { style: "Hyperlink" } : {}),
  });
  if (r.item) return new InternalHyperlink({ anchor: bookmarkFor(r.item), children: [run] });
  if (r.href) return new ExternalHyperlink({ link: r.href, children: [run] });
  return run;
}

const paragraph = (runs: readonly BundleRun[]) => new Paragraph({ children: runs.map(runOf) });

/** A part of the bundle on a page of its own: its heading 1, then its blocks. */
export function docxBundlePart(part: BundlePart): FileChild[] {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [
        new Bookmark({
          id: `part_${part.id.replace(/-/g, "_")}`,
          children: [new TextRun(part.heading)],
        }),
      ],
    }),
    ...part.blocks.map((block) =>
      block.kind === "heading"
        ? new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })
        : block.kind === "paragraph"
          ? paragraph(block.runs)
          : table(
              block.header,
              block.rows.map((cells) => cells.map((lines) => lines.map(paragraph))),
              block.widths.map((w) => w * 100),
            ),
    ),
  ];
}
