import type { Extension } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import type { AuditTrail } from "../AuditTrail.js";
import { closeWith } from "./closeWith.js";
import { readWholeUpdate } from "./readWholeUpdate.js";
import { userOf } from "./signInGate.js";

// Hocuspocus's message types a client may send, and y-protocols' sync steps.
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const STATELESS = 5;
const CLOSE = 7;
const SYNC_STEP_1 = 0;
const SYNC_UPDATE = 2;

export const UNREADABLE_UPDATE = "the update could not be read";

/** What kind of message could not be read, for the reason a connection is closed. */
const UNREADABLE: Record<number, string> = {
  [SYNC]: UNREADABLE_UPDATE,
  [SYNC_REPLY]: UNREADABLE_UPDATE,
  [AWARENESS]: "the presence message could not be read",
  [AUTH]: "the sign-in message could not be read",
  [STATELESS]: "the message could not be read",
};

/** Reads one message as Hocuspocus will; throws when it cannot be read. */
function readMessage(decoder: decoding.Decoder, type: number): void {
  switch (type) {
    case SYNC:
    case SYNC_REPLY: {
      const step = decoding.readVarUint(decoder);
      if (step > SYNC_UPDATE) throw new RangeError("unknown sync step");
      const payload = decoding.readVarUint8Array(decoder);
      // Updates are applied where they are checked; here they are only read through, since
      // Yjs would take one with bytes past its end (V2 encoded, say) as an empty update.
      if (step === SYNC_STEP_1) Y.decodeStateVector(payload);
      else readWholeUpdate(payload);
      return;
    }
    case AWARENESS: {
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      const count = decoding.readVarUint(update);
      for (let i = 0; i < count; i++) {
        decoding.readVarUint(update);
        decoding.readVarUint(update);
        JSON.parse(decoding.readVarString(update));
      }
      return;
    }
    case AUTH:
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      return;
    case STATELESS:
      decoding.readVarString(decoder);
      return;
    case QUERY_AWARENESS:
    case CLOSE:
      return;
    default:
      throw new RangeError(`unknown message type ${type}`);
  }
}

/**
 * Reads every message before Hocuspocus does: one that cannot be read (an update among them
 * that is not exactly one V1 update) is not applied, stored or acknowledged, and closes its
 * connection with the reason, logged by Hocuspocus as one short line. Without this, Hocuspocus logs a stack
 * trace for each, or (for an unknown kind) logs and carries on taking them. With `audit`, a
 * signed-in sender's unreadable message is noted in the plan's audit trail.
 */
export function messageGuard(audit?: AuditTrail): Extension {
  return {
    extensionName: "messageGuard",
    async beforeHandleMessage({ update, context, documentName }) {
      let type = -1;
      try {
        const decoder = decoding.createDecoder(update);
        decoding.readVarString(decoder);
        type = decoding.readVarUint(decoder);
        readMessage(decoder, type);
      } catch {
        const user = userOf(context);
        if (user) audit?.refuse(documentName, { id: user.id, role: user.role }, "unreadable");
        throw closeWith(
          4400,
          UNREADABLE[type] ??
            (type === -1
              ? "the message could not be read"
              : `the server takes no messages of type ${type}`),
        );
      }
    },
  };
}
