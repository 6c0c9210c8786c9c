import type { Command } from "@tiptap/pm/state";
import { newView } from "../model/newItem.js";
import { insertItem } from "./insertItem.js";

/** Adds a view to section A (the child's own, about themselves, until changed) and puts the cursor in it. */
export function addView(): Command {
  return (state, dispatch) => insertItem("A", () => newView(state.schema))(state, dispatch);
}
