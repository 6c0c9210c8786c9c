import * as Y from "yjs";
import type { DocumentStore } from "../store/DocumentStore.js";

/** Client ids one connection may show, in its updates and its presence. */
export const MAX_CLIENTS_PER_CONNECTION = 4;

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
  // Client ids each connection has shown: an editor uses one (Yjs picks another only when two
  // collide), so a connection showing many is making them up, each a row in the store.
  readonly #shown = new WeakMap<object, Set<number>>();

  constructor(store: DocumentStore) {
    this.#store = store;
  }

  /**
   * Whether `user`, on the connection `via`, may write new content (or presence) under `client`
   * in the open plan `doc`, claiming it if free. A connection may claim at most
   * `MAX_CLIENTS_PER_CONNECTION` client ids; those already bound are not counted.
   */
  async mayWrite(
    name: string,
    doc: Y.Doc,
    client: number,
    user: string,
    via: object,
  ): Promise<boolean> {
    return (await this.whose(name, doc, client, user, via)) === "yours";
  }

  /**
   * Whose `client` is, for `user` on the connection `via`: "yours" (claimed now if it was free),
   * "theirs" (another user's, or content nobody owns), or "too many" when `client` is free and the
   * connection has shown `MAX_CLIENTS_PER_CONNECTION` free ones already.
   */
  async whose(
    name: string,
    doc: Y.Doc,
    client: number,
    user: string,
    via: object,
  ): Promise<"yours" | "theirs" | "too many"> {
    let known = this.#known.get(name);
    if (!known) {
      known = new Map();
      this.#known.set(name, known);
    }
    let cached = known.get(client);
    if (cached === undefined) {
      const owner = await this.#store.clientOwner(name, client);
      if (owner !== null) known.set(client, owner);
      cached = owner ?? undefined;
    }
    // An id already bound costs no row, so it is not counted: a page reloaded while offline
    // shows its new id in presence and sends what the writer typed under the old one, and the
    // writer's own ids must never run out (that work would be refused and lost).
    if (cached !== undefined) return cached === user ? "yours" : "theirs";
    let shown = this.#shown.get(via);
    if (!shown) {
      shown = new Set();
      this.#shown.set(via, shown);
    }
    if (!shown.has(client)) {
      if (shown.size >= MAX_CLIENTS_PER_CONNECTION) return "too many";
      shown.add(client);
    }
    const held = Y.getState(doc.store, client) > 0;
    const owner = await this.#store.clientOwner(name, client, held ? undefined : user);
    if (owner !== null) known.set(client, owner);
    return owner === user ? "yours" : "theirs";
  }

  /** Forgets the plan's bindings once it is closed; the store keeps them. */
  forget(name: string): void {
    this.#known.delete(name);
  }
}
