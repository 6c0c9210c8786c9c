import type { Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import { summarizePlan } from "../summarizePlan.js";
import type { DocumentStore } from "../store/DocumentStore.js";
import { loadStoredDocument } from "../store/loadStoredDocument.js";
import { SYNC_STEP_1 } from "./syncSteps.js";

/**
 * Plans live in the store: loaded from its snapshot and log, brought up to date from it before
 * a client is sent the plan, and folded into a snapshot (with the summary plan lists show) when
 * Hocuspocus stores the document. Taken updates are logged by `planPolicy` as they arrive.
 */
export function persistence(store: DocumentStore): Extension {
  return {
    extensionName: "persistence",
    async onLoadDocument({ documentName, document }) {
      await loadStoredDocument(store, documentName, document);
    },
    async beforeSync({ documentName, document, type }) {
      // The database, not Redis, is the record: before answering a client that asks for the
      // document (on connecting, and on each forced sync), take in whatever other instances
      // have logged, so an edit whose Redis relay was missed still reaches everyone.
      if (type === SYNC_STEP_1) await loadStoredDocument(store, documentName, document);
    },
    async onStoreDocument({ documentName, document }) {
      const snapshot = Y.snapshot(document);
      await store.compact(
        documentName,
        Y.encodeStateAsUpdate(document),
        (update) => Y.snapshotContainsUpdate(snapshot, update),
        summarizePlan(document),
      );
    },
  };
}
