import type { Connection } from "@hocuspocus/server";
import type * as Y from "yjs";
import type { DocumentStore } from "../store/DocumentStore.js";
import { encodedState } from "./encodedState.js";

/** y-protocols' message type for "your update was taken" (Hocuspocus's `SyncStatus`). */
const SYNC_STATUS = 8;

/** Bytes the address at the head of each message to a connection takes (a var-uint length, then UTF-8). */
function addressBytes(address: string): number {
  const length = Buffer.byteLength(address);
  let size = 1;
  for (let rest = length; rest >= 0x80; rest = Math.floor(rest / 0x80)) size++;
  return size + length;
}

/** Whether everything applied to a plan up to some point is on disk, and if not, why. */
type Durability = { readonly saved: true } | { readonly saved: false; readonly why: string };

const SAVED: Durability = { saved: true };

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface ConnectionAcks {
  /** The append of the update in hand, whose acknowledgement Hocuspocus sends next. */
  appended: Promise<void> | null;
  /** Settles when every acknowledgement held so far has been sent, or the connection closed. */
  sent: Promise<void>;
  held: number;
}

/**
 * The writer's "saved" only once the update is on disk, without holding anyone's keystroke for
 * the disk: an update that passes the checks is applied and relayed to everyone at once, while
 * its append to the store runs, and the acknowledgement Hocuspocus sends the writer (a SyncStatus
 * message) is held until the append has resolved, and every append made before it on that plan.
 * Acknowledgements to one connection keep their order.
 *
 * An update applied but not stored (the disk full, the file locked, the store's thread gone) is
 * in the plan everyone has open and not on disk, so the whole plan in memory is appended as one
 * update: if that is stored, so is the writer's update, and they are told it was saved; if not,
 * their connection is closed with 4503 "not saved", their editor keeps the change and sends it
 * again when it reconnects, and every later acknowledgement on the plan waits for the whole plan
 * to be stored, so none says "saved" of a plan that is not.
 */
export class DurableAcks {
  readonly #store: DocumentStore;
  readonly #durable = new Map<string, Promise<Durability>>();
  readonly #connections = new WeakMap<Connection, ConnectionAcks>();

  constructor(store: DocumentStore) {
    this.#store = store;
  }

  /** Holds the acknowledgement of the update in hand on `connection` until `appended` resolves. */
  hold(connection: Connection, document: Y.Doc, appended: Promise<void>): void {
    // Settled here so that a failure is never unhandled while the acknowledgement is awaited.
    appended.catch(() => undefined);
    this.#acksOf(connection, document).appended = appended;
  }

  /** Forgets a plan that is no longer open. */
  forget(documentName: string): void {
    this.#durable.delete(documentName);
  }

  #acksOf(connection: Connection, document: Y.Doc): ConnectionAcks {
    const acks = this.#connections.get(connection);
    if (acks) return acks;
    const made: ConnectionAcks = { appended: null, sent: Promise.resolve(), held: 0 };
    const send = connection.send.bind(connection);
    const status = addressBytes(connection.messageAddress);
    const name = connection.document.name;
    connection.send = (message: Uint8Array) => {
      const isAck = message.length === status + 2 && message[status] === SYNC_STATUS;
      if (!isAck) return send(message);
      const appended = made.appended;
      made.appended = null;
      if (!appended && made.held === 0) return send(message);
      made.held++;
      // The update is applied by now (Hocuspocus acknowledges after applying), so a plan saved
      // whole from here on holds it.
      const durable = appended ? this.#after(name, document, appended) : Promise.resolve(SAVED);
      made.sent = Promise.all([made.sent, durable]).then(([, result]) => {
        made.held--;
        if (result.saved) send(message);
        else connection.close({ code: 4503, reason: `not saved: ${result.why}`.slice(0, 100) });
      });
    };
    this.#connections.set(connection, made);
    return made;
  }

  /** Settles once the plan is on disk as far as this update, which `appended` stores. */
  #after(name: string, document: Y.Doc, appended: Promise<void>): Promise<Durability> {
    const before = this.#durable.get(name) ?? Promise.resolve(SAVED);
    const result = Promise.all([
      before,
      appended.then(
        () => null,
        (error: unknown) => error,
      ),
    ]).then(([earlier, failed]): Durability | Promise<Durability> => {
      if (failed === null && earlier.saved) return SAVED;
      return this.#store.append(name, encodedState(document)).then(
        () => SAVED,
        (error: unknown) => ({ saved: false, why: why(failed ?? error) }),
      );
    });
    this.#durable.set(name, result);
    return result;
  }
}
