export type { CollabServer, CollabServerOptions } from "./createCollabServer.js";
export { createCollabServer, openStore } from "./createCollabServer.js";
export type { DocumentStore, StoredDocument } from "./DocumentStore.js";
export { PostgresDocumentStore } from "./PostgresDocumentStore.js";
export { SqliteDocumentStore } from "./SqliteDocumentStore.js";
