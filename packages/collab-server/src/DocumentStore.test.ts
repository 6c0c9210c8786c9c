import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { POSTGRES_URL, postgresAvailable } from "../test/postgres.js";
import type { DocumentStore } from "./DocumentStore.js";
import { PostgresDocumentStore } from "./PostgresDocumentStore.js";
import { SqliteDocumentStore } from "./SqliteDocumentStore.js";

const dir = mkdtempSync(join(tmpdir(), "ehcp-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasPostgres = await postgresAvailable();

/** Three updates typed into one text, one after the other, as a client sends them. */
function typedUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  for (const ch of "abc") doc.getText("t").insert(doc.getText("t").length, ch);
  return updates;
}

const stores: [string, boolean, () => DocumentStore][] = [
  ["SQLite", true, () => new SqliteDocumentStore(join(dir, `${Math.random()}.sqlite`))],
  ["PostgreSQL", hasPostgres, () => new PostgresDocumentStore(POSTGRES_URL)],
];

describe.each(stores)("%s document store", (_name, available, open) => {
  const name = () => `doc-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  it.runIf(available)(
    "returns nothing for a new document, and the updates in order once appended",
    async () => {
      const store = open();
      const doc = name();
      expect(await store.load(doc)).toEqual({ snapshot: null, updates: [] });
      const updates = typedUpdates();
      for (const u of updates) await store.append(doc, u);
      expect((await store.load(doc)).updates).toEqual(updates);
      expect((await store.load(name())).updates).toEqual([]);
      await store.close();
    },
  );

  it.runIf(available)(
    "folds the log into a snapshot but keeps updates the snapshot lacks",
    async () => {
      const store = open();
      const doc = name();
      const [a, b, c] = typedUpdates() as [Uint8Array, Uint8Array, Uint8Array];
      for (const u of [a, b, c]) await store.append(doc, u);
      // The server's document has applied a and b; c was logged but not yet applied.
      const server = new Y.Doc();
      Y.applyUpdate(server, a);
      Y.applyUpdate(server, b);
      const snapshot = Y.snapshot(server);
      await store.compact(doc, Y.encodeStateAsUpdate(server), (u) =>
        Y.snapshotContainsUpdate(snapshot, u),
      );
      const stored = await store.load(doc);
      expect(stored.updates).toEqual([c]);
      const restored = new Y.Doc();
      Y.applyUpdate(restored, stored.snapshot as Uint8Array);
      for (const u of stored.updates) Y.applyUpdate(restored, u);
      expect(restored.getText("t").toString()).toBe("abc");
      await store.close();
    },
  );

  it.runIf(available)(
    "keeps what each instance's snapshot holds when two compact in turn",
    async () => {
      const store = open();
      const doc = name();
      // Two instances, each with an edit the other has not seen yet.
      const [a, b] = [new Y.Doc(), new Y.Doc()];
      a.getText("t").insert(0, "from one");
      b.getText("u").insert(0, "from two");
      for (const d of [b, a]) {
        await store.append(doc, Y.encodeStateAsUpdate(d));
        const snapshot = Y.snapshot(d);
        await store.compact(doc, Y.encodeStateAsUpdate(d), (u) =>
          Y.snapshotContainsUpdate(snapshot, u),
        );
      }
      const stored = await store.load(doc);
      const restored = new Y.Doc();
      Y.applyUpdate(restored, stored.snapshot as Uint8Array);
      for (const u of stored.updates) Y.applyUpdate(restored, u);
      expect([restored.getText("t").toString(), restored.getText("u").toString()]).toEqual([
        "from one",
        "from two",
      ]);
      await store.close();
    },
  );
});
