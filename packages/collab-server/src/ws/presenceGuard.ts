import type { Extension } from "@hocuspocus/server";
import type { SignedInUser } from "../signIn.js";
import type { ClientOwners } from "./ClientOwners.js";
import { presenceState } from "./presenceState.js";

/** The most a presence state may hold, as JSON: a name, a colour, a section and a cursor. */
export const MAX_PRESENCE_BYTES = 4096;

/**
 * Presence tells the truth: each state a connection sends is for a client id that is its own
 * (bound to its user, as for updates, and not shown by another open connection), no larger
 * than `MAX_PRESENCE_BYTES`, and names the person and role of its token, whatever the client
 * wrote; of the rest only what the editor reads is kept (see `presenceState`), so a client cannot
 * pass others anything of its own making. States that fail are dropped from what others are sent; the rest of the message stands.
 * They are not audited: an honest editor answering the server's query sends every state it
 * knows, other people's among them, each dropped here.
 */
export function presenceGuard(owners: ClientOwners): Extension {
  // Per plan, which connection (by its context) shows each client id's presence.
  const shownBy = new Map<string, Map<number, object>>();
  return {
    extensionName: "presenceGuard",
    async beforeHandleAwareness({ states, context, connection, documentName, document }) {
      // The server's own changes to presence are not a client's.
      if (!connection) return;
      const user = (context as { user?: SignedInUser } | undefined)?.user;
      let shown = shownBy.get(documentName);
      if (!shown) {
        shown = new Map();
        shownBy.set(documentName, shown);
      }
      for (const [clientId, state] of [...states]) {
        // Hocuspocus decodes each message into a scratch Awareness whose own empty state, under
        // a new random id each time, is among these: checked, each would be claimed for the
        // sender and use up their connection's client ids (see `ClientOwners`), so that the
        // writer's own work could be refused. An empty state says nothing; none is relayed.
        if (state !== null && typeof state === "object" && Object.keys(state).length === 0) {
          states.delete(clientId);
          continue;
        }
        const holder = shown.get(clientId);
        const mine =
          user !== undefined &&
          (holder === undefined || holder === context) &&
          JSON.stringify(state).length <= MAX_PRESENCE_BYTES &&
          (await owners.mayWrite(documentName, document, clientId, user.id, context as object));
        if (!mine || !user) {
          states.delete(clientId);
          continue;
        }
        shown.set(clientId, context as object);
        states.set(clientId, presenceState(state, user));
      }
    },
    async onDisconnect({ context, documentName }) {
      const shown = shownBy.get(documentName);
      if (!shown) return;
      for (const [clientId, holder] of shown) if (holder === context) shown.delete(clientId);
      if (shown.size === 0) shownBy.delete(documentName);
    },
  };
}
