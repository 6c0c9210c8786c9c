// The SQLite store's worker thread: it owns the file's one write connection, so that no commit's
// fsync, no read of a long plan and no merge of its snapshot runs on the server's event loop,
// where every other person's keystroke would wait behind it. Requests are done in the order they
// arrive; a group of appends (gathered by the store on the event loop) is one transaction.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import * as Y from "yjs";
import type { AuditEntry, DocumentSummary, StoredVersion } from "./DocumentStore.js";
import type {
  SqliteOperations,
  SqliteReply,
  SqliteRequest,
  SqliteWorkerData,
} from "./SqliteOperations.js";
import { sqliteSchema } from "./sqliteSchema.js";

if (!parentPort)
  throw new Error("sqliteWorker runs only as a worker thread of SqliteDocumentStore");
const port = parentPort;
const { path } = workerData as SqliteWorkerData;

const db = new Database(path);
sqliteSchema(db);

// A copy with a buffer of its own: a view into a larger one would send all of it.
const bytes = (buffer: Buffer) => new Uint8Array(buffer);

const statements = {
  insertUpdate: db.prepare<[string, Buffer]>(
    "INSERT INTO document_updates (name, data) VALUES (?, ?)",
  ),
  state: db.prepare<[string], { state: Buffer }>("SELECT state FROM documents WHERE name = ?"),
  updates: db.prepare<[string], { seq: number; data: Buffer }>(
    "SELECT seq, data FROM document_updates WHERE name = ? ORDER BY seq",
  ),
  writeState: db.prepare<[string, Buffer, string | null]>(
    `INSERT INTO documents (name, state, summary) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET state = excluded.state,
       summary = coalesce(excluded.summary, documents.summary),
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ),
  dropLogged: db.prepare<[string, number]>(
    "DELETE FROM document_updates WHERE name = ? AND seq <= ?",
  ),
  anyLogged: db.prepare<[string]>("SELECT 1 FROM document_updates WHERE name = ? LIMIT 1"),
  createDocument: db.prepare<[string, Buffer, string | null]>(
    "INSERT INTO documents (name, state, summary) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
  ),
  names: db.prepare<[], { name: string }>(
    "SELECT name FROM documents UNION SELECT name FROM document_updates ORDER BY name",
  ),
  summaries: db.prepare<[], { name: string; summary: string | null }>(
    `SELECT name, summary FROM documents
     UNION SELECT name, NULL FROM document_updates
       WHERE name NOT IN (SELECT name FROM documents)
     ORDER BY name`,
  ),
  addVersion: db.prepare<[string, string, string, string, string, string]>(
    `INSERT INTO document_versions (name, id, label, created_at, created_by, plan)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  versions: db.prepare<[string], VersionRow>(
    `SELECT id, label, created_at, created_by FROM document_versions
     WHERE name = ? ORDER BY created_at, rowid`,
  ),
  version: db.prepare<[string, string], VersionRow & { plan: string }>(
    "SELECT id, label, created_at, created_by, plan FROM document_versions WHERE name = ? AND id = ?",
  ),
  addAudit: db.prepare<[string, string]>("INSERT INTO document_audit (name, entry) VALUES (?, ?)"),
  audit: db.prepare<[string], { entry: string }>(
    "SELECT entry FROM document_audit WHERE name = ? ORDER BY seq",
  ),
  claimClient: db.prepare<[string, number, string]>(
    "INSERT INTO document_clients (name, client, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
  ),
  clientOwner: db.prepare<[string, number], { user_id: string }>(
    "SELECT user_id FROM document_clients WHERE name = ? AND client = ?",
  ),
};

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

const insertUpdates = db.transaction(
  (names: readonly string[], lengths: readonly number[], data: Uint8Array) => {
    let at = 0;
    names.forEach((name, i) => {
      const length = lengths[i]!;
      statements.insertUpdate.run(name, Buffer.from(data.buffer, data.byteOffset + at, length));
      at += length;
    });
  },
);

const compact = db.transaction(
  (name: string, snapshot: Uint8Array, upTo: number | null, summary: string | null) => {
    // Several instances compact one document in turn, each from its own copy: merging keeps what
    // an earlier snapshot held even when this copy has not seen it yet (as `compactLog` does).
    const existing = statements.state.get(name);
    const merged = existing ? Y.mergeUpdates([bytes(existing.state), snapshot]) : snapshot;
    statements.writeState.run(name, Buffer.from(merged), summary);
    if (upTo !== null) statements.dropLogged.run(name, upTo);
  },
);

const create = db.transaction((name: string, snapshot: Uint8Array, summary: string | null) => {
  if (statements.anyLogged.get(name)) return false;
  return statements.createDocument.run(name, Buffer.from(snapshot), summary).changes === 1;
});

const appendAudit = db.transaction((name: string, entries: readonly AuditEntry[]) => {
  for (const entry of entries) statements.addAudit.run(name, JSON.stringify(entry));
});

const operations: SqliteOperations = {
  appendMany: (names, lengths, data) => insertUpdates(names, lengths, data),
  load: (name) => ({
    snapshot: ((row) => (row ? bytes(row.state) : null))(statements.state.get(name)),
    updates: statements.updates.all(name).map((row) => bytes(row.data)),
  }),
  logged: (name) =>
    statements.updates.all(name).map((row) => ({ seq: row.seq, data: bytes(row.data) })),
  compact: (name, snapshot, upTo, summary) => compact.immediate(name, snapshot, upTo, summary),
  create: (name, snapshot, summary) => create.immediate(name, snapshot, summary),
  list: () => statements.names.all().map((row) => row.name),
  listSummaries: () =>
    statements.summaries.all().map((row) => ({
      name: row.name,
      summary: row.summary === null ? null : (JSON.parse(row.summary) as DocumentSummary),
    })),
  addVersion: (name, version) => {
    statements.addVersion.run(
      name,
      version.id,
      version.name,
      version.createdAt,
      JSON.stringify(version.createdBy),
      version.plan,
    );
  },
  listVersions: (name) => statements.versions.all(name).map(versionFromRow),
  getVersion: (name, id) => {
    const row = statements.version.get(name, id);
    return row ? { ...versionFromRow(row), plan: row.plan } : null;
  },
  appendAudit: (name, entries) => appendAudit(name, entries),
  listAudit: (name) => statements.audit.all(name).map((row) => JSON.parse(row.entry) as AuditEntry),
  clientOwner: (name, client, claimFor) => {
    if (claimFor !== undefined) statements.claimClient.run(name, client, claimFor);
    return statements.clientOwner.get(name, client)?.user_id ?? null;
  },
  close: () => db.close(),
};

const failure = (id: number, error: unknown): SqliteReply => ({
  id,
  error: {
    message: error instanceof Error ? error.message : String(error),
    ...(typeof (error as { code?: unknown }).code === "string"
      ? { code: (error as { code: string }).code }
      : {}),
  },
});

port.on("message", (request: SqliteRequest) => {
  let reply: SqliteReply;
  try {
    const operation = operations[request.op as keyof typeof operations] as (
      ...args: readonly unknown[]
    ) => unknown;
    reply = { id: request.id, value: operation(...request.args) };
  } catch (error) {
    reply = failure(request.id, error);
  }
  port.postMessage(reply);
  if (request.op === "close") port.close();
});
