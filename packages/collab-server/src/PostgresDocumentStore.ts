import pg from "pg";
import * as Y from "yjs";
import type { DocumentStore, StoredDocument } from "./DocumentStore.js";

/**
 * Keeps documents in PostgreSQL. Each append is its own committed statement, durable before it
 * returns under PostgreSQL's default `synchronous_commit = on`.
 */
export class PostgresDocumentStore implements DocumentStore {
  readonly #pool: pg.Pool;
  readonly #ready: Promise<void>;

  constructor(url: string) {
    this.#pool = new pg.Pool({ connectionString: url, max: 4 });
    this.#ready = this.#pool
      .query(
        `
        CREATE TABLE IF NOT EXISTS ehcp_documents (
          name TEXT PRIMARY KEY,
          state BYTEA NOT NULL,
          updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS ehcp_document_updates (
          seq BIGSERIAL PRIMARY KEY,
          name TEXT NOT NULL,
          data BYTEA NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ehcp_document_updates_name ON ehcp_document_updates (name, seq);
      `,
      )
      .then(() => undefined);
  }

  /** Resolves once the database is reachable and its tables exist; rejects with the reason if not. */
  ready(): Promise<void> {
    return this.#ready;
  }

  async load(name: string): Promise<StoredDocument> {
    await this.#ready;
    const snapshot = await this.#pool.query<{ state: Buffer }>(
      "SELECT state FROM ehcp_documents WHERE name = $1",
      [name],
    );
    const updates = await this.#pool.query<{ data: Buffer }>(
      "SELECT data FROM ehcp_document_updates WHERE name = $1 ORDER BY seq",
      [name],
    );
    return {
      snapshot: snapshot.rows[0] ? new Uint8Array(snapshot.rows[0].state) : null,
      updates: updates.rows.map((r) => new Uint8Array(r.data)),
    };
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    await this.#ready;
    await this.#pool.query("INSERT INTO ehcp_document_updates (name, data) VALUES ($1, $2)", [
      name,
      Buffer.from(update),
    ]);
  }

  async compact(
    name: string,
    snapshot: Uint8Array,
    contains: (update: Uint8Array) => boolean,
  ): Promise<void> {
    await this.#ready;
    const client = await this.#pool.connect();
    try {
      await client.query("BEGIN");
      const rows = await client.query<{ seq: string; data: Buffer }>(
        "SELECT seq, data FROM ehcp_document_updates WHERE name = $1 ORDER BY seq",
        [name],
      );
      let upTo = "0";
      for (const row of rows.rows) {
        if (!contains(new Uint8Array(row.data))) break;
        upTo = row.seq;
      }
      // Several instances compact one document in turn, each from its own copy: merging keeps
      // what an earlier snapshot held even when this copy has not seen it yet.
      const existing = await client.query<{ state: Buffer }>(
        "SELECT state FROM ehcp_documents WHERE name = $1 FOR UPDATE",
        [name],
      );
      const old = existing.rows[0]?.state;
      const merged = old ? Y.mergeUpdates([new Uint8Array(old), snapshot]) : snapshot;
      await client.query(
        `INSERT INTO ehcp_documents (name, state) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = now()`,
        [name, Buffer.from(merged)],
      );
      await client.query("DELETE FROM ehcp_document_updates WHERE name = $1 AND seq <= $2", [
        name,
        upTo,
      ]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
