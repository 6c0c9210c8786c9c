import { POSTGRES_URL, postgresAvailable } from "@ehcp/fixtures/node";
import type { DocumentStore } from "../src/index.js";
import { PostgresDocumentStore } from "../src/store/PostgresDocumentStore.js";

/**
 * The stores a server test runs on, for `describe.each`: its name, whether it can run here, and
 * how `startTestServer` opens it (none: the server's own SQLite file).
 */
export const testStores: [string, boolean, ((file: string) => DocumentStore) | undefined][] = [
  ["SQLite", true, undefined],
  ["PostgreSQL", await postgresAvailable(), () => new PostgresDocumentStore(POSTGRES_URL)],
];
