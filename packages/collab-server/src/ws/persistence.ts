import { createPlanChecker, type PlanChecker } from "@ehcp/quality";
import type { Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import { holdsPlan } from "../holdsPlan.js";
import { summarizePlan, summaryHead } from "../summarizePlan.js";
import type { DocumentStore } from "../store/DocumentStore.js";
import { FROM_STORE, loadStoredDocument } from "../store/loadStoredDocument.js";
import { encodedState } from "./encodedState.js";
import { SYNC_STEP_1 } from "./syncSteps.js";

/**
 * How long an open plan's stored summary may lag behind it while people type, in milliseconds.
 * Making one reads the whole plan and runs the checker (tens of milliseconds for a long plan),
 * and Hocuspocus stores a plan every few seconds while anyone types in it; this server lists an
 * open plan from the plan itself, so only other instances read the stored summary meanwhile.
 */
export const SUMMARY_EVERY_MS = 60_000;

/**
 * How often an open plan's log is folded into its snapshot while people type in it, at most, in
 * milliseconds. Every keystroke from a client is on disk in the log before its writer is told it
 * was saved, so folding is for the store's size and a plan's next opening, not for safety: it
 * encodes the whole plan and merges it with the stored one (tens of milliseconds for a long plan,
 * on the event loop and the store's thread), which Hocuspocus would otherwise do after every
 * pause in typing and every ten seconds of it. A change made on the server (a lifecycle step, an
 * accepted suggestion), which is in no log, is folded in at once, as is the plan when the last
 * person leaves.
 */
export const COMPACT_EVERY_MS = 60_000;

/**
 * Whether an update with this origin is stored already: applied from the store, taken from a
 * client (logged by `planPolicy` as it arrives) or relayed from another instance (which logged it).
 */
function isLogged(origin: unknown): boolean {
  if (origin === FROM_STORE) return true;
  const source = (origin as { source?: unknown } | null)?.source;
  return source === "connection" || source === "redis";
}

/** An error's kind for a log line: never its message or stack, which may quote the plan. */
const kindOf = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/**
 * Plans live in the store: loaded from its snapshot and log, brought up to date from it before
 * a client is sent the plan, and folded into a snapshot when Hocuspocus stores the document, at
 * most every `COMPACT_EVERY_MS` while what it holds is all in the log. The
 * summary plan lists show is stored with it when the child or the status changed, when the plan
 * is about to be unloaded (no one has it open), and otherwise at most every `SUMMARY_EVERY_MS`.
 * Taken updates are logged by `planPolicy` as they arrive.
 *
 * Each open plan has a checker of its own that remembers its fields, warmed when the plan is
 * loaded: a cold check of a long plan takes hundreds of milliseconds on the event loop, in which
 * no one's keystroke is relayed, so it is paid when the plan is opened, before anyone types in
 * it, and each summary while people type checks only what changed. The summary stored when the
 * plan was last closed stands until then. A warm-up that fails is logged and the plan opens; a
 * summary that fails is logged and the plan is stored without it.
 */
export function persistence(
  store: DocumentStore,
  now: () => number = Date.now,
  {
    newChecker = createPlanChecker,
    log = (line) => console.error(line),
  }: {
    /** Makes each open plan's checker (a test gives one that fails). */
    readonly newChecker?: () => PlanChecker;
    /** Where a warm-up that failed is noted: one line, no stack. */
    readonly log?: (line: string) => void;
  } = {},
): Extension {
  // Per open plan, when its summary was last stored and what it named.
  const summarized = new Map<string, { at: number; head: string }>();
  const checkers = new Map<string, PlanChecker>();
  // Per open plan, when its log was last folded, and whether it holds a change in no log.
  const compacted = new Map<string, number>();
  const unlogged = new Set<string>();
  const watched = new WeakSet<Y.Doc>();
  const watch = (name: string, document: Y.Doc) => {
    if (watched.has(document)) return;
    watched.add(document);
    document.on("update", (_update: Uint8Array, origin: unknown) => {
      if (!isLogged(origin)) unlogged.add(name);
    });
  };
  return {
    extensionName: "persistence",
    async onLoadDocument({ documentName, document }) {
      await loadStoredDocument(store, documentName, document);
      watch(documentName, document);
      const checker = newChecker();
      checkers.set(documentName, checker);
      if (!holdsPlan(document)) return;
      // Warming is only for speed: a checker that fails here must not keep the plan from
      // opening. A fresh one takes its place, its first check cold, at the next summary; the
      // summary stored when the plan was closed stands until then, as after a warm-up.
      try {
        summarizePlan(document, undefined, checker);
      } catch (error) {
        log(
          `plan ${JSON.stringify(documentName)}: the checker failed to warm (${kindOf(error)}); it runs cold at the next summary`,
        );
        checkers.set(documentName, newChecker());
      }
      summarized.set(documentName, { at: now(), head: JSON.stringify(summaryHead(document)) });
    },
    async beforeSync({ documentName, document, type }) {
      // The database, not Redis, is the record: before answering a client that asks for the
      // document (on connecting, and on each forced sync), take in whatever other instances
      // have logged, so an edit whose Redis relay was missed still reaches everyone.
      if (type === SYNC_STEP_1) await loadStoredDocument(store, documentName, document);
    },
    async onStoreDocument({ documentName, document }) {
      // Watched from its first store at the latest, which always folds.
      watch(documentName, document);
      const head = JSON.stringify(summaryHead(document));
      const last = summarized.get(documentName);
      const due =
        last === undefined ||
        last.head !== head ||
        document.getConnectionsCount() === 0 ||
        now() - last.at >= SUMMARY_EVERY_MS;
      const folded = compacted.get(documentName);
      const inLog = !unlogged.has(documentName);
      if (!due && inLog && folded !== undefined && now() - folded < COMPACT_EVERY_MS) return;
      // A change in no log made from here on marks the plan again, for the next store.
      unlogged.delete(documentName);
      const snapshot = Y.snapshot(document);
      // The summary is only for lists: a checker that fails must not stop the plan being stored.
      // The stored summary stands, and the next store tries again with a fresh checker.
      let summary: ReturnType<typeof summarizePlan> | undefined;
      if (due) {
        try {
          summary = summarizePlan(document, undefined, checkers.get(documentName));
        } catch (error) {
          log(
            `plan ${JSON.stringify(documentName)}: the checker failed while summarizing (${kindOf(error)}); the plan is stored and its summary is made at the next store`,
          );
          checkers.set(documentName, newChecker());
        }
      }
      try {
        await store.compact(
          documentName,
          encodedState(document),
          (update) => Y.snapshotContainsUpdate(snapshot, update),
          summary,
        );
      } catch (error) {
        if (!inLog) unlogged.add(documentName);
        throw error;
      }
      compacted.set(documentName, now());
      if (summary) summarized.set(documentName, { at: now(), head });
    },
    async afterUnloadDocument({ documentName }) {
      summarized.delete(documentName);
      checkers.delete(documentName);
      compacted.delete(documentName);
      unlogged.delete(documentName);
    },
  };
}
