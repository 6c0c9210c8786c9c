export type { CollabServer, CollabServerOptions } from "./createCollabServer.js";
export { createCollabServer } from "./createCollabServer.js";
export { openStore } from "./openStore.js";
export type { DocumentStore, StoredDocument } from "./DocumentStore.js";
export { PostgresDocumentStore } from "./PostgresDocumentStore.js";
export { SqliteDocumentStore } from "./SqliteDocumentStore.js";
export { ROLES, SignIn, SignInError } from "./signIn.js";
export type { Role, SignedInUser, SignInOptions } from "./signIn.js";
