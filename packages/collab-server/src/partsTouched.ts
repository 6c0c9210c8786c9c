import { PLAN_FRAGMENT_NAME } from "@ehcp/schema";
import * as Y from "yjs";
import type { PlanPart } from "./sectionPolicy.js";

const PARTS: Record<string, PlanPart> = {
  planDetails: "meta",
  sectionA: "A",
  sectionB: "B",
  sectionC: "C",
  sectionD: "D",
  sectionE: "E",
  sectionF: "F",
  sectionG: "G",
  sectionH1: "H1",
  sectionH2: "H2",
  sectionI: "I",
  sectionJ: "J",
  sectionK: "K",
};

type IdLike = { client: number; clock: number };

/**
 * The parts of a plan (sections, plan details, or its outline) that an update would change in
 * `doc`, read from the update without applying it. Each inserted item and each deletion is walked
 * up through its parents, in the document or in the update itself, to the section it lies in.
 * Returns null when an item's place cannot be found, so the caller can refuse what it cannot check.
 */
export function partsTouched(doc: Y.Doc, update: Uint8Array): Set<PlanPart> | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const store = (doc as unknown as { store: { clients: Map<number, (Y.Item | Y.GC)[]> } }).store;
  const inUpdate = new Map<number, Y.Item[]>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const list = inUpdate.get(s.id.client) ?? [];
    list.push(s);
    inUpdate.set(s.id.client, list);
  }
  /**
   * The update's item whose clock range holds `id`. An origin names one character, which is
   * often in the middle of a run of text the update carries as one item (text before a bold word).
   */
  const updateItem = (id: IdLike): Y.Item | undefined =>
    inUpdate
      .get(id.client)
      ?.find((item) => id.clock >= item.id.clock && id.clock < item.id.clock + item.length);

  /** The item in the document whose clock range holds `id`, if any. */
  const docItem = (id: IdLike): Y.Item | null => {
    const list = store.clients.get(id.client);
    if (!list || list.length === 0) return null;
    const last = list[list.length - 1] as Y.Item | Y.GC;
    if (id.clock >= last.id.clock + last.length) return null;
    const found = list[Y.findIndexSS(list as never, id.clock)];
    return found instanceof Y.Item ? found : null;
  };

  /** The part that holds the document's item `item` (a content item or a type's own item). */
  const partOfDocItem = (item: Y.Item): PlanPart | null => {
    let type = item.parent as Y.AbstractType<unknown> | null;
    let element: Y.AbstractType<unknown> | null = null;
    while (type && type._item) {
      element = type;
      type = type._item.parent as Y.AbstractType<unknown> | null;
    }
    // `type` is now the root the item lies in. Clients write only the plan's own fragment; other
    // roots (the comment threads) are the server's to write.
    if (type !== doc.share.get(PLAN_FRAGMENT_NAME)) return null;
    // `element` is now a child of the root fragment: a section, or the plan details. The root's
    // own children changing (a section added, removed or moved) changes the outline.
    if (!element || item.parent === type) return "structure";
    const name = element instanceof Y.XmlElement ? element.nodeName : "";
    return PARTS[name] ?? null;
  };

  /** The part an item of the update would land in. */
  const partOfNewItem = (item: Y.Item, depth = 0): PlanPart | null => {
    if (depth > 1000) return null;
    const parent = item.parent as unknown;
    if (typeof parent === "string") return parent === PLAN_FRAGMENT_NAME ? "structure" : null;
    if (parent && typeof parent === "object" && "client" in (parent as object)) {
      const id = parent as IdLike;
      const inDoc = docItem(id);
      if (inDoc) {
        // The parent is a type already in the document: changes inside it belong to its section.
        const content = inDoc.content as unknown as { type?: Y.AbstractType<unknown> };
        if (!content.type) return null;
        const holder = content.type;
        if (!holder._item) return "structure";
        const asChild = { parent: holder } as unknown as Y.Item;
        return partOfDocItem(asChild);
      }
      const pending = updateItem(id);
      return pending ? partOfNewItem(pending, depth + 1) : null;
    }
    // No parent written: the item sits beside its origin, in the same parent.
    for (const neighbour of [item.origin, item.rightOrigin]) {
      if (!neighbour) continue;
      const inDoc = docItem(neighbour);
      if (inDoc) return partOfDocItem(inDoc);
      const pending = updateItem(neighbour);
      if (pending) return partOfNewItem(pending, depth + 1);
    }
    return null;
  };

  const parts = new Set<PlanPart>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    // Items the document already holds change nothing.
    if (docItem(s.id)) continue;
    const part = partOfNewItem(s);
    if (part === null) return null;
    parts.add(part);
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len;) {
        const list = store.clients.get(client);
        const struct =
          list &&
          list.length > 0 &&
          clock < (list[list.length - 1] as Y.GC).id.clock + (list[list.length - 1] as Y.GC).length
            ? list[Y.findIndexSS(list as never, clock)]
            : undefined;
        if (!struct) break;
        if (!(struct instanceof Y.Item)) {
          clock = struct.id.clock + struct.length;
          continue;
        }
        const item = struct;
        const part = partOfDocItem(item);
        if (part === null) return null;
        parts.add(part);
        clock = item.id.clock + item.length;
      }
    }
  }
  return parts;
}
