import * as Y from "yjs";
import type { DocumentStore } from "../DocumentStore.js";

/**
 * Which user each Yjs client id of a plan belongs to. Client ids are public (state vectors,
 * presence), so whoever writes under another's id could overwrite their future edits, or be
 * credited with them: the first user a connection shows a client id for (in an update or in its
 * presence) owns it, and the binding is kept in the store, so it holds across restarts and for
 * every instance. A client id the plan already holds content under but nobody owns (the plan as
 * imported, the server's own changes) belongs to no user.
 */
export class ClientOwners {
  readonly #store: DocumentStore;
  readonly #known = new Map<string, Map<number, string>>();

  constructor(store: DocumentStore) {
    this.#store = store;
  }

  /** Whether `user` may write new content under `client` in the open plan `doc`, claiming it if free. */
  async mayWrite(name: string, doc: Y.Doc, client: number, user: string): Promise<boolean> {
    let known = this.#known.get(name);
    if (!known) {
      known = new Map();
      this.#known.set(name, known);
    }
    const cached = known.get(client);
    if (cached !== undefined) return cached === user;
    const held = Y.getState(doc.store, client) > 0;
    const owner = await this.#store.clientOwner(name, client, held ? undefined : user);
    if (owner !== null) known.set(client, owner);
    return owner === user;
  }

  /** Forgets the plan's bindings once it is closed; the store keeps them. */
  forget(name: string): void {
    this.#known.delete(name);
  }
}
