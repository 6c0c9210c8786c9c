import {
  ADVICE_REQUESTS_MAP_NAME,
  adviceDocumentName,
  parseAdviceDocumentName,
  readAdviceRequests,
} from "@ehcp/schema";
import type { DirectConnection, Extension, Hocuspocus } from "@hocuspocus/server";
import type * as Y from "yjs";
import { closeWith } from "./closeWith.js";
import { adviceWriteRefusal, byRequestOf, editableOf, planReadRefusal } from "./documentAccess.js";
import { userOf } from "./signInGate.js";

/** The code a connection is closed with when what let it in is taken back. */
export const ACCESS_WITHDRAWN = 4403;

type Held = { connection?: DirectConnection; opening: Promise<DirectConnection | undefined> };

/**
 * What a request for advice lets in, it can take back: when the caseworker withdraws a request,
 * or the adviser removes a co-author, connections already open close with the reason at once,
 * not only the next ones to sign in. The plan is held open on the server for as long as any of
 * its advice is, so its requests are read live (and, with Redis, follow a change made on another
 * instance); each time they change, every connection that only a request let in (an adviser
 * reading the plan, an adviser or co-author writing advice) is asked again. A message from a
 * writer whose access has gone is refused too, should it arrive before the close.
 */
export function adviceAccessWatch(): Extension {
  const held = new Map<string, Held>();
  const watched = new Map<string, () => void>();

  const recheck = (instance: Hocuspocus, planId: string, plan: Y.Doc) => {
    const requests = readAdviceRequests(plan);
    for (const connection of instance.documents.get(planId)?.getConnections() ?? []) {
      const user = userOf(connection.context);
      if (!user || !byRequestOf(connection.context)) continue;
      const refusal = planReadRefusal(requests, user.id);
      if (refusal) connection.close({ code: ACCESS_WITHDRAWN, reason: refusal });
    }
    for (const request of requests) {
      const name = adviceDocumentName(planId, request.id);
      for (const connection of instance.documents.get(name)?.getConnections() ?? []) {
        const user = userOf(connection.context);
        if (!user || !byRequestOf(connection.context)) continue;
        const refusal = adviceWriteRefusal(request, user.id);
        if (refusal) connection.close({ code: ACCESS_WITHDRAWN, reason: refusal });
      }
    }
  };

  return {
    extensionName: "adviceAccessWatch",
    async afterLoadDocument({ documentName, document, instance }) {
      const advice = parseAdviceDocumentName(documentName);
      if (advice) {
        const entry: Held = {
          opening: instance.openDirectConnection(advice.planId).then(
            (connection) => {
              entry.connection = connection;
              return connection;
            },
            () => undefined,
          ),
        };
        held.set(documentName, entry);
        return;
      }
      const map = document.getMap(ADVICE_REQUESTS_MAP_NAME);
      const changed = () => recheck(instance, documentName, document);
      map.observe(changed);
      watched.set(documentName, () => map.unobserve(changed));
    },
    async beforeHandleMessage({ documentName, connection, instance }) {
      if (connection.readOnly || !editableOf(connection.context)) return;
      const advice = parseAdviceDocumentName(documentName);
      const user = userOf(connection.context);
      if (!advice || !user) return;
      const plan = instance.documents.get(advice.planId);
      // Held open while this advice is (see above); until it is, the sign-in just checked holds.
      if (!plan) return;
      const request = readAdviceRequests(plan).find((r) => r.id === advice.requestId);
      const refusal = adviceWriteRefusal(request, user.id);
      if (refusal) throw closeWith(ACCESS_WITHDRAWN, refusal);
    },
    async afterUnloadDocument({ documentName }) {
      watched.get(documentName)?.();
      watched.delete(documentName);
      const entry = held.get(documentName);
      if (!entry) return;
      held.delete(documentName);
      await (await entry.opening)?.disconnect();
    },
  };
}
