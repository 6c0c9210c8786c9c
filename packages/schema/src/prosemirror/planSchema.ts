import {
  type AttributeSpec,
  type DOMOutputSpec,
  type MarkSpec,
  type NodeSpec,
  Schema,
} from "prosemirror-model";
import type { SectionKey } from "../json/plan.js";
import { isLanguageTag } from "../json/isLanguageTag.js";
import { languageDirection } from "../json/languageDirection.js";
import { isSafeHref } from "../json/safeHref.js";

// Structured values live in attributes; text that people type together lives in node content, so
// Yjs merges it character by character. Sections and rich text use `*` rather than `+`: when a
// concurrent edit leaves a node invalid, y-prosemirror deletes it for every peer, and `*` cannot
// be left invalid by a delete.

const attrs = (names: readonly string[]): Record<string, AttributeSpec> =>
  Object.fromEntries(names.map((name) => [name, { default: null }]));

const DATA_PREFIX = "data-ehcp-";

/**
 * A DOM rendering for a structural node: a tag carrying its type and its attributes as JSON, so
 * the same node comes back when the HTML is parsed (copy and paste, the HTML exporter).
 */
function structural(
  name: string,
  tag: string,
  attrNames: readonly string[],
): Pick<NodeSpec, "toDOM" | "parseDOM"> {
  return {
    toDOM(node): DOMOutputSpec {
      const dom: Record<string, string> = { [`${DATA_PREFIX}type`]: name };
      for (const attr of attrNames) {
        const value = node.attrs[attr];
        if (value !== null && value !== undefined) dom[DATA_PREFIX + attr] = JSON.stringify(value);
      }
      return node.isLeaf ? [tag, dom] : [tag, dom, 0];
    },
    parseDOM: [
      {
        tag: `${tag}[${DATA_PREFIX}type="${name}"]`,
        getAttrs(dom) {
          const out: Record<string, unknown> = {};
          for (const attr of attrNames) {
            const raw = dom.getAttribute(DATA_PREFIX + attr);
            if (raw === null) continue;
            try {
              out[attr] = JSON.parse(raw);
            } catch {
              return false;
            }
          }
          return out;
        },
      },
    ],
  };
}

const section = (name: string, content: string, attrNames: readonly string[] = []): NodeSpec => ({
  content,
  attrs: attrs(attrNames),
  group: "section",
  defining: true,
  isolating: true,
  selectable: false,
  ...structural(name, "section", attrNames),
});

const item = (name: string, content: string, attrNames: readonly string[]): NodeSpec => ({
  content,
  attrs: attrs(attrNames),
  group: "item",
  defining: true,
  isolating: true,
  ...structural(name, "article", attrNames),
  ...(content === "" ? { atom: true } : {}),
});

/** A field that holds rich text: paragraphs, headings and lists. */
const richField = (name: string): NodeSpec => ({
  content: "block*",
  group: "field",
  isolating: true,
  ...structural(name, "div", []),
});

/** The marks rich text may carry: formatting, and suggested words. */
const RICH_TEXT_MARKS = "bold italic underline link lang insertion deletion";

const validateLang = (v: unknown, orNull: boolean) => {
  if (!(orNull && v === null) && !isLanguageTag(v))
    throw new RangeError(`lang must be a language tag such as "cy" or "ur", not ${String(v)}`);
};
/** A language tag, or null for the language of what is around it. */
const langAttr: AttributeSpec = { default: null, validate: (v: unknown) => validateLang(v, true) };
/** HTML attributes for text in `lang`: the tag, so screen readers switch voice, and its direction. */
const langDom = (lang: string) =>
  languageDirection(lang) === "rtl" ? { lang, dir: "rtl" } : { lang };
const langOf = (dom: HTMLElement) => {
  const lang = dom.getAttribute("lang");
  return isLanguageTag(lang) ? lang : null;
};

/** A field that holds one line of plain text, such as who delivers a provision. */
const textField = (name: string, attrNames: readonly string[] = []): NodeSpec => ({
  content: "text*",
  // Plain text, but words may still be suggested in or out.
  marks: "insertion deletion",
  attrs: attrs(attrNames),
  group: "field",
  isolating: true,
  ...structural(name, "p", attrNames),
});

/** Attribute names of each structured node, in the order Plan JSON gives them. */
export const PLAN_NODE_ATTRS = {
  planDetails: [
    "planId",
    "status",
    "issue",
    "child",
    "localAuthority",
    "caseworker",
    "dates",
    "signOff",
  ],
  view: ["id", "voice", "topic", "directQuote", "gatheredHow", "lang"],
  need: ["id", "area", "adviceIds", "source"],
  outcome: ["id", "needIds", "byWhen", "pfa", "frameworkRef", "source"],
  outcomeStep: ["id", "byWhen"],
  provision: [
    "id",
    "outcomeIds",
    "needIds",
    "ratio",
    "frequency",
    "hoursPerWeek",
    "duration",
    "adviceIds",
    "source",
  ],
  sectionI: ["placement"],
  sectionJ: ["requested"],
  budgetItem: ["provisionId", "amountGBP", "arrangement"],
  advice: ["id", "title", "from", "agency", "requested", "received", "appended"],
  adviceDecision: ["requestId", "recommendationId", "decision", "into", "reason", "version", "on"],
} as const;

