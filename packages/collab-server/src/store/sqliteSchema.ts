import type Database from "better-sqlite3";

/**
 * Opens the store's tables in `db`, making those missing and adding columns that files written by
 * earlier releases lack; safe to run on every open.
 */
export function sqliteSchema(db: Database.Database): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec(`
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
  const columns = db
    .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('documents')")
    .all();
  if (!columns.some((column) => column.name === "summary")) {
    db.exec("ALTER TABLE documents ADD COLUMN summary TEXT");
  }
}
