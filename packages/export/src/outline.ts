import {
  AREA_NAMES,
  AREAS_OF_NEED,
  labelAt,
  type NeedArea,
  type Plan,
  SECTION_KEYS,
  SECTION_NODE_NAMES,
  SECTION_TITLES,
  type SectionKey,
} from "@ehcp/schema";
import type { Node as PMNode } from "prosemirror-model";
import type { Layout } from "./ExportOptions.js";

/** One part of a document: a heading, and the section or the items under it. */
export type OutlinePart =
  | {
      readonly kind: "section";
      readonly key: SectionKey;
      readonly heading: string;
      readonly node: PMNode;
    }
  | {
      readonly kind: "group";
      readonly id: string;
      readonly heading: string;
      readonly items: readonly PMNode[];
      /** What to say when there are no items. */
      readonly empty: string;
    };

/** Labels of every item node (B2, F12, E3.1), by position in its section, as people read them. */
export function nodeLabels(doc: PMNode): Map<PMNode, string> {
  const labels = new Map<PMNode, string>();
  doc.forEach((section) => {
    const key = SECTION_KEYS.find((k) => SECTION_NODE_NAMES[k] === section.type.name);
    if (!key) return;
    let index = 0;
    section.forEach((item) => {
      if (!item.type.spec.group?.includes("item")) return;
      const label = labelAt(key, index++);
      labels.set(item, label);
      let step = 0;
      item.forEach((child) => {
        if (child.type.name === "outcomeStep") labels.set(child, `${label}.${++step}`);
      });
    });
  });
  return labels;
}

const sectionHeading = (key: SectionKey) => `Section ${key}: ${SECTION_TITLES[key]}`;

function sectionNode(doc: PMNode, key: SectionKey): PMNode {
  let found: PMNode | undefined;
  doc.forEach((n) => {
    if (n.type.name === SECTION_NODE_NAMES[key]) found = n;
  });
  if (!found) throw new RangeError(`the document has no ${SECTION_NODE_NAMES[key]} node`);
  return found;
}

const itemsOf = (node: PMNode, type: string): PMNode[] => {
  const items: PMNode[] = [];
  node.forEach((n) => {
    if (n.type.name === type) items.push(n);
  });
  return items;
};

/**
 * The parts of the document in the order of the layout. Every item of the plan appears exactly
 * once in either layout.
 */
export function planOutline(doc: PMNode, plan: Plan, layout: Layout): OutlinePart[] {
  const section = (key: SectionKey): OutlinePart => ({
    kind: "section",
    key,
    heading: sectionHeading(key),
    node: sectionNode(doc, key),
  });
  if (layout === "sections") return SECTION_KEYS.map(section);

  // The national template: A, then each broad area of need with its needs, the outcomes that
  // name them and the provision in F that serves them; what no area claims follows, then C to K.
  const needs = itemsOf(sectionNode(doc, "B"), "need");
  const outcomes = itemsOf(sectionNode(doc, "E"), "outcome");
  const provisions = itemsOf(sectionNode(doc, "F"), "provision");
  const placed = new Set<PMNode>();
  const parts: OutlinePart[] = [section("A")];
  for (const area of AREAS_OF_NEED as readonly NeedArea[]) {
    const areaNeeds = needs.filter((n) => n.attrs.area === area);
    const needIds = new Set(areaNeeds.map((n) => n.attrs.id as string));
    const areaOutcomes = outcomes.filter(
      (o) => !placed.has(o) && (o.attrs.needIds as string[]).some((id) => needIds.has(id)),
    );
    areaOutcomes.forEach((o) => placed.add(o));
    const outcomeIds = new Set(areaOutcomes.map((o) => o.attrs.id as string));
    const areaProvisions = provisions.filter(
      (p) =>
        !placed.has(p) &&
        ((p.attrs.outcomeIds as string[]).some((id) => outcomeIds.has(id)) ||
          (p.attrs.needIds as string[]).some((id) => needIds.has(id))),
    );
    areaProvisions.forEach((p) => placed.add(p));
    parts.push({
      kind: "group",
      id: area,
      heading: AREA_NAMES[area],
      items: [...areaNeeds, ...areaOutcomes, ...areaProvisions],
      empty: "No needs have been identified in this area.",
    });
  }
  const restOutcomes = outcomes.filter((o) => !placed.has(o));
  if (restOutcomes.length > 0) {
    parts.push({
      kind: "group",
      id: "other-outcomes",
      heading: "Other outcomes (Section E)",
      items: restOutcomes,
      empty: "",
    });
  }
  const restProvisions = provisions.filter((p) => !placed.has(p));
  if (restProvisions.length > 0) {
    parts.push({
      kind: "group",
      id: "other-provision",
      heading: "Other special educational provision (Section F)",
      items: restProvisions,
      empty: "",
    });
  }
  const summary = itemsOf(sectionNode(doc, "B"), "needsSummary");
  if (summary.length > 0) {
    parts.splice(1, 0, {
      kind: "group",
      id: "needs-summary",
      heading: "Summary of special educational needs (Section B)",
      items: summary,
      empty: "",
    });
  }
  return [...parts, ...(["C", "D", "G", "H1", "H2", "I", "J", "K"] as const).map(section)];
}
