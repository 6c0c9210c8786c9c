import type { Finding } from "@ehcp/schema";
import type { Node as PMNode } from "@tiptap/pm/model";

/** The node type holding each Plan JSON text field a finding's path can end in. */
const FIELD_NODES: Readonly<Record<string, string>> = {
  what: "provisionWhat",
  deliveredBy: "provisionDeliveredBy",
  expertise: "provisionExpertise",
  title: "needTitle",
  description: "needDescription",
  statement: "outcomeStatement",
  summary: "needsSummary",
  notes: "budgetNotes",
};

/**
 * The field of `item` (found at `itemPos`) that a finding's path names, and the position just
 * before it; null when the finding is about the item as a whole or a field with no text node.
 */
export function findingField(
  item: PMNode,
  itemPos: number,
  finding: Pick<Finding, "path">,
): { readonly node: PMNode; readonly pos: number } | null {
  const name =
    finding.path
      .split(".")
      .at(-1)
      ?.replace(/\[\d+\]$/, "") ?? "";
  const type = FIELD_NODES[name];
  if (!type) return null;
  let field: { node: PMNode; pos: number } | null = null;
  item.descendants((node, pos) => {
    if (field) return false;
    if (node.type.name === type) field = { node, pos: itemPos + 1 + pos };
    return true;
  });
  return field;
}
