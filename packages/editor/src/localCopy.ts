import { IndexeddbPersistence } from "y-indexeddb";
import type * as Y from "yjs";

/** The start of the name of each plan's IndexedDB database. */
const PREFIX = "ehcp-plan:";

/** The browser's copy of one open plan, kept so that nothing typed is lost offline. */
export interface LocalCopy {
  /** Resolves once what the browser kept has been read into the document. */
  readonly loaded: Promise<void>;
  /**
   * Stops keeping the copy. `"if-alone"` then deletes it unless another tab has the plan open
   * (that tab's copy is the same database, and may hold what it has not saved yet); `"always"`
   * deletes it whatever (a copy holding a refused change, or on sign-out).
   */
  close(remove: false | "if-alone" | "always"): Promise<void>;
}

const databaseName = (key: string) => `${PREFIX}${key}`;

const deleteDatabase = (name: string) =>
  new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // Blocked by a tab that still has the plan open: it goes once that tab closes it.
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });

/**
 * Keeps the document in the browser's IndexedDB (with y-indexeddb), each change as it is made,
 * and reads back what an earlier page kept: a reload, a closed laptop or a crash while offline
 * loses nothing, and the kept changes merge with the server's when the connection returns.
 * Starts only after `after` (the removal of a copy this one replaces).
 */
export function keepLocalCopy(
  /** Whose and which plan: `user:planId`. */
  key: string,
  document: Y.Doc,
  after: Promise<void> = Promise.resolve(),
): LocalCopy {
  if (typeof indexedDB === "undefined") {
    return { loaded: Promise.resolve(), close: () => Promise.resolve() };
  }
  let persistence: IndexeddbPersistence | null = null;
  let closed = false;
  const name = databaseName(key);
  // Each tab with the plan open holds a shared lock on its copy, so that one closing knows
  // whether others still use it.
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const unlocked = locks?.request(`${name}:open`, { mode: "shared" }, () => held);
  const started = after.then(() => {
    if (closed) return;
    persistence = new IndexeddbPersistence(name, document);
    return persistence.whenSynced.then(() => undefined);
  });
  return {
    loaded: started,
    async close(remove) {
      closed = true;
      await started.catch(() => {});
      await (persistence as IndexeddbPersistence | null)?.destroy();
      release();
      await unlocked?.catch(() => {});
      if (remove === "always" || (remove === "if-alone" && !locks)) {
        await deleteDatabase(name);
      } else if (remove === "if-alone") {
        await locks?.request(`${name}:open`, { mode: "exclusive", ifAvailable: true }, (lock) =>
          lock ? deleteDatabase(name) : undefined,
        );
      }
    },
  };
}

/**
 * Deletes every plan this browser keeps (call it on sign-out): the copies hold what was written
 * about children, and the next person at this computer must not find them.
 */
export async function clearLocalCopies(): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => name?.startsWith(PREFIX) ?? false)
      .map(deleteDatabase),
  );
}
