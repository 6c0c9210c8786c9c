import { Bookmark, type FileChild, HeadingLevel, Paragraph, TextRun } from "docx";
import type { AdviceAppendix } from "../bundle/adviceAppendices.js";
import type { DocxContext } from "./DocxContext.js";
import { renderDocxNode } from "./docxMapping.js";

/**
 * A piece of advice as an appendix of the plan, on a page of its own: its heading 1 (in Word's
 * navigation pane), what was asked and when it was given, then each of the advice's sections
 * with something in it, headed as advice, written by the plan's own renderers a level lower.
 */
export function docxAdviceAppendix(appendix: AdviceAppendix, plan: DocxContext): FileChild[] {
  const ctx: DocxContext = {
    ...plan,
    plan: appendix.advice.advice,
    labels: appendix.labels,
    idLabels: appendix.idLabels,
    titles: appendix.titles,
    list: null,
    item: null,
    findings: [],
    appendix: appendix.number,
  };
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [
        new Bookmark({
          id: `appendix${appendix.number}`,
          children: [new TextRun(appendix.heading)],
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: appendix.facts, italics: true })] }),
    ...appendix.sections.flatMap(({ node }) => renderDocxNode(node, ctx)),
    ...(appendix.sections.length === 0
      ? [
          new Paragraph({
            children: [new TextRun({ text: "Nothing is written in this advice.", italics: true })],
          }),
        ]
      : []),
  ];
}
