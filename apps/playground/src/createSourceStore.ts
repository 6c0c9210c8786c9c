import type { Plan } from "@ehcp/schema";
import type { Session } from "./api.js";
import type { SubmittedAdvice } from "./useSubmittedAdvice.js";

/** What the source notes on a plan's cards read: the plan, its submitted advice, who is looking. */
export interface SourceState {
  readonly session: Session;
  readonly planId: string;
  readonly plan: Plan | null;
  readonly advice: ReadonlyMap<string, SubmittedAdvice>;
}

/**
 * The source notes live inside the editor's cards, made once with the editor: they read what
 * changes (the plan, newly submitted advice) from this store rather than from their props.
 */
export interface SourceStore {
  get(): SourceState;
  set(next: SourceState): void;
  subscribe(listener: () => void): () => void;
}

export function createSourceStore(initial: SourceState): SourceStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
