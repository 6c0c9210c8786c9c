export type { CollabServer, CollabServerOptions } from "./createCollabServer.js";
export { createCollabServer } from "./createCollabServer.js";
export type { DocumentStore } from "./DocumentStore.js";
export { SqliteDocumentStore } from "./SqliteDocumentStore.js";
