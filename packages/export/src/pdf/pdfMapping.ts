import {
  ADVICE_SECTIONS,
  type Finding,
  type Plan,
  type PlanNodeName,
  SECTION_TITLES,
  type SectionKey,
  formatDate,
} from "@ehcp/schema";
import type { Node as PMNode } from "prosemirror-model";
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
import { draftCopyNotice } from "../text/draftCopyNotice.js";
import type { ItemTitle } from "../text/itemTitles.js";
import { planDetailRows } from "../text/planDetailRows.js";
import { textSegment } from "../text/textSegment.js";
import { tidyLinks } from "../text/tidyLinks.js";
import type { CellBlock, ListItem, PdfWriter, Run } from "./PdfWriter.js";
import { adviceDates } from "../text/adviceDates.js";

type Struct = PDFKit.PDFStructureElement;

export interface PdfContext {
  readonly plan: Plan;
  readonly writer: PdfWriter;
  readonly labels: ReadonlyMap<PMNode, string>;
  readonly idLabels: ReadonlyMap<string, string>;
  /** Each item's heading and link words, by label. */
  readonly titles: ReadonlyMap<string, ItemTitle>;
  readonly item: string | null;
  readonly councilName: string;
  /**
   * Whether this file carries advice as appendices: where it carries none, advice the plan
   * lists as appended is said to be sent with the plan, not in this file.
   */
  readonly adviceAttached: boolean;
  /** Integrity problems of a plan exported as a draft copy anyway, for its title page. */
  readonly findings: readonly Finding[];
  /** Each item's place in Plan JSON by its label, for naming where a character cannot print. */
  readonly paths: ReadonlyMap<string, string>;
  /** Height the last block drawn must keep on its page for the short lines that follow it. */
  readonly keepAfter?: number;
  /** The language of the view being drawn, where it gives one (else the document's). */
  readonly lang?: string | null;
  /**
   * The appendix being drawn, when the document is a piece of advice appended to the plan: its
   * headings sit a level below the appendix's, its sections are titled as advice, and its
   * destinations are its own, so its F1 is not the plan's.
   */
  readonly appendix?: number;
}

/** Tells the writer which item is being drawn, so an error can name it. */
const at = (ctx: PdfContext, label: string) => {
  ctx.writer.location = { item: label, path: ctx.paths.get(label) ?? label };
};

/** Renders blocks, keeping the last with the `after` height that follows it. */
const renderKeeping = (nodes: readonly PMNode[], ctx: PdfContext, parent: Struct, after: number) =>
  nodes.forEach((n, i) =>
    renderPdfNode(
      n,
      i === nodes.length - 1 && after > 0 ? { ...ctx, keepAfter: after } : ctx,
      parent,
    ),
  );

type BlockRenderer = (node: PMNode, ctx: PdfContext, parent: Struct) => void;
type InlineRenderer = (node: PMNode, ctx: PdfContext) => Run[];

/**
 * How each node type of the plan schema is drawn in the PDF. A mapped type over the schema's node
 * names: a node type added to the schema without a renderer here fails to compile.
 */
export type PdfMapping = {
  readonly [K in PlanNodeName]: K extends "text" ? InlineRenderer : BlockRenderer;
};

/** The named destination of an item, for links and bookmarks. */
export const destinationFor = (label: string) => `item-${label}`;
/** The destination of an item of the document being drawn: the plan's, or an appendix's. */
const dest = (ctx: PdfContext, label: string) =>
  ctx.appendix ? `appendix-${ctx.appendix}-${destinationFor(label)}` : destinationFor(label);
/** A heading's level, one lower inside an appendix, whose own heading is the heading 1. */
const level = (ctx: PdfContext, plain: 1 | 2 | 3 | 4): 1 | 2 | 3 | 4 | 5 =>
  ctx.appendix ? ((plain + 1) as 2 | 3 | 4 | 5) : plain;

const kids = (node: PMNode): PMNode[] => {
  const out: PMNode[] = [];
  node.forEach((c) => {
    out.push(c);
  });
  return out;
};
const runsOf = (node: PMNode, ctx: PdfContext): Run[] =>
  tidyLinks(kids(node).flatMap((c) => PDF_MAPPING.text(c, ctx)));

