import { ADVICE_SECTIONS, SECTION_TITLES, type SectionKey, formatDate } from "@ehcp/schema";
import {
  Bookmark,
  ExternalHyperlink,
  type FileChild,
  HeadingLevel,
  InternalHyperlink,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Node as PMNode } from "prosemirror-model";
import type { PlanNodeName } from "@ehcp/schema";
import {
  AGENCY_NAMES,
  AREA_NAMES,
  ARRANGEMENT_NAMES,
  INSTITUTION_TYPE_NAMES,
  nameOf,
  PFA_NAMES,
  TOPIC_NAMES,
  VOICE_PHRASES,
} from "@ehcp/schema";
import { describeDuration, describeHowOften } from "../text/describe.js";
import { EMPTY_SECTION } from "../text/emptySection.js";
import { tidyLinks } from "../text/tidyLinks.js";
import { type Segment, textSegment } from "../text/textSegment.js";
import { bookmarkIn, type DocxContext } from "./DocxContext.js";
import { titlePage } from "./titlePage.js";
import { adviceDates } from "../text/adviceDates.js";

type BlockRenderer = (node: PMNode, ctx: DocxContext) => FileChild[];
type InlineRenderer = (node: PMNode, ctx: DocxContext) => ParagraphChild[];

/**
 * How each node type of the plan schema is written to Word. A mapped type over the schema's node
 * names: a node type added to the schema without a renderer here fails to compile.
 */
export type DocxMapping = {
  readonly [K in PlanNodeName]: K extends "text" ? InlineRenderer : BlockRenderer;
};

const children = (node: PMNode): PMNode[] => {
  const out: PMNode[] = [];
  node.forEach((c) => {
    out.push(c);
  });
  return out;
};

const render = (node: PMNode, ctx: DocxContext): FileChild[] =>
  node.type.name === "text"
    ? []
    : DOCX_MAPPING[node.type.name as Exclude<PlanNodeName, "text">](node, ctx);
const renderAll = (nodes: readonly PMNode[], ctx: DocxContext): FileChild[] =>
  nodes.flatMap((n) => render(n, ctx));
/** A paragraph's runs; words without a language of their own take `lang`, the paragraph's. */
const inline = (node: PMNode, lang?: string | null): ParagraphChild[] =>
  tidyLinks(children(node).map(textSegment))
    .map((s) => (lang && !s.lang ? { ...s, lang } : s))
    .map(docxRun);

/** Languages written right to left, whose words Word marks with `w:bidi`. */
const RIGHT_TO_LEFT = /^(ar|arc|dv|fa|ha-Arab|he|khw|ks|ku-Arab|ps|sd|ur|yi)(-|$)/i;
/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const LTR_LETTER = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/;
/**
 * Whether words are written right to left: their language says so, or, where none is given,
 * their letters are all of a right-to-left script (a name in Arabic script in an English view).
 */
const rightToLeft = (text: string, lang?: string | null) =>
  lang ? RIGHT_TO_LEFT.test(lang) : RTL_LETTER.test(text) && !LTR_LETTER.test(text);

/** A segment as a Word run, inside an external hyperlink when it links. */
function docxRun(segment: Segment): ParagraphChild {
  const run = new TextRun({
    text: segment.text,
    bold: segment.bold ?? false,
    italics: segment.italic ?? false,
    ...(segment.underline ? { underline: {} } : {}),
    ...(segment.href ? { style: "Hyperlink" } : {}),
    // w:rtl: Word and LibreOffice lay the run out right to left, joined as it was typed.
    ...(rightToLeft(segment.text, segment.lang) ? { rightToLeft: true } : {}),
    // Word's spelling and screen readers take the language from w:lang.
    ...(segment.lang
      ? {
          language: {
            value: segment.lang,
            ...(RIGHT_TO_LEFT.test(segment.lang) ? { bidirectional: segment.lang } : {}),
          },
        }
      : {}),
  });
  return segment.href ? new ExternalHyperlink({ link: segment.href, children: [run] }) : run;
}

