import { markOfAttribute, type PlanNodeName, type PlanPart, planSchema } from "@ehcp/schema";
import * as Y from "yjs";
import type { Sender } from "./Sender.js";
import { type AnyType, describePlace, planPartOf } from "./planPartOf.js";
import { markAttributesProblem } from "./markAttributesProblem.js";
import { adviceRecordRefusal } from "./adviceRecordRefusal.js";
import { unsafeCharacter, unsafeInValue } from "./unsafeCharacter.js";

export const SUGGESTION_MARKS = new Set(["insertion", "deletion"]);

/** JSON with object keys sorted, so that one value written twice compares equal. */
export const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  ) ?? "null";

/** One suggestion mark, as a key: its kind and its attributes (id, author, name, role). */
export const suggestionKey = (mark: string, value: unknown) => `${mark}:${stable(value)}`;

/** Whether a suggestion mark's attributes name `sender`, as they signed in. */
export function namesSender(value: unknown, sender: Sender): boolean {
  const named = value as { by?: unknown; name?: unknown; role?: unknown } | null;
  return (
    typeof named === "object" &&
    named !== null &&
    named.by === sender.id &&
    named.name === sender.name &&
    named.role === sender.role
  );
}

/**
 * Why an item an update added may not be there, or null; its part (where Yjs really put it) is
 * noted in `parts`. The item is checked whole: only the content types a plan uses, attributes
 * the schema gives the node, no characters that hide what text says, and suggestion marks in the
 * sender's own name, unless an editor of the part carries one the plan holds (`planHolds`, given
 * `insertion:{…}` as `suggestionKey` writes it).
 */
export function checkAddedItem(
  item: Y.Item,
  sender: Sender,
  parts: Set<PlanPart>,
  planHolds: (suggestion: string) => boolean,
): string | null {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return "the update adds content with no place";
  const part = planPartOf(parent as AnyType);
  if (part === null) return "the update writes outside the plan";
  parts.add(part);
  const content = item.content;
  // Content deleted as it arrives holds nothing.
  if (content instanceof Y.ContentDeleted) return null;
  // Words for the place, worked out only for a refusal: typing makes no refusal.
  const where = () => describePlace(parent as AnyType);
  const key = item.parentSub;
  if (key !== null) {
    if (!(parent instanceof Y.XmlElement)) {
      return `${where()} takes no attributes, but the update sets "${key.slice(0, 40)}"`;
    }
    const attrs = planSchema.nodes[parent.nodeName as PlanNodeName]?.spec.attrs ?? {};
    if (!Object.hasOwn(attrs, key)) {
      return `${where()} has no attribute "${key.slice(0, 40)}"`;
    }
    if (!(content instanceof Y.ContentAny)) {
      return `${where()}: the attribute "${key}" holds something other than a value`;
    }
    const record = adviceRecordRefusal(parent.nodeName, key, sender);
    if (record) return `${where()}: ${record}`;
    const why = unsafeInValue(content.arr, key);
    return why && `${where()}: ${why}`;
  }
  if (parent instanceof Y.XmlText) {
    if (content instanceof Y.ContentString) {
      const why = unsafeCharacter(content.str);
      return why && `${where()}: ${why}`;
    }
    if (!(content instanceof Y.ContentFormat)) {
      return `${where()} holds something other than text`;
    }
    // Exactly a mark's name (or y-prosemirror's `name--hash` for a mark that may overlap
    // itself): any other key is text no reader shows, which y-prosemirror deletes on reading.
    const why0 = unsafeCharacter(content.key);
    if (why0) return `${where()}: a mark's name: ${why0}`;
    const mark = markOfAttribute(content.key);
    if (mark === null) {
      return `${where()}: unknown mark "${content.key.slice(0, 40)}"`;
    }
    const why = unsafeInValue(content.value, mark);
    if (why) return `${where()}: ${why}`;
    const value = content.value;
    // Null ends the mark; anything else is its attributes, which must be the schema's.
    const shape = value === null ? null : markAttributesProblem(mark, value);
    if (shape) return `${where()}: ${shape}`;
    if (
      SUGGESTION_MARKS.has(mark) &&
      value !== null &&
      !namesSender(value, sender) &&
      // Splitting a paragraph that holds someone's suggestion writes their mark again on the
      // words that move: an editor of the part may carry a suggestion the plan already has.
      !(sender.editable.has(part) && planHolds(suggestionKey(mark, value)))
    ) {
      return `${where()}: a suggestion must carry its author's name as signed in (${sender.name}, ${sender.role}); this one names someone else`;
    }
    return null;
  }
  if (!(content instanceof Y.ContentType)) {
    return `${where()} holds a kind of content the plan does not use`;
  }
  const type = content.type;
  if (type instanceof Y.XmlElement) {
    const name = type.nodeName;
    if (!Object.hasOwn(planSchema.nodes, name) || name === "doc" || name === "text") {
      return `unknown node type "${name.slice(0, 40)}"`;
    }
    return null;
  }
  return type instanceof Y.XmlText
    ? null
    : `${where()} holds a kind of content the plan does not use`;
}
