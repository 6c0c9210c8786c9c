import { mkdirSync } from "node:fs";
import { dirname, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import type {
  AuditEntry,
  DocumentStore,
  DocumentSummary,
  StoredDocument,
  StoredVersion,
} from "./DocumentStore.js";
import type {
  SqliteOperations,
  SqliteReply,
  SqliteRequest,
  SqliteWorkerData,
} from "./SqliteOperations.js";
import { sqliteSchema } from "./sqliteSchema.js";

export interface SqliteStoreOptions {
  /**
   * How long, in milliseconds, an appended update waits for others to share its commit (group
   * commit): one message to the store's thread and one fsync then make them all durable. 0
   * commits what was appended in one turn of the event loop together. Default
   * `GROUP_COMMIT_MS`.
   */
  readonly groupCommitMs?: number;
}

/**
 * The default group-commit window. A durable commit costs more CPU than checking an update (on
 * the benchmark's machine 0.1 to 0.2 ms for the fsync alone, and as much again to hand the group
 * to the store's thread and back); 30 people typing send about 150 updates a second, so 100 ms
 * gathers fifteen or so into one. The window delays only the writer's "saved", by at most that:
 * others are sent a keystroke as soon as it is checked (see `DurableAcks`), and a writer whose
 * keystrokes wait for their commit keeps them until they are acknowledged.
 */
export const GROUP_COMMIT_MS = 100;

// The worker is the compiled `sqliteWorker.js` beside this module in dist. Tests run this module
// from its TypeScript source, which Node cannot start a thread from: they use the built worker
// (the test run builds the package first, see `test/buildPackage.ts`).
const here = fileURLToPath(import.meta.url);
const WORKER =
  extname(here) === ".ts"
    ? new URL("../../dist/store/sqliteWorker.js", import.meta.url)
    : new URL("./sqliteWorker.js", import.meta.url);

/** Why a request to the store's thread failed; `code` is SQLite's (`SQLITE_BUSY`) when it has one. */
export class SqliteStoreError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = "SqliteStoreError";
    this.code = code;
  }
}

interface Waiting {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface PendingAppend extends Waiting {
  readonly name: string;
  readonly update: Uint8Array;
}

/**
 * Keeps documents in one SQLite file. WAL mode, and `synchronous = FULL`: each appended update is
 * durable before its `append` resolves. better-sqlite3 is synchronous, so the file is worked on
 * in a worker thread of its own (`sqliteWorker`): a commit's fsync or the read of a long plan
 * never holds up the server's event loop, and with it everyone else's keystrokes. Updates
 * appended within `groupCommitMs` of each other are sent to that thread together, in one buffer,
 * and committed there in one transaction, so one message and one fsync make them all durable;
 * each `append` still resolves only once its update is on disk, and rejects when it is not (the
 * file cannot be written, the thread died): nothing is reported saved that is not. Any other
 * request sends the appends waiting for their group first, so requests take effect in the order
 * they were made (a compaction never runs ahead of an update appended before it).
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly #data: SqliteWorkerData;
  readonly #groupCommitMs: number;
  #appends: PendingAppend[] = [];
  #appendTimer: ReturnType<typeof setTimeout> | undefined;
  #worker: Worker | null = null;
  #nextId = 0;
  readonly #waiting = new Map<number, Waiting>();
  #closing: Promise<void> | null = null;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    this.#data = { path };
    this.#groupCommitMs = options.groupCommitMs ?? GROUP_COMMIT_MS;
    if (path !== ":memory:") {
      mkdirSync(dirname(path), { recursive: true });
      // Opened here once, so that a file that is not a database, or one that cannot be written,
      // is refused when the server is made rather than at its first keystroke; the tables are
      // made or brought up to date here too, before anything waits on them.
      const db = new Database(path);
      try {
        sqliteSchema(db);
      } finally {
        db.close();
      }
    }
  }

  /** The store's thread, started again after one that died (its requests failed with it). */
  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER, { workerData: this.#data });
    worker.on("message", (reply: SqliteReply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if (this.#waiting.size === 0) worker.unref();
      if ("error" in reply)
        waiting.reject(new SqliteStoreError(reply.error.message, reply.error.code));
      else waiting.resolve(reply.value);
    });
    const stopped = (why: string) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      // What it had not answered may or may not be on disk: none of it is reported saved.
      const error = new SqliteStoreError(`the SQLite store's thread stopped (${why}); not saved`);
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
    };
    worker.on("error", (error) => stopped(error.message));
    worker.on("exit", (code) => stopped(`exit code ${code}`));
    this.#worker = worker;
    return worker;
  }

