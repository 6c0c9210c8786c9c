/** Where the collaboration server keeps each document's Yjs state. */
export interface DocumentStore {
  /** The stored state of a document, or null for a document never stored. */
  load(name: string): Promise<Uint8Array | null>;
  /** Replaces the stored state of a document; resolves once it is on disk. */
  store(name: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
