import { HocuspocusProvider, type HocuspocusProviderConfiguration } from "@hocuspocus/provider";

/** How long typing gathers before it goes as one message, in milliseconds. */
export const UPDATE_BATCH_MS = 80;
/** How often this writer's caret and section go to the others at most, in milliseconds. */
export const AWARENESS_INTERVAL_MS = 250;

interface AwarenessChange {
  readonly added: number[];
  readonly updated: number[];
  readonly removed: number[];
}

/**
 * A Hocuspocus provider that sends what a writer types in batches: the changes made within
 * `UPDATE_BATCH_MS` go as one merged message (the provider's own `flushDelay`), and carets at
 * most every `AWARENESS_INTERVAL_MS`, so key repeat, a paste tool or dictation sends a few
 * messages a second instead of two per keystroke. Leaving (a removed state) goes at once.
 */
export class BatchedProvider extends HocuspocusProvider {
  #changed = new Set<number>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #held = false;

  constructor(configuration: HocuspocusProviderConfiguration) {
    super({ flushDelay: UPDATE_BATCH_MS, ...configuration });
  }

  /**
   * Sends none of this writer's changes from now on (others' still arrive): the server refused
   * one, and every later one from this document would build on it (see `connectPlan`).
   */
  hold(): void {
    this.#held = true;
    // What is batched but not sent yet holds the same changes: it stays in the document.
    (this as unknown as { pendingUpdates: Uint8Array[] }).pendingUpdates = [];
  }

  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (origin === this) return;
    // Until the plan is in sync with the server, changes stay in the document: the sync on
    // (re)connecting sends them all, after what they build on. Queued on a dropped socket
    // instead, one could reach the server before the changes it builds on and be refused.
    if (this.#held || !this.isSynced) return;
    super.documentUpdateHandler(update, origin);
  }

  override awarenessUpdateHandler(change: AwarenessChange, origin: unknown): void {
    if (origin === this || change.removed.length > 0) {
      this.#flushAwareness();
      super.awarenessUpdateHandler(change, origin);
      return;
    }
    for (const client of [...change.added, ...change.updated]) this.#changed.add(client);
    this.#timer ??= setTimeout(() => this.#flushAwareness(), AWARENESS_INTERVAL_MS);
  }

  #flushAwareness(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#changed.size === 0) return;
    const updated = [...this.#changed];
    this.#changed.clear();
    super.awarenessUpdateHandler({ added: [], updated, removed: [] }, null);
  }

  override destroy(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    super.destroy();
  }
}
