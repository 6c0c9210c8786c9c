/** What a store holds for one document: its last snapshot and the updates logged since. */
export interface StoredDocument {
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
}

/**
 * Where the collaboration server keeps documents. Every accepted update is appended to a log
 * before the client is told it arrived, so an acknowledged edit survives a crash; from time to
 * time the log is folded into a snapshot.
 */
export interface DocumentStore {
  /** The snapshot and the logged updates of a document; both empty for a new document. */
  load(name: string): Promise<StoredDocument>;
  /** Appends one update to the document's log; resolves once it is on disk. */
  append(name: string, update: Uint8Array): Promise<void>;
  /**
   * Merges a snapshot into the stored one and drops the logged updates it contains, oldest first, stopping at the
   * first it does not contain: an update logged but not yet applied when the snapshot was taken
   * stays in the log.
   */
  compact(
    name: string,
    snapshot: Uint8Array,
    contains: (update: Uint8Array) => boolean,
  ): Promise<void>;
  close(): Promise<void>;
}
