export type { CollabServer, CollabServerOptions, ServerLimits } from "./createCollabServer.js";
export { createCollabServer, DEFAULT_LIMITS } from "./createCollabServer.js";
export { AuditTrail } from "./AuditTrail.js";
export { httpApi } from "./http/httpApi.js";
export type { HttpApiOptions } from "./http/httpApi.js";
export { HttpError } from "./http/HttpError.js";
export { MessageRateLimit } from "./ws/MessageRateLimit.js";
export type { MessageRateLimitOptions } from "./ws/MessageRateLimit.js";
export { PlanShadow } from "./PlanShadow.js";
export type { Sender, ShadowCheck } from "./PlanShadow.js";
export { summarizePlan } from "./summarizePlan.js";
export { openStore } from "./store/openStore.js";
export type {
  AuditEntry,
  AuditRefusal,
  DocumentStore,
  DocumentSummary,
  RefusalCode,
  StoredDocument,
  StoredVersion,
} from "./store/DocumentStore.js";
export { PostgresDocumentStore } from "./store/PostgresDocumentStore.js";
export { GROUP_COMMIT_MS, SqliteDocumentStore } from "./store/SqliteDocumentStore.js";
export type { SqliteStoreOptions } from "./store/SqliteDocumentStore.js";
export {
  DEVELOPMENT_SECRET_TABLE,
  postgresDevelopmentSecret,
} from "./store/postgresDevelopmentSecret.js";
export { ROLES, SignIn, SignInError } from "./signIn.js";
export type { Role, SignedInUser, SignInOptions } from "./signIn.js";
export { DEFAULT_SECTION_POLICY } from "./sectionPolicy.js";
export type { PlanPart, SectionPolicy } from "./sectionPolicy.js";
export { planPartOf } from "./ws/planPartOf.js";
