import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type {
  AuditEntry,
  DocumentStore,
  DocumentSummary,
  StoredDocument,
  StoredVersion,
} from "./DocumentStore.js";
import { type CompactionDialect, compactLog } from "./compactLog.js";

export interface SqliteStoreOptions {
  /**
   * How long, in milliseconds, an appended update waits for others to share its commit (group
   * commit): one fsync then makes them all durable. 0 commits what arrived in the same turn of
   * the event loop. Default `GROUP_COMMIT_MS`.
   */
  readonly groupCommitMs?: number;
}

/**
 * The default group-commit window. An fsync costs the server more CPU than checking an update,
 * and while it runs nothing else does; 30 people typing send about 150 updates a second, so a
 * few milliseconds gathers several into one, and adds no more than that before the
 * acknowledgement (the target for others seeing a keystroke is 50 ms).
 */
export const GROUP_COMMIT_MS = 4;

interface PendingAppend {
  readonly name: string;
  readonly data: Buffer;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Keeps documents in one SQLite file. WAL mode lets reads go on while the server writes, and
 * `synchronous = FULL` makes each appended update durable before `append` returns. Updates
 * appended within `groupCommitMs` of each other are committed in one transaction, so one fsync
 * makes them all durable; each `append` still resolves only once its update is on disk.
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly #db: Database.Database;
  readonly #groupCommitMs: number;
  #appends: PendingAppend[] = [];
  #appendTimer: { cancel(): void } | null = null;
  readonly #insertUpdate: Database.Statement<[string, Buffer]>;
  readonly #commitAppends: (batch: readonly PendingAppend[]) => void;
  // Compaction is one transaction around awaited steps, and this file has one connection: a write
  // made meanwhile would join that transaction (and be lost if it rolled back), so writes wait.
  #writes: Promise<unknown> = Promise.resolve();
  readonly #dialect: CompactionDialect = {
    loggedUpdates: async (name) =>
      this.#db
        .prepare<[string], { seq: number; data: Buffer }>(
          "SELECT seq, data FROM document_updates WHERE name = ? ORDER BY seq",
        )
        .all(name)
        .map((row) => ({ seq: row.seq, data: new Uint8Array(row.data) })),
    storedState: async (name) => {
      const row = this.#db
        .prepare<[string], { state: Buffer }>("SELECT state FROM documents WHERE name = ?")
        .get(name);
      return row ? new Uint8Array(row.state) : null;
    },
    writeState: async (name, state, summary) => {
      this.#db
        .prepare(
          `INSERT INTO documents (name, state, summary) VALUES (?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET state = excluded.state,
             summary = coalesce(excluded.summary, documents.summary),
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
        )
        .run(name, Buffer.from(state), summary ? JSON.stringify(summary) : null);
    },
    dropLogged: async (name, seq) => {
      this.#db.prepare("DELETE FROM document_updates WHERE name = ? AND seq <= ?").run(name, seq);
    },
  };

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.#groupCommitMs = options.groupCommitMs ?? GROUP_COMMIT_MS;
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma("journal_mode = WAL");
    this.#db.pragma("synchronous = FULL");
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS documents (
        name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        summary TEXT
      ) STRICT;
      CREATE TABLE IF NOT EXISTS document_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates (name, seq);
      CREATE TABLE IF NOT EXISTS document_versions (
        name TEXT NOT NULL,
        id TEXT NOT NULL,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        plan TEXT NOT NULL,
        PRIMARY KEY (name, id)
      ) STRICT;
      CREATE TABLE IF NOT EXISTS document_audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        entry TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS document_audit_name ON document_audit (name, seq);
      CREATE TABLE IF NOT EXISTS document_clients (
        name TEXT NOT NULL,
        client INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (name, client)
      ) STRICT;
    `);
    // Files written before summaries were kept gain the column; their plans are listed by reading
    // them until they are next stored.
    const columns = this.#db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('documents')")
      .all();
    if (!columns.some((column) => column.name === "summary")) {
      this.#db.exec("ALTER TABLE documents ADD COLUMN summary TEXT");
    }
    this.#insertUpdate = this.#db.prepare(
      "INSERT INTO document_updates (name, data) VALUES (?, ?)",
    );
    this.#commitAppends = this.#db.transaction((batch: readonly PendingAppend[]) => {
      for (const { name, data } of batch) this.#insertUpdate.run(name, data);
    });
  }

  /** Runs `write` once the writes before it are done. */
  #serially<T>(write: () => T | Promise<T>): Promise<T> {
    const done = this.#writes.then(() => write());
    this.#writes = done.catch(() => {});
    return done;
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

  append(name: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#appends.push({ name, data: Buffer.from(update), resolve, reject });
      if (this.#appends.length > 1) return;
      const commit = () => void this.#commitPending();
      if (this.#groupCommitMs > 0) {
        const timer = setTimeout(commit, this.#groupCommitMs);
        this.#appendTimer = { cancel: () => clearTimeout(timer) };
      } else {
        const immediate = setImmediate(commit);
        this.#appendTimer = { cancel: () => clearImmediate(immediate) };
      }
    });
  }

  /** Commits the appends waiting for their group, in one transaction, and answers each. */
  #commitPending(): Promise<void> {
    this.#appendTimer?.cancel();
    this.#appendTimer = null;
    const batch = this.#appends;
    this.#appends = [];
    if (batch.length === 0) return this.#writes.then(() => {});
    // In the order they were appended, after any write begun before (a compaction).
    return this.#serially(() => this.#commitAppends(batch)).then(
      () => batch.forEach((append) => append.resolve()),
      (error: unknown) => batch.forEach((append) => append.reject(error)),
    );
  }

  async compact(
    name: string,
    snapshot: Uint8Array,
    contains: (update: Uint8Array) => boolean,
    summary?: DocumentSummary,
  ): Promise<void> {
    await this.#serially(async () => {
      this.#db.exec("BEGIN IMMEDIATE");
      try {
        await compactLog(this.#dialect, name, snapshot, contains, summary);
        this.#db.exec("COMMIT");
      } catch (error) {
        this.#db.exec("ROLLBACK");
        throw error;
      }
    });
  }

  async create(name: string, snapshot: Uint8Array, summary?: DocumentSummary): Promise<boolean> {
    return this.#serially(
      this.#db.transaction(() => {
        const logged = this.#db
          .prepare("SELECT 1 FROM document_updates WHERE name = ? LIMIT 1")
          .get(name);
        if (logged) return false;
        const result = this.#db
          .prepare(
            "INSERT INTO documents (name, state, summary) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
          )
          .run(name, Buffer.from(snapshot), summary ? JSON.stringify(summary) : null);
        return result.changes === 1;
      }),
    );
  }

  async list(): Promise<string[]> {
    return this.#db
      .prepare<[], { name: string }>(
        "SELECT name FROM documents UNION SELECT name FROM document_updates ORDER BY name",
      )
      .all()
      .map((row) => row.name);
  }

  async listSummaries(): Promise<{ name: string; summary: DocumentSummary | null }[]> {
    return this.#db
      .prepare<[], { name: string; summary: string | null }>(
        `SELECT name, summary FROM documents
         UNION SELECT name, NULL FROM document_updates
           WHERE name NOT IN (SELECT name FROM documents)
         ORDER BY name`,
      )
      .all()
      .map((row) => ({
        name: row.name,
        summary: row.summary === null ? null : (JSON.parse(row.summary) as DocumentSummary),
      }));
  }

  async addVersion(name: string, version: StoredVersion): Promise<void> {
    await this.#serially(() =>
      this.#db
        .prepare(
          `INSERT INTO document_versions (name, id, label, created_at, created_by, plan)
         VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          name,
          version.id,
          version.name,
          version.createdAt,
          JSON.stringify(version.createdBy),
          version.plan,
        ),
    );
  }

  async listVersions(name: string): Promise<Omit<StoredVersion, "plan">[]> {
    return this.#db
      .prepare<[string], VersionRow>(
        `SELECT id, label, created_at, created_by FROM document_versions
         WHERE name = ? ORDER BY created_at, rowid`,
      )
      .all(name)
      .map(versionFromRow);
  }

  async getVersion(name: string, id: string): Promise<StoredVersion | null> {
    const row = this.#db
      .prepare<[string, string], VersionRow & { plan: string }>(
        "SELECT id, label, created_at, created_by, plan FROM document_versions WHERE name = ? AND id = ?",
      )
      .get(name, id);
    return row ? { ...versionFromRow(row), plan: row.plan } : null;
  }

  async appendAudit(name: string, entries: readonly AuditEntry[]): Promise<void> {
    const insert = this.#db.prepare("INSERT INTO document_audit (name, entry) VALUES (?, ?)");
    await this.#serially(
      this.#db.transaction(() => {
        for (const entry of entries) insert.run(name, JSON.stringify(entry));
      }),
    );
  }

  async listAudit(name: string): Promise<AuditEntry[]> {
    return this.#db
      .prepare<[string], { entry: string }>(
        "SELECT entry FROM document_audit WHERE name = ? ORDER BY seq",
      )
      .all(name)
      .map((row) => JSON.parse(row.entry) as AuditEntry);
  }

  async clientOwner(name: string, client: number, claimFor?: string): Promise<string | null> {
    if (claimFor !== undefined) {
      await this.#serially(() =>
        this.#db
          .prepare(
            "INSERT INTO document_clients (name, client, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          )
          .run(name, client, claimFor),
      );
    }
    const row = this.#db
      .prepare<[string, number], { user_id: string }>(
        "SELECT user_id FROM document_clients WHERE name = ? AND client = ?",
      )
      .get(name, client);
    return row?.user_id ?? null;
  }

  async close(): Promise<void> {
    // What waits for its group is committed (and answered) before the file closes.
    await this.#commitPending();
    await this.#serially(() => this.#db.close());
  }
}

interface VersionRow {
  id: string;
  label: string;
  created_at: string;
  created_by: string;
}

const versionFromRow = (row: VersionRow): Omit<StoredVersion, "plan"> => ({
  id: row.id,
  name: row.label,
  createdAt: row.created_at,
  createdBy: JSON.parse(row.created_by) as StoredVersion["createdBy"],
});
