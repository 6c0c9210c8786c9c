import { FIELDS_NOT_COMPARED } from "./comparePlans.js";
import type { Plan } from "../json/plan.js";
import { planItems } from "./planItems.js";

/**
 * What an item of a plan says, as one string: two versions of an item have the same fingerprint
 * exactly when `comparePlans` finds nothing changed between them (the same section, and each
 * compared field the same). Null when the plan has no item with that id.
 */
export function itemFingerprint(plan: Plan, itemId: string): string | null {
  const item = planItems(plan).find((candidate) => candidate.id === itemId);
  if (!item) return null;
  const value = item.value as unknown as Record<string, unknown>;
  const fields = Object.keys(value)
    .filter((field) => !FIELDS_NOT_COMPARED.has(field) && value[field] !== undefined)
    .sort()
    .map((field) => [field, value[field]]);
  return JSON.stringify([item.section, fields]);
}