const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text: value, ...options });
const para = (...runs: ParagraphChild[]) => new Paragraph({ children: runs });
const labelled = (label: string, value: string) =>
  para(text(`${label}: `, { bold: true }), text(value));

/**
 * A link to an item by id, named "outcome E2: …" (or "E2: …" where the context says the kind), or
 * the id marked as missing where the plan has no such item.
 */
function linkTo(id: string, ctx: DocxContext, withKind = true): ParagraphChild {
  const label = ctx.idLabels.get(id);
  if (!label) return text(`${id} (not in this plan)`);
  const title = ctx.titles.get(label);
  return new InternalHyperlink({
    anchor: bookmarkIn(ctx, label),
    children: [
      new TextRun({
        text: (withKind ? title?.link : title?.heading) ?? label,
        style: "Hyperlink",
      }),
    ],
  });
}
// Titles hold commas, so links are kept apart by semicolons.
function links(ids: readonly string[], ctx: DocxContext): ParagraphChild[] {
  return ids.flatMap((id, i) => (i === 0 ? [linkTo(id, ctx)] : [text("; "), linkTo(id, ctx)]));
}
const linksLine = (label: string, ids: readonly string[], ctx: DocxContext): Paragraph[] =>
  ids.length === 0 ? [] : [para(text(`${label}: `, { bold: true }), ...links(ids, ctx))];

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
] as const;
/** A heading's level, one lower inside an appendix, whose own heading is the heading 1. */
const headingLevel = (ctx: DocxContext, plain: 1 | 2 | 3 | 4) =>
  HEADINGS[plain - 1 + (ctx.appendix ? 1 : 0)] as (typeof HEADINGS)[number];

/** A heading 2 for an item, carrying the bookmark its links point to. */
function itemHeading(ctx: DocxContext, label: string, title: string): Paragraph {
  return new Paragraph({
    heading: headingLevel(ctx, 2),
    children: [
      new Bookmark({
        id: bookmarkIn(ctx, label),
        children: [text(title ? `${label}: ${title}` : label)],
      }),
    ],
  });
}

/**
 * A table with a header row that Word repeats on each page the table runs onto; `widths` are
 * percentages of the page's width, one for each column.
 */
/** The text width of an A4 page with the docx library's 1-inch margins, in twentieths of a point. */
export const TEXT_WIDTH_DXA = 11906 - 2 * 1440;
/** Narrow cell margins (1 mm), which leave the narrow columns room for a whole word. */
const CELL_MARGINS = { left: 57, right: 57, top: 40, bottom: 40 };

export function table(
  header: readonly string[],
  rows: readonly FileChild[][][],
  widths?: readonly number[],
): Table {
  // Fixed widths in twips, the same in the grid and in each cell: LibreOffice ignores
  // percentages on cells and shrinks an auto-fitted table until words break mid-word.
  const dxa = widths?.map((w) => Math.floor((w / 100) * TEXT_WIDTH_DXA));
  const width = (i: number) =>
    dxa ? { width: { size: dxa[i] as number, type: WidthType.DXA } } : {};
  return new Table({
    width: { size: TEXT_WIDTH_DXA, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    ...(dxa ? { columnWidths: dxa } : {}),
    rows: [
      // A table of labelled rows (a form) has no header row.
      ...(header.length === 0
        ? []
        : [
            new TableRow({
              tableHeader: true,
              children: header.map(
                (h, i) =>
                  new TableCell({
                    ...width(i),
                    margins: CELL_MARGINS,
                    shading: { fill: "E7E6E6" },
                    children: [para(text(h, { bold: true }))],
                  }),
              ),
            }),
          ]),
      ...rows.map(
        (r) =>
          new TableRow({
            children: r.map(
              (c, i) =>
                new TableCell({
                  ...width(i),
                  margins: CELL_MARGINS,
                  children: c.length > 0 ? (c as (Paragraph | Table)[]) : [para()],
                }),
            ),
          }),
      ),
    ],
  });
}

const none = (what: string) => [para(text(what, { italics: true }))];

/** "Section F: …" with its bookmark; in an advice appendix, a heading 2 saying what it holds. */
function sectionHeading(key: SectionKey, ctx: DocxContext): Paragraph {
  if (ctx.appendix)
    return new Paragraph({
      heading: HeadingLevel.HEADING_2,
      children: [
        new Bookmark({
          id: `appendix${ctx.appendix}_section_${key}`,
          children: [text(ADVICE_SECTIONS[key] ?? SECTION_TITLES[key])],
        }),
      ],
    });
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    children: [
      new Bookmark({
        id: `section_${key}`,
        children: [text(`Section ${key}: ${SECTION_TITLES[key]}`)],
      }),
    ],
  });
}

