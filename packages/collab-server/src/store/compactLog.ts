import * as Y from "yjs";
import type { DocumentSummary } from "./DocumentStore.js";

/** One logged update, with its place in the log (a database sequence, as the database gives it). */
export interface LoggedUpdate {
  readonly seq: number | string;
  readonly data: Uint8Array;
}

/**
 * What folding a document's log into its snapshot needs of a database, within one transaction:
 * all a store supplies to `compactLog`, its own SQL and nothing else.
 */
export interface CompactionDialect {
  /** The document's logged updates, oldest first. */
  loggedUpdates(name: string): Promise<readonly LoggedUpdate[]>;
  /** The document's stored snapshot, locked until the transaction ends where the database can. */
  storedState(name: string): Promise<Uint8Array | null>;
  /** Writes the snapshot; a summary replaces the stored one, none keeps it. */
  writeState(name: string, state: Uint8Array, summary: DocumentSummary | undefined): Promise<void>;
  /** Drops the logged updates up to and including `seq`. */
  dropLogged(name: string, seq: number | string): Promise<void>;
}

/**
 * Merges `snapshot` into the stored one and drops the logged updates it contains, oldest first,
 * stopping at the first it does not contain: an update logged but not applied when the snapshot
 * was taken stays in the log. Run it inside one transaction of `dialect`.
 */
export async function compactLog(
  dialect: CompactionDialect,
  name: string,
  snapshot: Uint8Array,
  contains: (update: Uint8Array) => boolean,
  summary: DocumentSummary | undefined,
): Promise<void> {
  let upTo: number | string | null = null;
  for (const update of await dialect.loggedUpdates(name)) {
    if (!contains(update.data)) break;
    upTo = update.seq;
  }
  // Several instances compact one document in turn, each from its own copy: merging keeps what
  // an earlier snapshot held even when this copy has not seen it yet.
  const existing = await dialect.storedState(name);
  await dialect.writeState(
    name,
    existing ? Y.mergeUpdates([existing, snapshot]) : snapshot,
    summary,
  );
  if (upTo !== null) await dialect.dropLogged(name, upTo);
}
