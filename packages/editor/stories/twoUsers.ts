import { type Plan, planToYDoc } from "@ehcp/schema";
import * as Y from "yjs";
import type { PlanProvider } from "../src/PlanEditor.js";

type Listener = () => void;

/** An awareness that holds states in memory, shared by the two sides of `twoUsers`. */
class LocalAwareness {
  readonly states = new Map<number, Record<string, unknown>>();
  readonly #listeners = new Set<Listener>();
  readonly clientID: number;
  readonly doc: Y.Doc;
  constructor(doc: Y.Doc, shared: Map<number, Record<string, unknown>>, listeners: Set<Listener>) {
    this.doc = doc;
    this.clientID = doc.clientID;
    this.states = shared;
    this.#listeners = listeners;
  }
  getLocalState() {
    return this.states.get(this.clientID) ?? null;
  }
  setLocalState(state: Record<string, unknown> | null) {
    if (state) this.states.set(this.clientID, state);
    else this.states.delete(this.clientID);
    for (const listener of this.#listeners) listener();
  }
  setLocalStateField(field: string, value: unknown) {
    this.setLocalState({ ...(this.getLocalState() ?? {}), [field]: value });
  }
  getStates() {
    return this.states;
  }
  on(_event: string, listener: Listener) {
    this.#listeners.add(listener);
  }
  off(_event: string, listener: Listener) {
    this.#listeners.delete(listener);
  }
}

/**
 * Two writers on one plan without a server: two Yjs documents that pass each other their updates,
 * and an awareness both see, so stories show carets and presence as a live meeting would.
 */
export function twoUsers(plan: Plan) {
  const [a, b] = [new Y.Doc(), new Y.Doc()];
  planToYDoc(plan, a);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "peer") Y.applyUpdate(b, update, "peer");
  });
  b.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "peer") Y.applyUpdate(a, update, "peer");
  });
  const states = new Map<number, Record<string, unknown>>();
  const listeners = new Set<Listener>();
  const provider = (doc: Y.Doc) =>
    ({ awareness: new LocalAwareness(doc, states, listeners) }) as unknown as PlanProvider;
  return [
    { document: a, provider: provider(a) },
    { document: b, provider: provider(b) },
  ] as const;
}