const section =
  (
    key: SectionKey,
    empty: string,
    isEmpty = (node: PMNode) => node.childCount === 0,
  ): BlockRenderer =>
  (node, ctx) => [
    sectionHeading(key, ctx),
    ...renderAll(children(node), ctx),
    ...(isEmpty(node) ? none(empty) : []),
  ];

// A needs section may hold a summary and no needs: it still says that no needs were identified.
const needsSection = (key: SectionKey, empty: string): BlockRenderer =>
  section(key, empty, (node) => !children(node).some((c) => c.type.name === "need"));

const textField: BlockRenderer = (node) => [para(text(node.textContent))];
const richField: BlockRenderer = (node, ctx) => renderAll(children(node), ctx);

function list(reference: "bullets" | "ordered"): BlockRenderer {
  return (node, ctx) => {
    const level = ctx.list ? ctx.list.level + 1 : 0;
    const instance = reference === "ordered" ? ctx.nextListInstance() : 0;
    const inner: DocxContext = { ...ctx, list: { reference, level: Math.min(level, 8), instance } };
    return children(node).flatMap((item) => render(item, inner));
  };
}

export const DOCX_MAPPING: DocxMapping = {
  doc: (node, ctx) => renderAll(children(node), ctx),
  planDetails: (_node, ctx) => titlePage(ctx.plan, ctx.councilName, ctx.findings),

  sectionA: section("A", EMPTY_SECTION.A),
  view: (node, ctx) => {
    const label = ctx.labels.get(node) ?? "";
    const who = nameOf(VOICE_PHRASES, node.attrs.voice as string);
    const quoted = node.attrs.directQuote
      ? `, in ${who === "the child" || who === "the young person" ? "their own" : "these"} words`
      : "";
    return [
      itemHeading(ctx, label, nameOf(TOPIC_NAMES, node.attrs.topic as string)),
      // Part of the heading: it stays on the page of the words it introduces.
      new Paragraph({
        keepNext: true,
        children: [text(`The view of ${who}${quoted}.`, { italics: true })],
      }),
      ...renderAll(children(node), { ...ctx, lang: (node.attrs.lang as string | null) ?? null }),
      ...(node.attrs.gatheredHow
        ? [labelled("How this view was gathered", node.attrs.gatheredHow as string)]
        : []),
    ];
  },

  sectionB: needsSection("B", EMPTY_SECTION.B),
  sectionC: needsSection("C", EMPTY_SECTION.C),
  sectionD: needsSection("D", EMPTY_SECTION.D),
  needsSummary: richField,
  need: (node, ctx) => {
    const inner = { ...ctx, item: ctx.labels.get(node) ?? "" };
    return [
      ...renderAll(children(node), inner),
      labelled("Area of need", nameOf(AREA_NAMES, node.attrs.area as string)),
      ...linksLine("Advice this rests on", node.attrs.adviceIds as string[], ctx),
    ];
  },
  needTitle: (node, ctx) => [itemHeading(ctx, ctx.item ?? "", node.textContent)],
  needDescription: richField,

  sectionE: section("E", EMPTY_SECTION.E),
  outcome: (node, ctx) => {
    const label = ctx.labels.get(node) ?? "";
    const steps = children(node).filter((c) => c.type.name === "outcomeStep");
    const a = node.attrs;
    return [
      itemHeading(ctx, label, ctx.titles.get(label)?.title ?? ""),
      ...renderAll(
        children(node).filter((c) => c.type.name === "outcomeStatement"),
        ctx,
      ),
      ...linksLine("Meets the needs", a.needIds as string[], ctx),
      labelled("By when", a.byWhen ? formatDate(a.byWhen as string) : "Not stated"),
      ...(a.pfa ? [labelled("Preparing for adulthood", nameOf(PFA_NAMES, a.pfa as string))] : []),
      ...(a.frameworkRef ? [labelled("Outcomes framework", a.frameworkRef as string)] : []),
      ...(steps.length > 0 ? [para(text("Steps towards it", { bold: true }))] : []),
      ...renderAll(steps, { ...ctx, list: { reference: "bullets", level: 0, instance: 0 } }),
    ];
  },
  outcomeStatement: richField,
  outcomeStep: (node, ctx) => [
    new Paragraph({
      numbering: { reference: "bullets", level: 0 },
      children: [
        text(`${ctx.labels.get(node) ?? ""}: `, { bold: true }),
        text(node.textContent),
        text(node.attrs.byWhen ? ` (by ${formatDate(node.attrs.byWhen as string)})` : ""),
      ],
    }),
  ],

  sectionF: section("F", EMPTY_SECTION.F),
  sectionG: section("G", EMPTY_SECTION.G),
  sectionH1: section("H1", EMPTY_SECTION.H1),
  sectionH2: section("H2", EMPTY_SECTION.H2),
  provision: (node, ctx) => {
    const label = ctx.labels.get(node) ?? "";
    const field = (type: string) => children(node).find((c) => c.type.name === type);
    const what = field("provisionWhat");
    const who = field("provisionDeliveredBy");
    const expertise = field("provisionExpertise");
    const a = node.attrs;
    return [
      itemHeading(ctx, label, ctx.titles.get(label)?.title ?? ""),
      table(
        [
          "What",
          "Who, with what expertise",
          "Ratio",
          "How often",
          "How long",
          "Outcomes it serves",
        ],
        [
          [
            what ? render(what, ctx) : [],
            [
              ...(who?.textContent
                ? render(who, ctx)
                : [para(text("Not stated", { italics: true }))]),
              ...(expertise?.textContent ? render(expertise, ctx) : []),
            ],
            [para(text((a.ratio as string | null) ?? "Not stated"))],
            [
              para(
                text(describeHowOften({ frequency: a.frequency, hoursPerWeek: a.hoursPerWeek })),
              ),
            ],
            [para(text(describeDuration(a.duration)))],
            // One outcome a line, headed as in section E: the column says they are outcomes.
            (a.outcomeIds as string[]).length
              ? (a.outcomeIds as string[]).map((id) => para(linkTo(id, ctx, false)))
              : [para(text("None", { italics: true }))],
          ],
        ],
        // Narrow columns are wide enough for their longest words ("Outcomes" in bold,
        // "September", "programme;") at 12 pt, so no word is broken.
        [26.9, 17.2, 9.4, 15.5, 15.5, 15.5],
      ),
      ...linksLine("Needs it meets directly", a.needIds as string[], ctx),
      ...linksLine("Advice it rests on", a.adviceIds as string[], ctx),
    ];
  },
  provisionWhat: richField,
  provisionDeliveredBy: textField,
  provisionExpertise: (node) => [para(text("Expertise: ", { bold: true }), text(node.textContent))],

  sectionI: (node, ctx) => {
    const placement = node.attrs.placement as {
      institutionName: string | null;
      institutionType: string;
    } | null;
    const body = placement
      ? [
          ...(placement.institutionName
            ? [labelled("School or setting", placement.institutionName)]
            : []),
          labelled("Type of setting", nameOf(INSTITUTION_TYPE_NAMES, placement.institutionType)),
        ]
      : none(
          ctx.plan.meta.status === "draft"
            ? "A draft plan names no school or setting. The family may ask for a particular school or setting before the final plan is issued."
            : "No school or setting is named.",
        );
    return [sectionHeading("I", ctx), ...body];
  },

  sectionJ: (node, ctx) => {
    const items = children(node).filter((c) => c.type.name === "budgetItem");
    return [
      sectionHeading("J", ctx),
      labelled("A personal budget was requested", node.attrs.requested ? "Yes" : "No"),
      ...(items.length > 0
        ? [
            table(
              ["Provision", "Amount", "Arrangement", "Outcomes it meets"],
              items.map((i) => [
                [para(linkTo(i.attrs.provisionId as string, ctx, false))],
                [
                  para(
                    text(
                      i.attrs.amountGBP === null
                        ? "Not stated"
                        : `£${Number(i.attrs.amountGBP).toLocaleString("en-GB")}`,
                    ),
                  ),
                ],
                [para(text(nameOf(ARRANGEMENT_NAMES, i.attrs.arrangement as string)))],
                render(i, ctx),
              ]),
            ),
          ]
        : []),
      ...renderAll(
        children(node).filter((c) => c.type.name === "budgetNotes"),
        ctx,
      ),
    ];
  },
  budgetItem: richField,
  budgetNotes: richField,

  sectionK: section(
    "K",
    EMPTY_SECTION.K,
    (node) => !children(node).some((c) => c.type.name === "advice"),
  ),
  // Decisions on advice are a record for the caseworker, not text of the plan.
  adviceDecision: () => [],
  advice: (node, ctx) => {
    const a = node.attrs;
    const label = ctx.labels.get(node) ?? "";
    const from = a.from as { name: string; role: string };
    const dates = adviceDates(a, ctx);
    return [
      new Paragraph({
        children: [
          new Bookmark({
            id: bookmarkIn(ctx, label),
            children: [text(`${label}: `, { bold: true })],
          }),
          text(
            `${a.title as string}, from ${from.name}, ${from.role} (${nameOf(AGENCY_NAMES, a.agency as string)}). `,
          ),
          text(`${dates.join("; ")}.`.replace(/^./, (c) => c.toUpperCase())),
        ],
      }),
    ];
  },

  paragraph: (node, ctx) => [
    new Paragraph({
      children: inline(node, (node.attrs.lang as string | null) ?? ctx.lang),
      // w:bidi: a paragraph in a right-to-left language starts at the right margin.
      ...(rightToLeft(node.textContent, (node.attrs.lang as string | null) ?? ctx.lang)
        ? { bidirectional: true }
        : {}),
      ...(ctx.list
        ? {
            numbering: {
              reference: ctx.list.reference,
              level: ctx.list.level,
              instance: ctx.list.instance,
            },
          }
        : {}),
    }),
  ],
  heading: (node, ctx) => [
    new Paragraph({
      heading: headingLevel(ctx, node.attrs.level === 3 ? 3 : 4),
      children: inline(node),
    }),
  ],
  bulletList: list("bullets"),
  orderedList: list("ordered"),
  // Only the first block of a list item carries its number; later paragraphs continue it.
  listItem: (node, ctx) =>
    children(node).flatMap((child, i) =>
      render(child, i === 0 || child.type.name.endsWith("List") ? ctx : { ...ctx, list: null }),
    ),
  text: (node) => [docxRun(textSegment(node))],
};

export { render as renderDocxNode };
