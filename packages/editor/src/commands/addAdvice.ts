import type { Command } from "@tiptap/pm/state";
import { newAdvice } from "../model/newItem.js";
import { insertItem } from "./insertItem.js";

/** Adds an empty piece of advice to section K, selected, so its card can take its details. */
export function addAdvice(): Command {
  return (state, dispatch) => insertItem("K", () => newAdvice(state.schema))(state, dispatch);
}
