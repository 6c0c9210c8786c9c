import type { Sections } from "./plan.js";

const NEEDS = ["B", "C", "D"] as const;
const PROVISIONS = ["F", "G", "H1", "H2"] as const;

/**
 * The JSON path (from the plan's root) of the first thing in a plan that format version 1.2
 * added: an item's `source`, or a decision on advice; null when there is none.
 */
export function firstSourcePath(sections: Sections): (string | number)[] | null {
  for (const key of NEEDS) {
    const at = sections[key].needs.findIndex((n) => n.source !== undefined);
    if (at >= 0) return ["sections", key, "needs", at, "source"];
  }
  const outcome = sections.E.outcomes.findIndex((o) => o.source !== undefined);
  if (outcome >= 0) return ["sections", "E", "outcomes", outcome, "source"];
  for (const key of PROVISIONS) {
    const at = sections[key].provisions.findIndex((p) => p.source !== undefined);
    if (at >= 0) return ["sections", key, "provisions", at, "source"];
  }
  if (sections.K.decisions?.length) return ["sections", "K", "decisions", 0];
  return null;
}
