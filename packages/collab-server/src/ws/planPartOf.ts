import { PLAN_FRAGMENT_NAME, type PlanPart, planSchema, SECTION_KEY_OF } from "@ehcp/schema";
import * as Y from "yjs";

// Yjs types differ in their event type, which nothing here reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyType = Y.AbstractType<any>;

/** The node that holds the plan details; every other child of the plan's root is a section. */
const PLAN_DETAILS = "planDetails";

/**
 * The part of the plan a Yjs type lies in, read from where the type really is in the document
 * (its chain of parents), never from what an update claimed: "structure" for the plan's root,
 * "meta" inside the plan details, the section's key inside a section (from the schema's
 * `SECTION_KEY_OF`). Null for anything outside the plan's fragment (the comment threads, a root
 * an update made up) or under a child of the root that is neither.
 */
export function planPartOf(type: AnyType): PlanPart | null {
  let child: AnyType | null = null;
  let at: AnyType = type;
  for (let depth = 0; at._item; depth++) {
    // An update cannot build a chain this deep: the schema stops far sooner. A guard, not a rule.
    if (depth > 10_000) return null;
    child = at;
    at = at._item.parent as AnyType;
  }
  if (!at.doc || at.doc.share.get(PLAN_FRAGMENT_NAME) !== at) return null;
  if (child === null) return "structure";
  const name = child instanceof Y.XmlElement ? child.nodeName : "";
  if (name === PLAN_DETAILS) return "meta";
  return SECTION_KEY_OF[name] ?? null;
}

/**
 * The node types that are items of the plan, read from the schema: its `item` group (a view in
 * A, needs, outcomes, provisions, advice), and whatever else carries an id (an outcome's steps).
 * Each is checked as a whole when anything inside it changes, and named by its id.
 */
export const PLAN_ITEM_NODES: ReadonlySet<string> = new Set(
  Object.values(planSchema.nodes)
    .filter(({ spec }) => spec.group === "item" || Object.hasOwn(spec.attrs ?? {}, "id"))
    .map(({ name }) => name),
);

/** The innermost item of the plan (see `PLAN_ITEM_NODES`) that a type lies in, or is. */
export function itemOf(type: AnyType): Y.XmlElement | null {
  for (let at: AnyType | null = type, depth = 0; at && depth < 10_000; depth++) {
    if (at instanceof Y.XmlElement && PLAN_ITEM_NODES.has(at.nodeName)) return at;
    at = (at._item?.parent as AnyType | undefined) ?? null;
  }
  return null;
}

/** The part an item of the document changes: that of the type it lies in. */
export const partOfItem = (item: Y.Item): PlanPart | null =>
  item.parent instanceof Y.AbstractType ? planPartOf(item.parent as AnyType) : null;

/** Words for where a type is, for a refusal: "provisionDeliveredBy in provision F1-a, section F". */
export function describePlace(type: AnyType): string {
  const names: string[] = [];
  for (let at: AnyType | null = type, depth = 0; at?._item && depth < 50; depth++) {
    if (at instanceof Y.XmlElement) {
      const id = at.getAttribute("id");
      names.push(typeof id === "string" ? `${at.nodeName} ${id}` : at.nodeName);
    } else if (at instanceof Y.XmlText) {
      names.push("text");
    }
    at = at._item.parent as AnyType;
  }
  return names.length ? names.join(" in ") : "the plan's outline";
}
