import { CHANGE_KIND_NAMES as KIND, type ItemChange } from "@ehcp/schema";

const CHANGE: Record<ItemChange["change"], string> = {
  added: "Added",
  removed: "Removed",
  changed: "Changed",
};

/**
 * The comparison appendix's table in words: one row per added or removed item, and one per
 * changed field of a changed item.
 */
export function comparisonRows(
  changes: readonly ItemChange[],
): [string, string, string, string, string][] {
  return changes.flatMap((change) => {
    const item = `${KIND[change.kind]} ${change.label}`;
    if (change.fields.length === 0) return [[item, CHANGE[change.change], "", "", ""]];
    return change.fields.map(
      (field) =>
        [
          item,
          CHANGE[change.change],
          field.field,
          field.before || "(nothing)",
          field.after || "(nothing)",
        ] as [string, string, string, string, string],
    );
  });
}

export const COMPARISON_HEADER = ["Item", "Change", "Field", "Before", "After"] as const;
