import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocumentStore } from "./DocumentStore.js";
import { PostgresDocumentStore } from "./PostgresDocumentStore.js";
import { SqliteDocumentStore } from "./SqliteDocumentStore.js";
import { POSTGRES_URL, postgresAvailable } from "@ehcp/fixtures/node";

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
    "keeps a summary beside each document to list it by, until a newer one is given",
    async () => {
      const store = open();
      const [created, compacted, logged] = [name(), name(), name()];
      const state = Y.encodeStateAsUpdate(new Y.Doc());
      const robin = { child: "Robin Castell", status: "draft" };
      await store.create(created, state, robin);
      const [a] = typedUpdates() as [Uint8Array];
      for (const doc of [compacted, logged]) await store.append(doc, a);
      await store.compact(compacted, a, () => true, { child: "Maya Okoro", status: "draft" });
      const mine = async () =>
        (await store.listSummaries!()).filter((entry) =>
          [created, compacted, logged].includes(entry.name),
        );
      expect(await mine()).toEqual(
        [
          { name: created, summary: robin },
          { name: compacted, summary: { child: "Maya Okoro", status: "draft" } },
          // Only in the log so far: no summary yet, so the server reads the document.
          { name: logged, summary: null },
        ].sort((x, y) => (x.name < y.name ? -1 : 1)),
      );
      // A newer summary replaces the old; storing without one keeps what there was.
      await store.compact(created, state, () => true, { ...robin, status: "final" });
      await store.compact(compacted, a, () => true);
      const now = new Map((await mine()).map((entry) => [entry.name, entry.summary]));
      expect(now.get(created)).toEqual({ child: "Robin Castell", status: "final" });
      expect(now.get(compacted)).toEqual({ child: "Maya Okoro", status: "draft" });
      expect(now.get(logged)).toBeNull();
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

  it.runIf(available)(
    "creates a document only under a new name, and lists every document",
    async () => {
      const store = open();
      const [fresh, logged] = [name(), name()];
      const state = Y.encodeStateAsUpdate(new Y.Doc());
      expect(await store.create(fresh, state)).toBe(true);
      expect(await store.create(fresh, state)).toBe(false);
      // A document that so far exists only as logged updates is taken too.
      await store.append(logged, typedUpdates()[0] as Uint8Array);
      expect(await store.create(logged, state)).toBe(false);
      expect((await store.load(logged)).snapshot).toBeNull();
      const listed = await store.list();
      expect(listed).toEqual(expect.arrayContaining([fresh, logged]));
      expect(listed).toEqual([...listed].sort());
      await store.close();
    },
  );

  it.runIf(available)("keeps versions whole and lists them oldest first", async () => {
    const store = open();
    const doc = name();
    const by = { id: "u-1", name: "Alex Caseworker", role: "caseworker" };
    const first = {
      id: "v-1",
      name: "Draft issued 13 October 2026",
      createdAt: "2026-10-13T09:00:00.000Z",
      createdBy: by,
      plan: '{"id":"one"}',
    };
    const second = { ...first, id: "v-2", name: "Final", createdAt: "2026-11-02T10:30:00.000Z" };
    await store.addVersion(doc, second);
    await store.addVersion(doc, first);
    await expect(store.addVersion(doc, first)).rejects.toThrow();
    const { plan: _plan, ...summary } = first;
    expect(await store.listVersions(doc)).toEqual([
      summary,
      expect.objectContaining({ id: "v-2" }),
    ]);
    expect(await store.getVersion(doc, "v-1")).toEqual(first);
    expect(await store.getVersion(doc, "v-3")).toBeNull();
    expect(await store.listVersions(name())).toEqual([]);
    await store.close();
  });

  it.runIf(available)(
    "binds a client id to the first user who claims it, for each document apart",
    async () => {
      const store = open();
      const doc = name();
      const other = name();
      expect(await store.clientOwner(doc, 4_000_000_001)).toBeNull();
      expect(await store.clientOwner(doc, 4_000_000_001, "ann")).toBe("ann");
      // A second claim, from another instance say, finds the first.
      expect(await store.clientOwner(doc, 4_000_000_001, "bob")).toBe("ann");
      expect(await store.clientOwner(doc, 4_000_000_001)).toBe("ann");
      expect(await store.clientOwner(other, 4_000_000_001, "bob")).toBe("bob");
      const [first, second] = await Promise.all([
        store.clientOwner(doc, 7, "carol"),
        store.clientOwner(doc, 7, "dave"),
      ]);
      expect(first).toBe(second);
      await store.close();
    },
  );

  it.runIf(available)("keeps the audit trail in the order it was written", async () => {
    const store = open();
    const doc = name();
    const entry = (minute: string) => ({
      user: { id: "u-1", role: "school" },
      minute,
      parts: ["F"],
      items: ["prov-1"],
      changes: 3,
    });
    await store.appendAudit(doc, [entry("2026-11-22T15:04:00.000Z")]);
    await store.appendAudit(doc, [
      entry("2026-11-22T15:05:00.000Z"),
      entry("2026-11-22T15:07:00.000Z"),
    ]);
    expect((await store.listAudit(doc)).map((e) => e.minute)).toEqual([
      "2026-11-22T15:04:00.000Z",
      "2026-11-22T15:05:00.000Z",
      "2026-11-22T15:07:00.000Z",
    ]);
    expect(await store.listAudit(name())).toEqual([]);
    await store.close();
  });
});

describe("an SQLite file from before summaries were kept", () => {
  it("opens, lists its plans without a summary, and keeps one once a plan is stored", async () => {
    const file = join(dir, "older.sqlite");
    const older = new Database(file);
    // The documents table as the first release made it.
    older.exec(`
      CREATE TABLE documents (
        name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `);
    const [a] = typedUpdates() as [Uint8Array];
    older
      .prepare("INSERT INTO documents (name, state) VALUES (?, ?)")
      .run("old-plan", Buffer.from(a));
    older.close();

    const store = new SqliteDocumentStore(file);
    expect(await store.listSummaries()).toEqual([{ name: "old-plan", summary: null }]);
    expect((await store.load("old-plan")).snapshot).toEqual(a);
    await store.compact("old-plan", a, () => true, { child: "Ash Patel", status: "final" });
    expect(await store.listSummaries()).toEqual([
      { name: "old-plan", summary: { child: "Ash Patel", status: "final" } },
    ]);
    await store.close();
  });
});

describe("SQLite group commit", () => {
  it("commits updates appended together in one transaction, each on disk when its append resolves, and what waits before closing", async () => {
    const file = join(dir, "group.sqlite");
    const store = new SqliteDocumentStore(file, { groupCommitMs: 50 });
    const updates = typedUpdates();
    // A second connection to the file sees only what has been committed.
    const reader = new Database(file, { readonly: true });
    const logged = () =>
      reader.prepare("SELECT count(*) AS n FROM document_updates").get() as { n: number };
    const answered: number[] = [];
    const appends = updates.map((u, i) => store.append("grouped", u).then(() => answered.push(i)));
    expect(logged().n).toBe(0);
    await appends[0];
    // All three went in the one commit the first one waited for, and were answered in order.
    expect(logged().n).toBe(3);
    await Promise.all(appends);
    expect(answered).toEqual([0, 1, 2]);
    // Closing does not wait for the window: what is waiting is committed first.
    const last = store.append("grouped", updates[0] as Uint8Array);
    await store.close();
    await last;
    expect(logged().n).toBe(4);
    reader.close();
  });
});
