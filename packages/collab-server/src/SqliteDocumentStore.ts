import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import * as Y from "yjs";
import type { DocumentStore, StoredDocument } from "./DocumentStore.js";

/**
 * Keeps documents in one SQLite file. WAL mode lets reads go on while the server writes, and
 * `synchronous = FULL` makes each appended update durable before `append` returns.
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly #db: Database.Database;

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("synchronous = FULL");
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS documents (
        name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE TABLE IF NOT EXISTS document_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates (name, seq);
    `);
  }

  async load(name: string): Promise<StoredDocument> {
    const row = this.#db
      .prepare<[string], { state: Buffer }>("SELECT state FROM documents WHERE name = ?")
      .get(name);
    const updates = this.#db
      .prepare<[string], { data: Buffer }>(
        "SELECT data FROM document_updates WHERE name = ? ORDER BY seq",
      )
      .all(name);
    return {
      snapshot: row ? new Uint8Array(row.state) : null,
      updates: updates.map((u) => new Uint8Array(u.data)),
    };
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    this.#db
      .prepare("INSERT INTO document_updates (name, data) VALUES (?, ?)")
      .run(name, Buffer.from(update));
  }

  async compact(
    name: string,
    snapshot: Uint8Array,
    contains: (update: Uint8Array) => boolean,
  ): Promise<void> {
    this.#db.transaction(() => {
      const rows = this.#db
        .prepare<[string], { seq: number; data: Buffer }>(
          "SELECT seq, data FROM document_updates WHERE name = ? ORDER BY seq",
        )
        .all(name);
      let upTo = 0;
      for (const row of rows) {
        if (!contains(new Uint8Array(row.data))) break;
        upTo = row.seq;
      }
      // Several instances compact one document in turn, each from its own copy: merging keeps
      // what an earlier snapshot held even when this copy has not seen it yet.
      const existing = this.#db
        .prepare<[string], { state: Buffer }>("SELECT state FROM documents WHERE name = ?")
        .get(name);
      const merged = existing
        ? Y.mergeUpdates([new Uint8Array(existing.state), snapshot])
        : snapshot;
      this.#db
        .prepare(
          `INSERT INTO documents (name, state) VALUES (?, ?)
           ON CONFLICT (name) DO UPDATE SET state = excluded.state,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
        )
        .run(name, Buffer.from(merged));
      this.#db.prepare("DELETE FROM document_updates WHERE name = ? AND seq <= ?").run(name, upTo);
    })();
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}
