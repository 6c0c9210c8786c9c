import type { Plan, SectionKey } from "../json/plan.js";
import { type PlanItemKind, planItems } from "./planItems.js";

/** One field of an item that differs between two versions, as plain text. */
export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/** An item added, removed or changed between two versions of a plan. */
export interface ItemChange {
  readonly change: "added" | "removed" | "changed";
  readonly kind: PlanItemKind | "placement" | "budget";
  readonly section: SectionKey;
  readonly id: string;
  /** The item's label in the later version, or in the earlier one when it was removed. */
  readonly label: string;
  /** For a changed item, the fields that differ (steps of an outcome are items of their own). */
  readonly fields: readonly FieldChange[];
}

/** What each kind of changed thing is called, for people reading a comparison. */
export const CHANGE_KIND_NAMES: Readonly<Record<ItemChange["kind"], string>> = {
  view: "View",
  need: "Need",
  outcome: "Outcome",
  step: "Step",
  provision: "Provision",
  advice: "Advice",
  placement: "Placement",
  budget: "Personal budget",
};

/** A value as a reader sees it: rich text as its words, lists joined, structures spelled out. */
function readable(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    // Rich text is a list of blocks; anything else a list of ids or values.
    if (value.every((v) => v && typeof v === "object" && "type" in v)) {
      return value.map((block) => textOf(block)).join("\n");
    }
    return value.map(readable).join(", ");
  }
  const record = value as Record<string, unknown>;
  if ("sessions" in record && "per" in record && "minutes" in record) {
    return `${String(record.sessions)} × ${String(record.minutes)} minutes per ${String(record.per)}`;
  }
  return Object.entries(record)
    .map(([k, v]) => `${k}: ${readable(v)}`)
    .join("; ");
}

/** A block's words: text joined within a paragraph or heading, blocks on lines of their own. */
function textOf(node: unknown): string {
  const n = node as { type?: string; text?: string; content?: unknown[] };
  if (typeof n.text === "string") return n.text;
  const inline = n.type === "paragraph" || n.type === "heading";
  return (n.content ?? []).map(textOf).join(inline ? "" : "\n");
}

/** Fields a comparison passes over: the id it matches on, and steps, compared as items. */
export const FIELDS_NOT_COMPARED: ReadonlySet<string> = new Set(["id", "steps"]);

function fieldChanges(before: object, after: object): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (FIELDS_NOT_COMPARED.has(field)) continue;
    const a = (before as Record<string, unknown>)[field];
    const b = (after as Record<string, unknown>)[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes.push({ field, before: readable(a), after: readable(b) });
  }
  return changes;
}

/**
 * What changed between two versions of a plan, item by item, matched by id: the needs, outcomes
 * and their steps, provisions, views and advice added, removed or changed (with each changed
 * field before and after), then the placement (section I) and the personal budget (section J).
 * In the order of the later version, removed items after.
 */
export function comparePlans(before: Plan, after: Plan): ItemChange[] {
  const earlier = new Map(planItems(before).map((item) => [item.id, item]));
  const later = planItems(after);
  const changes: ItemChange[] = [];
  for (const item of later) {
    const old = earlier.get(item.id);
    if (!old || old.kind !== item.kind) {
      changes.push({
        change: "added",
        kind: item.kind,
        section: item.section,
        id: item.id,
        label: item.label,
        fields: [],
      });
      continue;
    }
    const fields = fieldChanges(old.value, item.value);
    if (old.section !== item.section) {
      fields.unshift({ field: "section", before: old.section, after: item.section });
    }
    if (fields.length > 0) {
      changes.push({
        change: "changed",
        kind: item.kind,
        section: item.section,
        id: item.id,
        label: item.label,
        fields,
      });
    }
  }
  const kept = new Set(later.map((item) => item.id));
  for (const item of earlier.values()) {
    if (!kept.has(item.id)) {
      changes.push({
        change: "removed",
        kind: item.kind,
        section: item.section,
        id: item.id,
        label: item.label,
        fields: [],
      });
    }
  }
  const placement = fieldChanges(
    { placement: before.sections.I.placement },
    { placement: after.sections.I.placement },
  );
  if (placement.length > 0) {
    changes.push({
      change: "changed",
      kind: "placement",
      section: "I",
      id: "I",
      label: "I",
      fields: placement,
    });
  }
  const budget = fieldChanges(before.sections.J, after.sections.J);
  if (budget.length > 0) {
    changes.push({
      change: "changed",
      kind: "budget",
      section: "J",
      id: "J",
      label: "J",
      fields: budget,
    });
  }
  return changes;
}
