/** What a store holds for one document: its last snapshot and the updates logged since. */
export interface StoredDocument {
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
}

/**
 * What a list of plans shows of one, kept beside its document so that listing a council's
 * caseload reads no document.
 */
export interface DocumentSummary {
  readonly child: string | null;
  readonly status: string | null;
}

/** A named, immutable copy of a plan, kept as Plan JSON. */
export interface StoredVersion {
  readonly id: string;
  readonly name: string;
  /** ISO date and time. */
  readonly createdAt: string;
  readonly createdBy: { readonly id: string; readonly name: string; readonly role: string };
  /** The plan as Plan JSON text. */
  readonly plan: string;
}

/**
 * Why an edit or message was refused, as the audit trail keeps it: a kind, never the words.
 * `unreadable`: the update or message could not be read; `client-id`: content under another
 * person's client id; `client-ids`: more client ids than one editor uses; `too-large`: the plan
 * would grow past its limit; `pending`: it builds on changes the server does not have;
 * `content`: what it adds is not what the plan holds, or not where it says; `role`: a part the
 * sender's role may not change; `suggestion`: more than the sender may suggest, or under someone
 * else's name; `lifecycle`: a step only the lifecycle routes take; `invalid`: it would leave the
 * plan invalid or its links broken.
 */
export type RefusalCode =
  | "unreadable"
  | "client-id"
  | "client-ids"
  | "too-large"
  | "pending"
  | "content"
  | "role"
  | "suggestion"
  | "lifecycle"
  | "invalid";

/** Edits of one kind refused in one minute, and the parts they would have changed. */
export interface AuditRefusal {
  readonly reason: RefusalCode;
  /** The parts the refused edits would have changed, where known ("F", "meta"). */
  readonly parts: readonly string[];
  readonly count: number;
}

/** Who changed which parts of a plan in one minute; never what they wrote. */
export interface AuditEntry {
  readonly user: { readonly id: string; readonly role: string };
  /** The minute the changes fell in, as an ISO date and time (`2026-11-22T15:04:00.000Z`). */
  readonly minute: string;
  /**
   * Sections changed ("F"), or "meta" for the plan details, "structure" for the outline and
   * "advice-requests" for the requests for advice kept beside the plan.
   */
  readonly parts: readonly string[];
  /** Ids of the needs, outcomes, provisions and other items changed, added or removed. */
  readonly items: readonly string[];
  /** How many updates were accepted in that minute. */
  readonly changes: number;
  /** Edits and messages refused in that minute, by kind; absent when none were. */
  readonly refused?: readonly AuditRefusal[];
}

/**
 * Where the collaboration server keeps documents, their versions and their audit trail. Every
 * accepted update is appended to a log before the client is told it arrived, so an acknowledged
 * edit survives a crash; from time to time the log is folded into a snapshot.
 */
export interface DocumentStore {
  /** The snapshot and the logged updates of a document; both empty for a new document. */
  load(name: string): Promise<StoredDocument>;
  /** Appends one update to the document's log; resolves once it is on disk. */
  append(name: string, update: Uint8Array): Promise<void>;
  /**
   * Merges a snapshot into the stored one and drops the logged updates it contains, oldest first,
   * stopping at the first it does not contain: an update logged but not yet applied when the
   * snapshot was taken stays in the log.
   */
  compact(
    name: string,
    snapshot: Uint8Array,
    contains: (update: Uint8Array) => boolean,
    /** The document's summary as of the snapshot; without one, the stored summary stays. */
    summary?: DocumentSummary,
  ): Promise<void>;
  /** Stores a new document; resolves false, changing nothing, when the name is taken. */
  create(name: string, snapshot: Uint8Array, summary?: DocumentSummary): Promise<boolean>;
  /** The names of every stored document, in name order. */
  list(): Promise<string[]>;
  /**
   * Every stored document in name order, with the summary last given for it (null when none
   * was: a document so far only in the log, or stored before summaries were kept). A store
   * without it is listed by reading each document.
   */
  listSummaries?(): Promise<{ name: string; summary: DocumentSummary | null }[]>;
  /** Keeps a version; its id must be new for the document. */
  addVersion(name: string, version: StoredVersion): Promise<void>;
  /** The document's versions, oldest first, without their plans. */
  listVersions(name: string): Promise<Omit<StoredVersion, "plan">[]>;
  getVersion(name: string, id: string): Promise<StoredVersion | null>;
  appendAudit(name: string, entries: readonly AuditEntry[]): Promise<void>;
  /** The document's audit trail, oldest first. */
  listAudit(name: string): Promise<AuditEntry[]>;
  /**
   * The id of the user a Yjs client id of the document belongs to, or null if of no one. With
   * `claimFor`, a client id of no one becomes that user's first, atomically: of two instances
   * claiming one client id at once, one wins and both answer with the winner.
   */
  clientOwner(name: string, client: number, claimFor?: string): Promise<string | null>;
  close(): Promise<void>;
}
