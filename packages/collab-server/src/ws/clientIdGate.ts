import type { Extension } from "@hocuspocus/server";
import * as Y from "yjs";
import { type ClientOwners, MAX_CLIENTS_PER_CONNECTION } from "./ClientOwners.js";
import { closeWith } from "./closeWith.js";
import type { EditRefusals } from "./EditRefusals.js";
import { UNREADABLE_UPDATE } from "./messageGuard.js";
import { userOf } from "./signInGate.js";
import { carriesChanges } from "./syncSteps.js";
import { updateMeta } from "./updateMeta.js";

/**
 * The client ids under which an update adds content that the document does not hold yet: those
 * a checked update may write under, all of them the sender's once `clientIdGate` let it through.
 */
export function newClientsOf(update: Uint8Array, doc: Y.Doc): Set<number> {
  const clients = new Set<number>();
  for (const [client, clock] of updateMeta(update).to) {
    if (clock > Y.getState(doc.store, client)) clients.add(client);
  }
  return clients;
}

/**
 * Client ids belong to their writer (see `ClientOwners`): an update adding content under a
 * client id bound to someone else, or under more than one editor uses, is refused. An update
 * that cannot be read closes its connection, read-only or not: Hocuspocus reads those too.
 */
export function clientIdGate(owners: ClientOwners, refusals: EditRefusals): Extension {
  return {
    extensionName: "clientIdGate",
    async beforeSync({ documentName, document, connection, context, type, payload }) {
      if (!carriesChanges(type)) return;
      let meta: { to: Map<number, number> };
      try {
        meta = updateMeta(payload);
        if (connection.readOnly) Y.decodeUpdate(payload);
      } catch {
        throw closeWith(4400, UNREADABLE_UPDATE);
      }
      if (connection.readOnly) return;
      const user = userOf(context);
      if (!user) throw closeWith(4401, "sign in first");
      for (const [client, clock] of meta.to) {
        if (clock <= Y.getState(document.store, client)) continue;
        const whose = await owners.whose(documentName, document, client, user.id, context);
        if (whose === "yours") continue;
        refusals.refuse(documentName, connection, {
          parts: null,
          code: whose === "theirs" ? "client-id" : "client-ids",
          reason:
            whose === "theirs"
              ? `the update adds content under the client id ${client}, which is someone else's`
              : `the update adds content under more client ids than one editor uses (${MAX_CLIENTS_PER_CONNECTION}): reload the plan`,
        });
        return;
      }
    },
    async afterUnloadDocument({ documentName }) {
      owners.forget(documentName);
    },
  };
}