export function renderPdfNode(node: PMNode, ctx: PdfContext, parent: Struct): void {
  if (node.type.name !== "text")
    PDF_MAPPING[node.type.name as Exclude<PlanNodeName, "text">](node, ctx, parent);
}
const renderAll = (nodes: readonly PMNode[], ctx: PdfContext, parent: Struct) => {
  for (const n of nodes) renderPdfNode(n, ctx, parent);
};

/** A link to an item by id, named "outcome E2: …" (or "E2: …" where the context says the kind). */
const linkRun = (id: string, ctx: PdfContext, withKind = true): Run => {
  const label = ctx.idLabels.get(id);
  if (!label) return { text: `${id} (not in this plan)` };
  const title = ctx.titles.get(label);
  return { text: (withKind ? title?.link : title?.heading) ?? label, goTo: dest(ctx, label) };
};
// Titles hold commas, so links are kept apart by semicolons.
const linkRuns = (ids: readonly string[], ctx: PdfContext): Run[] =>
  ids.flatMap((id, i) => (i === 0 ? [linkRun(id, ctx)] : [{ text: "; " }, linkRun(id, ctx)]));
const labelled = (ctx: PdfContext, parent: Struct, label: string, value: Run[] | string) =>
  ctx.writer.paragraph(parent, [
    { text: `${label}: `, bold: true },
    ...(typeof value === "string" ? [{ text: value }] : value),
  ]);
const none = (ctx: PdfContext, parent: Struct, text: string) =>
  ctx.writer.paragraph(parent, [{ text, italic: true }]);

/** Rich text as blocks for a table cell: paragraphs, and list items with their bullets or numbers. */
function cellBlocks(blocks: readonly PMNode[], ctx: PdfContext, depth = 0): CellBlock[] {
  return blocks.flatMap((block): CellBlock[] => {
    if (block.type.name === "paragraph" || block.type.name === "heading") {
      const lang = (block.attrs.lang as string | null | undefined) ?? ctx.lang;
      return [
        {
          runs: runsOf(block, ctx).map((r) =>
            block.type.name === "heading" ? { ...r, bold: true } : r,
          ),
          ...(lang ? { lang } : {}),
        },
      ];
    }
    const ordered = block.type.name === "orderedList";
    return kids(block).flatMap((item, i) =>
      kids(item).flatMap((child, k) =>
        child.type.name.endsWith("List")
          ? cellBlocks([child], ctx, depth + 1)
          : [
              {
                runs: runsOf(child, ctx),
                ...(k === 0
                  ? { bullet: `${"  ".repeat(depth)}${ordered ? `${i + 1}.` : "•"}` }
                  : {}),
              },
            ],
      ),
    );
  });
}

/**
 * A section's Sect element, headed "Section F: …" with a bookmark; in an advice appendix, a
 * heading 2 that says what the section holds in advice ("Recommended provision: …").
 */
function openSection(ctx: PdfContext, parent: Struct, key: SectionKey): Struct {
  const sect = ctx.writer.doc.struct("Sect");
  parent.add(sect);
  if (ctx.appendix) {
    ctx.writer.location = {
      item: `Appendix ${ctx.appendix}, ${ADVICE_SECTIONS[key] ?? key}`,
      path: `sections.${key}`,
    };
    ctx.writer.heading(
      sect,
      2,
      ADVICE_SECTIONS[key] ?? SECTION_TITLES[key],
      `appendix-${ctx.appendix}-section-${key}`,
    );
    return sect;
  }
  ctx.writer.location = { item: `Section ${key}`, path: `sections.${key}` };
  ctx.writer.heading(sect, 1, `Section ${key}: ${SECTION_TITLES[key]}`, `section-${key}`);
  return sect;
}

const section =
  (
    key: SectionKey,
    empty: string,
    isEmpty = (node: PMNode) => node.childCount === 0,
  ): BlockRenderer =>
  (node, ctx, parent) => {
    const sect = openSection(ctx, parent, key);
    renderAll(kids(node), ctx, sect);
    if (isEmpty(node)) none(ctx, sect, empty);
    sect.end();
  };

// A needs section may hold a summary and no needs: it still says that no needs were identified.
const needsSection = (key: SectionKey, empty: string): BlockRenderer =>
  section(key, empty, (node) => !kids(node).some((c) => c.type.name === "need"));

const richField: BlockRenderer = (node, ctx, parent) =>
  renderKeeping(kids(node), { ...ctx, keepAfter: 0 }, parent, ctx.keepAfter ?? 0);
