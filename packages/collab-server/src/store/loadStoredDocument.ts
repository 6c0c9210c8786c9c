import * as Y from "yjs";
import type { DocumentStore } from "./DocumentStore.js";

/** The origin of what is applied from the store: it is stored already. */
export const FROM_STORE = { source: "store" } as const;

/**
 * Applies a document's stored snapshot and logged updates to `doc` (a new one by default). Yjs
 * ignores what `doc` already has, so this also brings an open document up to date.
 */
export async function loadStoredDocument(
  store: DocumentStore,
  name: string,
  doc: Y.Doc = new Y.Doc(),
): Promise<Y.Doc> {
  const { snapshot, updates } = await store.load(name);
  Y.transact(
    doc,
    () => {
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const update of updates) Y.applyUpdate(doc, update);
    },
    FROM_STORE,
  );
  return doc;
}
