import type { Node as PMNode } from "@tiptap/pm/model";
import { eachItem } from "../model/eachItem.js";

export interface ItemSummary {
  readonly id: string;
  readonly label: string;
  readonly type: string;
  /** A need's title, or the first words of an outcome or a provision. */
  readonly title: string;
}

/** Every item of the plan by id, with its label and a few words to recognise it by. */
export function labelsById(doc: PMNode): Map<string, ItemSummary> {
  const items = new Map<string, ItemSummary>();
  eachItem(doc, (item, _pos, _section, label) => {
    const id = item.attrs.id as string;
    const text = (item.firstChild?.textContent || item.textContent).trim();
    const title = text.length > 60 ? `${text.slice(0, 57)}…` : text;
    items.set(id, { id, label, type: item.type.name, title });
  });
  return items;
}
