import type { Node as PMNode } from "prosemirror-model";
import type { PlanNodeName } from "./planSchema.js";

const copy = <T>(value: T): T =>
  value !== null && typeof value === "object" ? structuredClone(value) : value;

/** The children of `node` of one type, in order. */
export const childrenOf = (node: PMNode | undefined, type: PlanNodeName): PMNode[] => {
  const out: PMNode[] = [];
  node?.forEach((child) => {
    if (child.type.name === type) out.push(child);
  });
  return out;
};

export const childOf = (node: PMNode | undefined, type: PlanNodeName): PMNode | undefined =>
  childrenOf(node, type)[0];

/**
 * The blocks of a rich-text field as Plan JSON. A field holding only an empty paragraph (the line
 * an empty field is given to type on, see `planToDoc`) holds no text.
 */
export const richText = (node: PMNode | undefined): unknown[] => {
  if (
    node?.childCount === 1 &&
    node.firstChild?.type.name === "paragraph" &&
    node.firstChild.content.size === 0
  ) {
    return [];
  }
  const blocks: unknown[] = [];
  node?.forEach((child) => {
    blocks.push(withoutUnsetLang(child.toJSON()));
  });
  return blocks;
};

/**
 * A block's JSON without `attrs: { lang: null }` on its paragraphs: a paragraph in the language
 * around it has no `attrs` in Plan JSON, so plans that give no language read as before.
 */
function withoutUnsetLang(json: Record<string, unknown>): Record<string, unknown> {
  const { attrs, content, ...rest } = json as {
    attrs?: Record<string, unknown>;
    content?: unknown[];
  };
  const kept = json.type === "paragraph" && attrs?.lang === null ? undefined : attrs;
  return {
    ...rest,
    ...(kept ? { attrs: kept } : {}),
    ...(content
      ? {
          content:
            json.type === "paragraph" || json.type === "heading"
              ? content
              : content.map((c) => withoutUnsetLang(c as Record<string, unknown>)),
        }
      : {}),
  };
}

/** An item's `source`, where it has one: Plan JSON leaves the key out otherwise. */
const sourceOf = (node: PMNode) =>
  node.attrs.source !== null && node.attrs.source !== undefined
    ? { source: copy(node.attrs.source) }
    : {};

/** The attributes of `names` that are set: a decision holds only those of its kind. */
const setAttrs = (node: PMNode, names: readonly string[]) =>
  Object.fromEntries(names.filter((n) => node.attrs[n] !== null).map((n) => [n, node.attrs[n]]));

const plainText = (node: PMNode | undefined): string => node?.textContent ?? "";

const outcomeStep = (step: PMNode) => ({
  id: step.attrs.id,
  text: plainText(step),
  byWhen: step.attrs.byWhen,
});

/**
 * Each item node of `planSchema` as the object Plan JSON holds for it, unvalidated. Shared by
 * `docToPlan` and `checkPlanNode`, so a whole plan and a single item are read the same way.
 */
export const ITEM_TO_JSON = {
  view: (v: PMNode) => ({
    id: v.attrs.id,
    voice: v.attrs.voice,
    topic: v.attrs.topic,
    directQuote: v.attrs.directQuote,
    ...(v.attrs.gatheredHow !== null ? { gatheredHow: v.attrs.gatheredHow } : {}),
    ...(v.attrs.lang !== null ? { lang: v.attrs.lang } : {}),
    content: richText(v),
  }),
  need: (n: PMNode) => ({
    id: n.attrs.id,
    area: n.attrs.area,
    title: plainText(childOf(n, "needTitle")),
    description: richText(childOf(n, "needDescription")),
    adviceIds: copy(n.attrs.adviceIds),
    ...sourceOf(n),
  }),
  outcomeStep,
  outcome: (o: PMNode) => ({
    id: o.attrs.id,
    needIds: copy(o.attrs.needIds),
    statement: richText(childOf(o, "outcomeStatement")),
    byWhen: o.attrs.byWhen,
    pfa: o.attrs.pfa,
    frameworkRef: o.attrs.frameworkRef,
    steps: childrenOf(o, "outcomeStep").map(outcomeStep),
    ...sourceOf(o),
  }),
  provision: (p: PMNode) => ({
    id: p.attrs.id,
    outcomeIds: copy(p.attrs.outcomeIds),
    needIds: copy(p.attrs.needIds),
    what: richText(childOf(p, "provisionWhat")),
    deliveredBy: plainText(childOf(p, "provisionDeliveredBy")),
    expertise: plainText(childOf(p, "provisionExpertise")),
    ratio: p.attrs.ratio,
    frequency: copy(p.attrs.frequency),
    hoursPerWeek: p.attrs.hoursPerWeek,
    duration: copy(p.attrs.duration),
    adviceIds: copy(p.attrs.adviceIds),
    ...sourceOf(p),
  }),
  budgetItem: (i: PMNode) => ({
    provisionId: i.attrs.provisionId,
    amountGBP: i.attrs.amountGBP,
    arrangement: i.attrs.arrangement,
    outcomesMet: richText(i),
  }),
  advice: (a: PMNode) => ({
    id: a.attrs.id,
    title: a.attrs.title,
    from: copy(a.attrs.from),
    agency: a.attrs.agency,
    requested: a.attrs.requested,
    received: a.attrs.received,
    appended: a.attrs.appended,
  }),
  adviceDecision: (d: PMNode) =>
    setAttrs(d, ["requestId", "recommendationId", "decision", "into", "reason", "version", "on"]),
  planDetails: (d: PMNode) => ({
    status: d.attrs.status,
    issue: d.attrs.issue,
    child: copy(d.attrs.child),
    localAuthority: d.attrs.localAuthority,
    caseworker: copy(d.attrs.caseworker),
    dates: copy(d.attrs.dates),
    signOff: copy(d.attrs.signOff),
  }),
} satisfies Partial<Record<PlanNodeName, (node: PMNode) => object>>;
