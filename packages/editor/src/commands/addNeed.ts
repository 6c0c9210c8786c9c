import type { NeedsSectionKey } from "@ehcp/schema";
import type { Command } from "@tiptap/pm/state";
import { newNeed } from "../model/newItem.js";
import { insertItem } from "./insertItem.js";

/** Adds an empty need to section B, C or D and puts the cursor in its title. */
export function addNeed(section: NeedsSectionKey = "B"): Command {
  return (state, dispatch) =>
    insertItem(section, () => newNeed(state.schema, section))(state, dispatch);
}
