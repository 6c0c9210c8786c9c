import type { Command } from "@tiptap/pm/state";
import { findItem } from "../model/findItem.js";
import { newOutcome } from "../model/newItem.js";
import { insertItem } from "./insertItem.js";

/**
 * Adds an outcome to section E for the given needs, or, without any, for the need the cursor is
 * in; the cursor goes to the outcome's statement.
 */
export function addOutcome(needIds?: readonly string[]): Command {
  return (state, dispatch) => {
    const at = findItem(state.selection.$from);
    const ids = needIds ?? (at?.node.type.name === "need" ? [at.node.attrs.id as string] : []);
    return insertItem("E", () => newOutcome(state.schema, ids))(state, dispatch);
  };
}
