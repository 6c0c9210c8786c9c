import { HocuspocusProvider, type HocuspocusProviderConfiguration } from "@hocuspocus/provider";
import * as Y from "yjs";

/**
 * How long typing gathers after a change is sent before the next goes, in milliseconds. A
 * keystroke waits at most this long, so it bounds what batching adds to the time others see it
 * (the target is 50 ms at p95); at 80 characters a second it still means at most 25 updates a
 * second, a quarter of the server's limit.
 */
export const UPDATE_BATCH_MS = 40;
/** How often this writer's caret and section go to the others at most, in milliseconds. */
export const AWARENESS_INTERVAL_MS = 250;

interface AwarenessChange {
  readonly added: number[];
  readonly updated: number[];
  readonly removed: number[];
}

/**
 * A Hocuspocus provider that sends what a writer types in batches: a change goes at once, and
 * what follows within `UPDATE_BATCH_MS` goes after it as one merged message; carets likewise at
 * most every `AWARENESS_INTERVAL_MS`. Key repeat, a paste tool or dictation so sends at most about
 * 29 messages a second instead of two per keystroke, and a keystroke after a pause reaches
 * the others without waiting. Leaving (a removed caret) goes at once.
 */
export class BatchedProvider extends HocuspocusProvider {
  #updates: Uint8Array[] = [];
  #updateTimer: ReturnType<typeof setTimeout> | null = null;
  #carets = new Set<number>();
  #caretTimer: ReturnType<typeof setTimeout> | null = null;
  #held = false;

  constructor(configuration: HocuspocusProviderConfiguration) {
    // The provider's own batching is a fixed window that delays the first change too.
    super({ ...configuration, flushDelay: false });
  }

  /**
   * Sends none of this writer's changes from now on (others' still arrive): the server refused
   * one, and every later one from this document would build on it (see `connectPlan`).
   */
  hold(): void {
    this.#held = true;
    this.#updates = [];
  }

  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (origin === this) return;
    // Until the plan is in sync with the server, changes stay in the document: the sync on
    // (re)connecting sends them all, after what they build on. Queued on a dropped socket
    // instead, one could reach the server before the changes it builds on and be refused.
    if (this.#held || !this.isSynced) return;
    if (this.#updateTimer === null) {
      super.documentUpdateHandler(update, origin);
      this.#updateTimer = setTimeout(() => this.#flushUpdates(), UPDATE_BATCH_MS);
      return;
    }
    // Counted as unsaved from the keystroke on, so the status says "Saving…" at once.
    if (this.#updates.length === 0) this.incrementUnsyncedChanges();
    this.#updates.push(update);
  }

  #flushUpdates(): void {
    this.#updateTimer = null;
    if (this.#updates.length === 0) return;
    const merged = Y.mergeUpdates(this.#updates);
    this.#updates = [];
    // Counted when it was held back; sending counts it again.
    this.unsyncedChanges -= 1;
    super.documentUpdateHandler(merged, null);
    this.#updateTimer = setTimeout(() => this.#flushUpdates(), UPDATE_BATCH_MS);
  }

  override awarenessUpdateHandler(change: AwarenessChange, origin: unknown): void {
    if (origin === this || change.removed.length > 0) {
      super.awarenessUpdateHandler(change, origin);
      return;
    }
    if (this.#caretTimer === null) {
      super.awarenessUpdateHandler(change, origin);
      this.#caretTimer = setTimeout(() => this.#flushCarets(), AWARENESS_INTERVAL_MS);
      return;
    }
    for (const client of [...change.added, ...change.updated]) this.#carets.add(client);
  }

  #flushCarets(): void {
    this.#caretTimer = null;
    if (this.#carets.size === 0) return;
    const updated = [...this.#carets];
    this.#carets.clear();
    super.awarenessUpdateHandler({ added: [], updated, removed: [] }, null);
    this.#caretTimer = setTimeout(() => this.#flushCarets(), AWARENESS_INTERVAL_MS);
  }

  override onClose(): void {
    // What was held back is in the document, and the sync on reconnecting sends it.
    if (this.#updates.length > 0) this.unsyncedChanges = Math.max(0, this.unsyncedChanges - 1);
    this.#updates = [];
    this.#carets.clear();
    super.onClose();
  }

  override destroy(): void {
    // Sent before the socket goes, as the provider does with its own batch.
    if (this.#updates.length > 0 && !this.#held) this.#flushUpdates();
    if (this.#updateTimer !== null) clearTimeout(this.#updateTimer);
    if (this.#caretTimer !== null) clearTimeout(this.#caretTimer);
    this.#updateTimer = this.#caretTimer = null;
    super.destroy();
  }
}
