import type { SectionKey } from "../json/plan.js";

/**
 * The label of the item at a 0-based position in a section: B1, F12, and H1.2 or H2.3 where the
 * section's own name ends in a digit, so "H13" is never ambiguous.
 */
export function labelAt(section: SectionKey, index: number): string {
  return /\d$/.test(section) ? `${section}.${index + 1}` : `${section}${index + 1}`;
}