  #call<K extends keyof SqliteOperations>(
    op: K,
    ...args: Parameters<SqliteOperations[K]>
  ): Promise<ReturnType<SqliteOperations[K]>> {
    if (this.#closing && op !== "close") {
      return Promise.reject(new SqliteStoreError("the SQLite store is closed"));
    }
    this.#sendAppends();
    return this.#post(op, args);
  }

  #post<K extends keyof SqliteOperations>(
    op: K,
    args: readonly unknown[],
    transfer: ArrayBuffer[] = [],
  ): Promise<ReturnType<SqliteOperations[K]>> {
    const worker = this.#thread();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      // The thread keeps the process alive only while it owes an answer.
      if (this.#waiting.size === 0) worker.ref();
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, args } satisfies SqliteRequest, transfer);
    });
  }

  /** Sends the appends waiting for their group to the store's thread, as one request. */
  #sendAppends(): void {
    clearTimeout(this.#appendTimer);
    this.#appendTimer = undefined;
    const group = this.#appends;
    if (group.length === 0) return;
    this.#appends = [];
    // One buffer of the group's own, moved to the thread rather than copied: an update is often
    // a view into the larger buffer its message arrived in, which a copy would send whole.
    let size = 0;
    for (const { update } of group) size += update.byteLength;
    const data = new Uint8Array(size);
    let at = 0;
    for (const { update } of group) {
      data.set(update, at);
      at += update.byteLength;
    }
    this.#post(
      "appendMany",
      [group.map((a) => a.name), group.map((a) => a.update.byteLength), data],
      [data.buffer],
    ).then(
      () => {
        for (const append of group) append.resolve(undefined);
      },
      (error: unknown) => {
        for (const append of group) append.reject(error);
      },
    );
  }

  load(name: string): Promise<StoredDocument> {
    return this.#call("load", name);
  }

  append(name: string, update: Uint8Array): Promise<void> {
    if (this.#closing) return Promise.reject(new SqliteStoreError("the SQLite store is closed"));
    return new Promise((resolve, reject) => {
      this.#appends.push({ name, update, resolve: resolve as (value: unknown) => void, reject });
      if (this.#appends.length > 1) return;
      this.#appendTimer = setTimeout(() => this.#sendAppends(), this.#groupCommitMs);
    });
  }

  async compact(
    name: string,
    snapshot: Uint8Array,
    contains: (update: Uint8Array) => boolean,
    summary?: DocumentSummary,
  ): Promise<void> {
    // The log is read first and matched against the snapshot here (`contains` cannot cross to
    // the thread); updates logged meanwhile come after those read, so they all stay.
    let upTo: number | null = null;
    for (const update of await this.#call("logged", name)) {
      if (!contains(update.data)) break;
      upTo = update.seq;
    }
    await this.#call("compact", name, snapshot, upTo, summary ? JSON.stringify(summary) : null);
  }

  create(name: string, snapshot: Uint8Array, summary?: DocumentSummary): Promise<boolean> {
    return this.#call("create", name, snapshot, summary ? JSON.stringify(summary) : null);
  }

  list(): Promise<string[]> {
    return this.#call("list");
  }

  listSummaries(): Promise<{ name: string; summary: DocumentSummary | null }[]> {
    return this.#call("listSummaries");
  }

  addVersion(name: string, version: StoredVersion): Promise<void> {
    return this.#call("addVersion", name, version);
  }

  listVersions(name: string): Promise<Omit<StoredVersion, "plan">[]> {
    return this.#call("listVersions", name);
  }

  getVersion(name: string, id: string): Promise<StoredVersion | null> {
    return this.#call("getVersion", name, id);
  }

  appendAudit(name: string, entries: readonly AuditEntry[]): Promise<void> {
    return this.#call("appendAudit", name, entries);
  }

  listAudit(name: string): Promise<AuditEntry[]> {
    return this.#call("listAudit", name);
  }

  clientOwner(name: string, client: number, claimFor?: string): Promise<string | null> {
    return this.#call("clientOwner", name, client, claimFor);
  }

  close(): Promise<void> {
    // What waits for its group is committed (and answered) before the file closes; a thread
    // never started has nothing to close.
    this.#closing ??=
      this.#worker || this.#appends.length > 0 ? this.#call("close") : Promise.resolve();
    return this.#closing;
  }
}
