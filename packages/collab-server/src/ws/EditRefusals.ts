import type { Extension, afterHandleMessagePayload } from "@hocuspocus/server";
import type { AuditTrail } from "../AuditTrail.js";
import type { RefusalCode } from "../store/DocumentStore.js";
import { closeWith } from "./closeWith.js";
import { userOf } from "./signInGate.js";

/** Refused edits a connection may send in a minute before it is closed. */
export const MAX_REFUSALS_PER_MINUTE = 20;

/** What the sender is told of a refused edit. */
export interface Refusal {
  /** The parts the edit would have changed that the sender may not, where known. */
  readonly parts: readonly string[] | null;
  /** Why, in words the editor shows. */
  readonly reason: string;
  /** The kind of refusal the audit trail keeps. */
  readonly code: RefusalCode;
}

/** The part of a Hocuspocus connection a refusal works on. */
interface RefusedConnection {
  readOnly: boolean;
  readonly context: unknown;
  sendStateless(payload: string): void;
}

/**
 * How an edit is refused, for every check that refuses one: the sender is told why, the audit
 * trail notes who, when, the kind and the parts (never the words), and the update is neither
 * applied nor stored nor relayed. A connection that keeps sending refused edits has not dropped
 * its document as it must, and each costs a rebuild of the plan's copy: past
 * `MAX_REFUSALS_PER_MINUTE` it is closed.
 */
export class EditRefusals implements Extension {
  readonly extensionName = "editRefusals";
  readonly #audit: AuditTrail;
  // Connections made read-only for one refused message, with what they were before.
  readonly #refusing = new Map<object, boolean>();
  readonly #counts = new WeakMap<object, { count: number; minute: number }>();

  constructor(audit: AuditTrail) {
    this.#audit = audit;
  }

  /** Refuses the update in hand on `connection`, of the plan `documentName`. */
  refuse(documentName: string, connection: RefusedConnection, refusal: Refusal): void {
    const user = userOf(connection.context);
    if (user) {
      this.#audit.refuse(
        documentName,
        { id: user.id, role: user.role },
        refusal.code,
        refusal.parts ?? [],
      );
    }
    const minute = Math.floor(Date.now() / 60_000);
    const seen = this.#counts.get(connection);
    const count = seen?.minute === minute ? seen.count + 1 : 1;
    this.#counts.set(connection, { count, minute });
    if (count > MAX_REFUSALS_PER_MINUTE) {
      throw closeWith(4429, "too many refused edits: reload the plan");
    }
    // Hocuspocus neither applies nor stores nor relays an update from a read-only connection,
    // and tells the client it was not accepted; the connection is writable again afterwards.
    if (!this.#refusing.has(connection)) this.#refusing.set(connection, connection.readOnly);
    connection.readOnly = true;
    connection.sendStateless(
      JSON.stringify({ type: "edit-refused", parts: refusal.parts, reason: refusal.reason }),
    );
  }

  /** Whether the update in hand on `connection` has been refused already. */
  refused(connection: object): boolean {
    return this.#refusing.has(connection);
  }

  async afterHandleMessage({ connection }: afterHandleMessagePayload): Promise<void> {
    const wasReadOnly = this.#refusing.get(connection);
    if (wasReadOnly === undefined) return;
    connection.readOnly = wasReadOnly;
    this.#refusing.delete(connection);
  }
}
