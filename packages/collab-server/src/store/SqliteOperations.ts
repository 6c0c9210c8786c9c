import type {
  AuditEntry,
  DocumentSummary,
  StoredDocument,
  StoredVersion,
} from "./DocumentStore.js";

/** A logged update with its place in the log, as the SQLite worker reads it. */
export interface SqliteLoggedUpdate {
  readonly seq: number;
  readonly data: Uint8Array;
}

/**
 * What the SQLite store's worker thread does for it, one operation a message, in the order sent
 * (see `sqliteWorker`). Every argument and answer crosses the thread by structured clone, so
 * there are no functions here: compaction is in two steps, the log read first and the caller
 * deciding how much of it the snapshot holds.
 */
export interface SqliteOperations {
  load(name: string): StoredDocument;
  /**
   * Commits a group of appended updates in one transaction: the `i`th update is `lengths[i]`
   * bytes of `data`, after those before it, in the log of `names[i]`. All or none are stored.
   */
  appendMany(names: readonly string[], lengths: readonly number[], data: Uint8Array): void;
  logged(name: string): SqliteLoggedUpdate[];
  /** Merges `snapshot` into the stored one and drops the log up to `upTo`, in one transaction. */
  compact(name: string, snapshot: Uint8Array, upTo: number | null, summary: string | null): void;
  create(name: string, snapshot: Uint8Array, summary: string | null): boolean;
  list(): string[];
  listSummaries(): { name: string; summary: DocumentSummary | null }[];
  addVersion(name: string, version: StoredVersion): void;
  listVersions(name: string): Omit<StoredVersion, "plan">[];
  getVersion(name: string, id: string): StoredVersion | null;
  appendAudit(name: string, entries: readonly AuditEntry[]): void;
  listAudit(name: string): AuditEntry[];
  clientOwner(name: string, client: number, claimFor: string | undefined): string | null;
  close(): void;
}

/** What the store asks its worker: operation `op` with `args`, answered under `id`. */
export interface SqliteRequest {
  readonly id: number;
  readonly op: keyof SqliteOperations;
  readonly args: readonly unknown[];
}

/** The worker's answer to request `id`: its value, or why it failed. */
export type SqliteReply =
  | { readonly id: number; readonly value: unknown }
  | { readonly id: number; readonly error: { readonly message: string; readonly code?: string } };

/** What the worker is started with. */
export interface SqliteWorkerData {
  readonly path: string;
}
