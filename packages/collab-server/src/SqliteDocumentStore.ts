import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { DocumentStore } from "./DocumentStore.js";

/**
 * Keeps each document's Yjs state in one SQLite file. WAL mode lets readers go on while the server
 * writes, and `synchronous = FULL` makes a write durable once it returns.
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly #db: Database.Database;
  readonly #load: Database.Statement<[string], { state: Buffer }>;
  readonly #save: Database.Statement<[string, Buffer]>;

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("synchronous = FULL");
    this.#db.exec(`CREATE TABLE IF NOT EXISTS documents (
      name TEXT PRIMARY KEY,
      state BLOB NOT NULL,
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT`);
    this.#load = this.#db.prepare("SELECT state FROM documents WHERE name = ?");
    this.#save = this.#db.prepare(
      `INSERT INTO documents (name, state) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET state = excluded.state,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    );
  }

  async load(name: string): Promise<Uint8Array | null> {
    const row = this.#load.get(name);
    return row ? new Uint8Array(row.state) : null;
  }

  async store(name: string, state: Uint8Array): Promise<void> {
    this.#save.run(name, Buffer.from(state));
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}
