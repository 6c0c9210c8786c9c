import type { Sender } from "./Sender.js";

/**
 * Why `sender` may not write the attribute `key` of a `node`, or null: where an item came from in
 * the advice (`source`) and what became of each recommendation (a decision on advice) are the
 * council's record of how it used the advice, kept by its caseworker. Anyone else who may edit
 * the section (a school in F, a professional in their own advice) still changes the item's words
 * and values, and a parent's suggestion cannot carry a source, since both are values, not words.
 */
export function adviceRecordRefusal(node: string, key: string, sender: Sender): string | null {
  if (sender.role === "caseworker") return null;
  if (node === "adviceDecision") {
    return `only a caseworker records a decision on advice; ${sender.role} may not`;
  }
  if (key === "source") {
    return `only a caseworker records which advice an item came from; ${sender.role} may not set its source`;
  }
  return null;
}
