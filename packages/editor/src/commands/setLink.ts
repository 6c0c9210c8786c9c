import type { Command } from "@tiptap/pm/state";
import { findItemById } from "../model/findItem.js";

/** Which attribute of an item holds links to which kind of item. */
const LINKS: Record<string, Record<string, string>> = {
  outcome: { need: "needIds" },
  provision: { outcome: "outcomeIds", need: "needIds", advice: "adviceIds" },
  need: { advice: "adviceIds" },
};

/**
 * Links item `from` to item `to` (an outcome to a need it meets, a provision to an outcome it
 * serves, …), or with `linked: false` unlinks them. Refuses pairs that cannot be linked.
 */
export function setLink(from: string, to: string, linked = true): Command {
  return (state, dispatch) => {
    const source = findItemById(state.doc, from);
    const target = findItemById(state.doc, to);
    if (!source || !target) return false;
    const attr = LINKS[source.node.type.name]?.[target.node.type.name];
    if (!attr) return false;
    const current = (source.node.attrs[attr] as string[] | null) ?? [];
    const next = linked
      ? current.includes(to)
        ? current
        : [...current, to]
      : current.filter((id) => id !== to);
    if (next === current) return true;
    if (dispatch) dispatch(state.tr.setNodeAttribute(source.pos, attr, next));
    return true;
  };
}