const A = PLAN_NODE_ATTRS;

const nodes = {
  doc: {
    content:
      "planDetails sectionA sectionB sectionC sectionD sectionE sectionF sectionG sectionH1 sectionH2 sectionI sectionJ sectionK",
  },
  planDetails: {
    attrs: attrs(A.planDetails),
    atom: true,
    selectable: false,
    ...structural("planDetails", "header", A.planDetails),
  },

  sectionA: section("sectionA", "view*"),
  view: item("view", "block*", A.view),

  sectionB: section("sectionB", "needsSummary? need*"),
  sectionC: section("sectionC", "needsSummary? need*"),
  sectionD: section("sectionD", "needsSummary? need*"),
  needsSummary: richField("needsSummary"),
  need: item("need", "needTitle needDescription", A.need),
  needTitle: textField("needTitle"),
  needDescription: richField("needDescription"),

  sectionE: section("sectionE", "outcome*"),
  outcome: item("outcome", "outcomeStatement outcomeStep*", A.outcome),
  outcomeStatement: richField("outcomeStatement"),
  outcomeStep: textField("outcomeStep", A.outcomeStep),

  sectionF: section("sectionF", "provision*"),
  sectionG: section("sectionG", "provision*"),
  sectionH1: section("sectionH1", "provision*"),
  sectionH2: section("sectionH2", "provision*"),
  provision: item(
    "provision",
    "provisionWhat provisionDeliveredBy provisionExpertise",
    A.provision,
  ),
  provisionWhat: richField("provisionWhat"),
  provisionDeliveredBy: textField("provisionDeliveredBy"),
  provisionExpertise: textField("provisionExpertise"),

  sectionI: { ...section("sectionI", "", A.sectionI), atom: true },

  sectionJ: section("sectionJ", "budgetItem* budgetNotes", A.sectionJ),
  budgetItem: item("budgetItem", "block*", A.budgetItem),
  budgetNotes: richField("budgetNotes"),

  sectionK: section("sectionK", "advice* adviceDecision*"),
  advice: item("advice", "", A.advice),
  // A record, not something to read in the plan: the advice views show it, the editor does not.
  adviceDecision: {
    ...item("adviceDecision", "", A.adviceDecision),
    selectable: false,
    toDOM(node): DOMOutputSpec {
      const dom = structural("adviceDecision", "article", A.adviceDecision).toDOM?.(node);
      return ["article", { ...(dom as [string, Record<string, string>])[1], hidden: "" }];
    },
  },

  paragraph: {
    attrs: { lang: langAttr },
    content: "text*",
    marks: RICH_TEXT_MARKS,
    group: "block",
    parseDOM: [{ tag: "p", getAttrs: (dom) => ({ lang: langOf(dom) }) }],
    toDOM: (node) => ["p", node.attrs.lang ? langDom(node.attrs.lang as string) : {}, 0],
  },
  heading: {
    attrs: {
      level: {
        default: 3,
        validate: (v: unknown) => {
          if (v !== 3 && v !== 4)
            throw new RangeError(`heading level must be 3 or 4, not ${String(v)}`);
        },
      },
    },
    content: "text*",
    marks: RICH_TEXT_MARKS,
    group: "block",
    defining: true,
    parseDOM: [
      { tag: "h3", attrs: { level: 3 } },
      { tag: "h4", attrs: { level: 4 } },
    ],
    toDOM: (node) => [`h${node.attrs.level}`, 0],
  },
  bulletList: {
    content: "listItem+",
    group: "block",
    parseDOM: [{ tag: "ul" }],
    toDOM: () => ["ul", 0],
  },
  orderedList: {
    content: "listItem+",
    group: "block",
    parseDOM: [{ tag: "ol" }],
    toDOM: () => ["ol", 0],
  },
  listItem: {
    content: "block+",
    defining: true,
    parseDOM: [{ tag: "li" }],
    toDOM: () => ["li", 0],
  },
  text: { group: "inline" },
} satisfies Record<string, NodeSpec>;

/**
 * A suggested change: words proposed in (`insertion`) or out (`deletion`) by someone who may not
 * edit the section, waiting for someone who may to accept or reject it. Shaped as
 * `@handlewithcare/prosemirror-suggest-changes` expects, with the author beside the id; Plan JSON
 * holds the text as it stands, without the suggestions (see `withoutSuggestions`).
 */