const textField: BlockRenderer = (node, ctx, parent) =>
  ctx.writer.paragraph(parent, [{ text: node.textContent }]);

const isList = (node: PMNode) => node.type.name.endsWith("List");

/** A list's items, each with the lists nested in it, at every depth. */
function listItems(list: PMNode, ctx: PdfContext): ListItem[] {
  const ordered = list.type.name === "orderedList";
  return kids(list).map((item, i) => {
    const words = kids(item).filter((child) => !isList(child));
    const lists = kids(item)
      .filter(isList)
      .map((nested) => listItems(nested, ctx));
    return {
      label: ordered ? `${i + 1}.` : "•",
      runs: words.flatMap((child, k) => [
        ...(k > 0 ? [{ text: " " }] : []),
        ...runsOf(child, ctx).map((r) => {
          // A list's words are drawn in one LBody: a language comes as Spans.
          const lang = (child.attrs.lang as string | null | undefined) ?? ctx.lang;
          return lang && !r.lang ? { ...r, lang } : r;
        }),
      ]),
      ...(lists.length > 0 ? { lists } : {}),
    };
  });
}

const listRenderer: BlockRenderer = (node, ctx, parent) =>
  ctx.writer.list(parent, listItems(node, ctx));

export const PDF_MAPPING: PdfMapping = {
  doc: (node, ctx, parent) => renderAll(kids(node), ctx, parent),
  planDetails: (_node, ctx, parent) => {
    const { plan, writer } = ctx;
    writer.location = { item: "the title page", path: "meta" };
    writer.heading(parent, 1, "Education, Health and Care Plan");
    const copy = ctx.findings.length > 0;
    writer.paragraph(parent, [
      {
        text: `${plan.meta.child.fullName}${copy ? " (draft copy)" : plan.meta.status === "draft" ? " (draft)" : ""}`,
        bold: true,
      },
    ]);
    const rows = planDetailRows(plan, ctx.councilName);
    writer.table(
      parent,
      [],
      rows.map(([l, v]) => [[{ runs: [{ text: l, bold: true }] }], [{ runs: [{ text: v }] }]]),
      [0.35, 0.65],
      true,
    );
    if (copy) {
      const notice = draftCopyNotice(ctx.findings);
      writer.heading(parent, 2, notice.heading);
      writer.paragraph(parent, [{ text: notice.intro }]);
      writer.list(
        parent,
        notice.items.map((text) => ({ label: "•", runs: [{ text }] })),
      );
    }
  },

  sectionA: section("A", EMPTY_SECTION.A),
  view: (node, ctx, parent) => {
    const label = ctx.labels.get(node) ?? "";
    at(ctx, label);
    ctx.writer.heading(
      parent,
      level(ctx, 2),
      `${label}: ${nameOf(TOPIC_NAMES, node.attrs.topic as string)}`,
      dest(ctx, label),
    );
    const who = nameOf(VOICE_PHRASES, node.attrs.voice as string);
    ctx.writer.paragraph(parent, [
      {
        text: `The view of ${who}${node.attrs.directQuote ? ", in their own words" : ""}.`,
        italic: true,
      },
    ]);
    const gathered = node.attrs.gatheredHow
      ? [
          { text: "How this view was gathered: ", bold: true },
          { text: node.attrs.gatheredHow as string },
        ]
      : null;
    renderKeeping(
      kids(node),
      { ...ctx, lang: (node.attrs.lang as string | null) ?? null },
      parent,
      gathered ? ctx.writer.paragraphHeight(gathered) : 0,
    );
    if (node.attrs.gatheredHow)
      labelled(ctx, parent, "How this view was gathered", node.attrs.gatheredHow as string);
  },

  sectionB: needsSection("B", EMPTY_SECTION.B),
  sectionC: needsSection("C", EMPTY_SECTION.C),
  sectionD: needsSection("D", EMPTY_SECTION.D),
  needsSummary: richField,
  need: (node, ctx, parent) => {
    const inner = { ...ctx, item: ctx.labels.get(node) ?? "" };
    at(ctx, inner.item);
    const area = nameOf(AREA_NAMES, node.attrs.area as string);
    const advice = (node.attrs.adviceIds as string[]).length
      ? linkRuns(node.attrs.adviceIds as string[], ctx)
      : null;
    const trailer =
      ctx.writer.paragraphHeight([{ text: `Area of need: ${area}` }]) +
      (advice ? ctx.writer.paragraphHeight([{ text: "Advice this rests on: " }, ...advice]) : 0);
    renderKeeping(kids(node), inner, parent, trailer);
    labelled(ctx, parent, "Area of need", area);
    if (advice) labelled(ctx, parent, "Advice this rests on", advice);
  },
  needTitle: (node, ctx, parent) =>
    ctx.writer.heading(
      parent,
      level(ctx, 2),
      `${ctx.item}: ${node.textContent}`,
      dest(ctx, ctx.item ?? ""),
    ),
  needDescription: richField,

  sectionE: section("E", EMPTY_SECTION.E),
  outcome: (node, ctx, parent) => {
    const label = ctx.labels.get(node) ?? "";
    at(ctx, label);
    const a = node.attrs;
    ctx.writer.heading(
      parent,
      level(ctx, 2),
      ctx.titles.get(label)?.heading ?? label,
      dest(ctx, label),
    );
    renderAll(
      kids(node).filter((c) => c.type.name === "outcomeStatement"),
      ctx,
      parent,
    );
    if ((a.needIds as string[]).length)
      labelled(ctx, parent, "Meets the needs", linkRuns(a.needIds as string[], ctx));
    labelled(ctx, parent, "By when", a.byWhen ? formatDate(a.byWhen as string) : "Not stated");
    if (a.pfa) labelled(ctx, parent, "Preparing for adulthood", nameOf(PFA_NAMES, a.pfa as string));
    if (a.frameworkRef) labelled(ctx, parent, "Outcomes framework", a.frameworkRef as string);
    const steps = kids(node).filter((c) => c.type.name === "outcomeStep");
    if (steps.length) {
      ctx.writer.paragraph(parent, [{ text: "Steps towards it", bold: true }]);
      renderAll(steps, ctx, parent);
    }
  },
  outcomeStatement: richField,
  outcomeStep: (node, ctx, parent) =>
    ctx.writer.list(parent, [
      {
        label: "•",
        runs: [
          { text: `${ctx.labels.get(node) ?? ""}: `, bold: true },
          { text: node.textContent },
          { text: node.attrs.byWhen ? ` (by ${formatDate(node.attrs.byWhen as string)})` : "" },
        ],
      },
    ]),

  sectionF: section("F", EMPTY_SECTION.F),
  sectionG: section("G", EMPTY_SECTION.G),
  sectionH1: section("H1", EMPTY_SECTION.H1),
  sectionH2: section("H2", EMPTY_SECTION.H2),
  provision: (node, ctx, parent) => {
    const label = ctx.labels.get(node) ?? "";
    at(ctx, label);
    const field = (type: string) => kids(node).find((c) => c.type.name === type);
    const what = field("provisionWhat");
    const a = node.attrs;
    ctx.writer.heading(
      parent,
      level(ctx, 2),
      ctx.titles.get(label)?.heading ?? label,
      dest(ctx, label),
    );
    const trailers: [string, Run[]][] = [];
    if ((a.needIds as string[]).length)
      trailers.push(["Needs it meets directly", linkRuns(a.needIds as string[], ctx)]);
    if ((a.adviceIds as string[]).length)
      trailers.push(["Advice it rests on", linkRuns(a.adviceIds as string[], ctx)]);
    const who = field("provisionDeliveredBy")?.textContent ?? "";
    const expertise = field("provisionExpertise")?.textContent ?? "";
    ctx.writer.table(
      parent,
      ["What", "Who, with what expertise", "Ratio", "How often", "How long", "Outcomes it serves"],
      [
        [
          cellBlocks(what ? kids(what) : [], ctx),
          [
            { runs: [{ text: who || "Not stated", italic: !who }] },
            ...(expertise
              ? [{ runs: [{ text: "Expertise: ", bold: true }, { text: expertise }] }]
              : []),
          ],
          [{ runs: [{ text: (a.ratio as string | null) ?? "Not stated" }] }],
          [
            {
              runs: [
                {
                  text: describeHowOften({ frequency: a.frequency, hoursPerWeek: a.hoursPerWeek }),
                },
              ],
            },
          ],
          [{ runs: [{ text: describeDuration(a.duration) }] }],
          // One outcome a line, headed as in section E: the column says they are outcomes.
          (a.outcomeIds as string[]).length
            ? (a.outcomeIds as string[]).map((id) => ({ runs: [linkRun(id, ctx, false)] }))
            : [{ runs: [{ text: "None", italic: true }] }],
        ],
      ],
      [0.29, 0.19, 0.08, 0.15, 0.13, 0.16],
      false,
      {
        keepAfter: trailers.reduce(
          (h, [l, runs]) => h + ctx.writer.paragraphHeight([{ text: `${l}: ` }, ...runs]),
          0,
        ),
      },
    );
    for (const [l, runs] of trailers) labelled(ctx, parent, l, runs);
  },
  provisionWhat: richField,
  provisionDeliveredBy: textField,
  provisionExpertise: (node, ctx, parent) => labelled(ctx, parent, "Expertise", node.textContent),

  sectionI: (node, ctx, parent) => {
    const sect = openSection(ctx, parent, "I");
    const placement = node.attrs.placement as {
      institutionName: string | null;
      institutionType: string;
    } | null;
    if (placement) {
      if (placement.institutionName)
        labelled(ctx, sect, "School or setting", placement.institutionName);
      labelled(
        ctx,
        sect,
        "Type of setting",
        nameOf(INSTITUTION_TYPE_NAMES, placement.institutionType),
      );
    } else {
      none(
        ctx,
        sect,
        ctx.plan.meta.status === "draft"
          ? "A draft plan names no school or setting. The family may ask for a particular school or setting before the final plan is issued."
          : "No school or setting is named.",
      );
    }
    sect.end();
  },
  sectionJ: (node, ctx, parent) => {
    const sect = openSection(ctx, parent, "J");
    labelled(ctx, sect, "A personal budget was requested", node.attrs.requested ? "Yes" : "No");
    const items = kids(node).filter((c) => c.type.name === "budgetItem");
    if (items.length) {
      ctx.writer.table(
        sect,
        ["Provision", "Amount", "Arrangement", "Outcomes it meets"],
        items.map((i) => [
          [{ runs: [linkRun(i.attrs.provisionId as string, ctx, false)] }],
          [
            {
              runs: [
                {
                  text:
                    i.attrs.amountGBP === null
                      ? "Not stated"
                      : `£${Number(i.attrs.amountGBP).toLocaleString("en-GB")}`,
                },
              ],
            },
          ],
          [
            {
              runs: [
                {
                  text: nameOf(ARRANGEMENT_NAMES, i.attrs.arrangement as string),
                },
              ],
            },
          ],
          cellBlocks(kids(i), ctx),
        ]),
        [0.3, 0.14, 0.18, 0.38],
      );
    }
    renderAll(
      kids(node).filter((c) => c.type.name === "budgetNotes"),
      ctx,
      sect,
    );
    sect.end();
  },
  budgetItem: richField,
  budgetNotes: richField,

  sectionK: section(
    "K",
    EMPTY_SECTION.K,
    (node) => !kids(node).some((c) => c.type.name === "advice"),
  ),
  // Decisions on advice are a record for the caseworker, not text of the plan.
  adviceDecision: () => {},
  advice: (node, ctx, parent) => {
    const a = node.attrs;
    const label = ctx.labels.get(node) ?? "";
    at(ctx, label);
    const from = a.from as { name: string; role: string };
    const dates = adviceDates(a, ctx);
    ctx.writer.paragraph(
      parent,
      [
        { text: `${label}: `, bold: true },
        {
          text: `${a.title as string}, from ${from.name}, ${from.role} (${nameOf(AGENCY_NAMES, a.agency as string)}). `,
        },
        { text: `${dates.join("; ")}.`.replace(/^./, (c) => c.toUpperCase()) },
      ],
      { destination: dest(ctx, label) },
    );
  },

  paragraph: (node, ctx, parent) => {
    const lang = (node.attrs.lang as string | null) ?? ctx.lang;
    ctx.writer.paragraph(parent, runsOf(node, ctx), {
      ...(ctx.keepAfter ? { keepAfter: ctx.keepAfter } : {}),
      ...(lang ? { lang } : {}),
    });
  },
  heading: (node, ctx, parent) =>
    ctx.writer.heading(parent, level(ctx, node.attrs.level === 3 ? 3 : 4), node.textContent),
  bulletList: listRenderer,
  orderedList: listRenderer,
  listItem: (node, ctx, parent) => renderAll(kids(node), ctx, parent),
  text: (node) => [textSegment(node)],
};
