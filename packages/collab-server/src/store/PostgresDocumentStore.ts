import pg from "pg";
import type {
  AuditEntry,
  DocumentStore,
  DocumentSummary,
  StoredDocument,
  StoredVersion,
} from "./DocumentStore.js";
import { type CompactionDialect, compactLog } from "./compactLog.js";

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
        -- Databases made before summaries were kept gain the column; their plans are listed by
        -- reading them until they are next stored.
        ALTER TABLE ehcp_documents ADD COLUMN IF NOT EXISTS summary JSONB;
        CREATE TABLE IF NOT EXISTS ehcp_document_updates (
          seq BIGSERIAL PRIMARY KEY,
          name TEXT NOT NULL,
          data BYTEA NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ehcp_document_updates_name ON ehcp_document_updates (name, seq);
        CREATE TABLE IF NOT EXISTS ehcp_document_versions (
          name TEXT NOT NULL,
          id TEXT NOT NULL,
          label TEXT NOT NULL,
          created_at TIMESTAMPTZ NOT NULL,
          created_by JSONB NOT NULL,
          plan TEXT NOT NULL,
          seq BIGSERIAL,
          PRIMARY KEY (name, id)
        );
        CREATE TABLE IF NOT EXISTS ehcp_document_audit (
          seq BIGSERIAL PRIMARY KEY,
          name TEXT NOT NULL,
          entry JSONB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ehcp_document_audit_name ON ehcp_document_audit (name, seq);
        CREATE TABLE IF NOT EXISTS ehcp_document_clients (
          name TEXT NOT NULL,
          client BIGINT NOT NULL,
          user_id TEXT NOT NULL,
          PRIMARY KEY (name, client)
        );
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
    summary?: DocumentSummary,
  ): Promise<void> {
    await this.#ready;
    const client = await this.#pool.connect();
    try {
      await client.query("BEGIN");
      await compactLog(dialectOf(client), name, snapshot, contains, summary);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async create(name: string, snapshot: Uint8Array, summary?: DocumentSummary): Promise<boolean> {
    await this.#ready;
    const result = await this.#pool.query(
      `INSERT INTO ehcp_documents (name, state, summary)
       SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM ehcp_document_updates WHERE name = $1)
       ON CONFLICT (name) DO NOTHING`,
      [name, Buffer.from(snapshot), summary ? JSON.stringify(summary) : null],
    );
    return result.rowCount === 1;
  }

  async list(): Promise<string[]> {
    await this.#ready;
    const result = await this.#pool.query<{ name: string }>(
      "SELECT name FROM ehcp_documents UNION SELECT name FROM ehcp_document_updates ORDER BY name",
    );
    return result.rows.map((row) => row.name);
  }

  async listSummaries(): Promise<{ name: string; summary: DocumentSummary | null }[]> {
    await this.#ready;
    const result = await this.#pool.query<{ name: string; summary: DocumentSummary | null }>(
      `SELECT name, summary FROM ehcp_documents
       UNION ALL SELECT DISTINCT name, NULL::jsonb FROM ehcp_document_updates
         WHERE name NOT IN (SELECT name FROM ehcp_documents)
       ORDER BY name`,
    );
    return result.rows.map((row) => ({ name: row.name, summary: row.summary }));
  }

  async addVersion(name: string, version: StoredVersion): Promise<void> {
    await this.#ready;
    await this.#pool.query(
      `INSERT INTO ehcp_document_versions (name, id, label, created_at, created_by, plan)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [name, version.id, version.name, version.createdAt, version.createdBy, version.plan],
    );
  }

  async listVersions(name: string): Promise<Omit<StoredVersion, "plan">[]> {
    await this.#ready;
    const result = await this.#pool.query<VersionRow>(
      `SELECT id, label, created_at, created_by FROM ehcp_document_versions
       WHERE name = $1 ORDER BY created_at, seq`,
      [name],
    );
    return result.rows.map(versionFromRow);
  }

  async getVersion(name: string, id: string): Promise<StoredVersion | null> {
    await this.#ready;
    const result = await this.#pool.query<VersionRow & { plan: string }>(
      `SELECT id, label, created_at, created_by, plan FROM ehcp_document_versions
       WHERE name = $1 AND id = $2`,
      [name, id],
    );
    const row = result.rows[0];
    return row ? { ...versionFromRow(row), plan: row.plan } : null;
  }

  async appendAudit(name: string, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.#ready;
    await this.#pool.query(
      "INSERT INTO ehcp_document_audit (name, entry) SELECT $1, unnest($2::jsonb[])",
      [name, entries.map((entry) => JSON.stringify(entry))],
    );
  }

  async listAudit(name: string): Promise<AuditEntry[]> {
    await this.#ready;
    const result = await this.#pool.query<{ entry: AuditEntry }>(
      "SELECT entry FROM ehcp_document_audit WHERE name = $1 ORDER BY seq",
      [name],
    );
    return result.rows.map((row) => row.entry);
  }

  async clientOwner(name: string, client: number, claimFor?: string): Promise<string | null> {
    await this.#ready;
    if (claimFor !== undefined) {
      await this.#pool.query(
        `INSERT INTO ehcp_document_clients (name, client, user_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [name, client, claimFor],
      );
    }
    const result = await this.#pool.query<{ user_id: string }>(
      "SELECT user_id FROM ehcp_document_clients WHERE name = $1 AND client = $2",
      [name, client],
    );
    return result.rows[0]?.user_id ?? null;
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

interface VersionRow {
  id: string;
  label: string;
  created_at: Date;
  created_by: StoredVersion["createdBy"];
}

const versionFromRow = (row: VersionRow): Omit<StoredVersion, "plan"> => ({
  id: row.id,
  name: row.label,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
});

/** Compaction's steps on one connection, inside its transaction. */
const dialectOf = (client: pg.PoolClient): CompactionDialect => ({
  loggedUpdates: async (name) =>
    (
      await client.query<{ seq: string; data: Buffer }>(
        "SELECT seq, data FROM ehcp_document_updates WHERE name = $1 ORDER BY seq",
        [name],
      )
    ).rows.map((row) => ({ seq: row.seq, data: new Uint8Array(row.data) })),
  storedState: async (name) => {
    const { rows } = await client.query<{ state: Buffer }>(
      "SELECT state FROM ehcp_documents WHERE name = $1 FOR UPDATE",
      [name],
    );
    return rows[0] ? new Uint8Array(rows[0].state) : null;
  },
  writeState: async (name, state, summary) => {
    await client.query(
      `INSERT INTO ehcp_documents (name, state, summary) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET state = excluded.state,
         summary = coalesce(excluded.summary, ehcp_documents.summary), updated_at = now()`,
      [name, Buffer.from(state), summary ? JSON.stringify(summary) : null],
    );
  },
  dropLogged: async (name, seq) => {
    await client.query("DELETE FROM ehcp_document_updates WHERE name = $1 AND seq <= $2", [
      name,
      seq,
    ]);
  },
});
