import { PROVISION_SECTION_KEYS } from "@ehcp/schema";
import type { Command } from "@tiptap/pm/state";
import { findItem } from "../model/findItem.js";
import { findSection } from "../model/findSection.js";
import { newBudgetItem } from "../model/newItem.js";
import { insertItem } from "./insertItem.js";

/**
 * Adds an item to the personal budget in section J for provision `provisionId`, or, without one,
 * for the provision the cursor is in or else the plan's first; refuses in a plan with no
 * provision, since an item of a budget pays for one. The cursor goes to what it will meet.
 */
export function addBudgetItem(provisionId?: string): Command {
  return (state, dispatch) => {
    const at = findItem(state.selection.$from);
    let id =
      provisionId ?? (at?.node.type.name === "provision" ? (at.node.attrs.id as string) : "");
    for (const key of PROVISION_SECTION_KEYS) {
      if (id) break;
      findSection(state.doc, key).node.forEach((node) => {
        if (!id && node.type.name === "provision") id = node.attrs.id as string;
      });
    }
    if (!id) return false;
    return insertItem("J", () => newBudgetItem(state.schema, id))(state, dispatch);
  };
}
