import type { Plan } from "../json/plan.js";
import { planItems } from "./planItems.js";

/**
 * Maps each item id to the label people read (B1, E3, E3.1, F12, H1.2), derived from position and
 * never stored. Where two items share an id, the first keeps the label.
 */
export function labelPlan(plan: Plan): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  for (const item of planItems(plan)) {
    if (!labels.has(item.id)) labels.set(item.id, item.label);
  }
  return labels;
}