function suggestionMark(name: "insertion" | "deletion", tag: "ins" | "del"): MarkSpec {
  const other = name === "insertion" ? "deletion" : "insertion";
  return {
    attrs: {
      id: { validate: "string|number" },
      by: { default: "", validate: "string" },
      name: { default: "", validate: "string" },
      role: { default: "", validate: "string" },
    },
    inclusive: false,
    excludes: `${name} ${other}`,
    parseDOM: [
      {
        tag: `${tag}[data-suggestion]`,
        getAttrs: (dom) => ({
          id: dom.getAttribute("data-suggestion") ?? "",
          by: dom.getAttribute("data-by") ?? "",
          name: dom.getAttribute("data-name") ?? "",
          role: dom.getAttribute("data-role") ?? "",
        }),
      },
    ],
    toDOM: (mark) => [
      tag,
      {
        class: `ehcp-suggestion ehcp-${name}`,
        "data-suggestion": String(mark.attrs.id),
        "data-by": mark.attrs.by,
        "data-name": mark.attrs.name,
        "data-role": mark.attrs.role,
        title: `${name === "insertion" ? "Suggested addition" : "Suggested removal"} by ${mark.attrs.name || "someone"}`,
      },
      0,
    ],
  };
}

const marks = {
  bold: {
    parseDOM: [{ tag: "strong" }, { tag: "b" }],
    toDOM: () => ["strong", 0],
  },
  italic: {
    parseDOM: [{ tag: "em" }, { tag: "i" }],
    toDOM: () => ["em", 0],
  },
  underline: {
    parseDOM: [{ tag: "u" }],
    toDOM: () => ["u", 0],
  },
  link: {
    attrs: {
      href: {
        validate: (href: unknown) => {
          if (!isSafeHref(href)) {
            throw new RangeError("a link must be an http, https or mailto address");
          }
        },
      },
    },
    inclusive: false,
    parseDOM: [
      {
        tag: "a[href]",
        getAttrs: (dom) => {
          const href = dom.getAttribute("href") ?? "";
          return isSafeHref(href) ? { href } : false;
        },
      },
    ],
    toDOM: (mark) => ["a", { href: mark.attrs.href, rel: "noopener noreferrer" }, 0],
  },
  // Words in another language than the paragraph around them.
  lang: {
    attrs: { lang: { validate: (v: unknown) => validateLang(v, false) } },
    parseDOM: [
      {
        tag: "span[lang]",
        getAttrs: (dom) => {
          const lang = langOf(dom);
          return lang ? { lang } : false;
        },
      },
    ],
    toDOM: (mark) => ["span", langDom(mark.attrs.lang as string), 0],
  },
  insertion: suggestionMark("insertion", "ins"),
  deletion: suggestionMark("deletion", "del"),
  // The suggest-changes library needs this mark type to exist; no node admits it, because only
  // words may be suggested, not formatting or values.
  modification: {
    attrs: {
      id: { validate: "string|number" },
      type: { validate: "string" },
      attrName: { default: null },
      previousValue: { default: null },
      newValue: { default: null },
    },
    inclusive: false,
    excludes: "insertion deletion",
    toDOM: () => ["span", { "data-type": "modification" }, 0],
  },
} satisfies Record<string, MarkSpec>;

/** Every node type name of the plan schema. */
export type PlanNodeName = keyof typeof nodes;

/**
 * The version of the document model editors and the server share. Bump it with any change to the
 * nodes, marks or attributes: the server refuses editors of an older version, because
 * y-prosemirror deletes, for every peer, the nodes an older editor does not know.
 */
export const PLAN_SCHEMA_VERSION = 4;
/** Every mark type name of the plan schema. */
export type PlanMarkName = keyof typeof marks;

/**
 * The ProseMirror schema of a plan. Pure ProseMirror with no DOM or Tiptap dependency, so the
 * server and the exporters use it as the editor does.
 */
export const planSchema: Schema<PlanNodeName, PlanMarkName> = new Schema({ nodes, marks });

/** Node type of each section, by section key. */
export const SECTION_NODE_NAMES = {
  A: "sectionA",
  B: "sectionB",
  C: "sectionC",
  D: "sectionD",
  E: "sectionE",
  F: "sectionF",
  G: "sectionG",
  H1: "sectionH1",
  H2: "sectionH2",
  I: "sectionI",
  J: "sectionJ",
  K: "sectionK",
} as const satisfies Record<string, PlanNodeName>;

/** Section keys by section node name: sectionF → F. */
export const SECTION_KEY_OF: Readonly<Record<string, SectionKey>> = Object.fromEntries(
  Object.entries(SECTION_NODE_NAMES).map(([key, name]) => [name, key as SectionKey]),
);
