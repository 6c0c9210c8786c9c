import type { DocumentStore } from "./DocumentStore.js";
import { PostgresDocumentStore } from "./PostgresDocumentStore.js";
import { SqliteDocumentStore } from "./SqliteDocumentStore.js";

/** A store for a `db` setting: a `postgres://` URL or a path to an SQLite file. */
export function openStore(db: string): DocumentStore {
  return /^postgres(ql)?:\/\//.test(db)
    ? new PostgresDocumentStore(db)
    : new SqliteDocumentStore(db);
}
