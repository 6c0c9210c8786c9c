import type { Extension } from "@hocuspocus/server";
import type { SignedInUser } from "../signIn.js";
import type { DocumentAccess } from "./documentAccess.js";
import { closeWith } from "./closeWith.js";

/** The longest a Node timer waits; a sign-in that lasts longer is checked again then. */
const LONGEST_TIMER = 2 ** 31 - 1;

export const EXPIRED = "the sign-in has expired: sign in again";

type Connection = { close(event?: { code: number; reason: string }): void; context: unknown };
const userOf = (connection: { context: unknown }) =>
  (connection.context as { user?: SignedInUser }).user;

/**
 * Sign-in holds for the life of a connection, not only at its start: the connection closes, with
 * the reason, when its token expires (an editor sends a fresh token before then); a fresh token
 * must name the same person, since everything the connection did and may do is theirs.
 */
export function sessionLifetime(access: DocumentAccess): Extension {
  // Keyed by the connection's context, the one thing Hocuspocus's disconnect hook is given.
  const timers = new WeakMap<object, ReturnType<typeof setTimeout>>();
  const watch = (connection: Connection) => {
    const key = connection.context as object;
    clearTimeout(timers.get(key));
    timers.delete(key);
    const expiresAt = userOf(connection)?.expiresAt;
    if (expiresAt === undefined) return;
    const timer = setTimeout(
      () => {
        timers.delete(key);
        if ((userOf(connection)?.expiresAt ?? Infinity) <= Date.now()) {
          connection.close({ code: 4401, reason: EXPIRED });
        } else {
          watch(connection);
        }
      },
      Math.min(LONGEST_TIMER, Math.max(0, expiresAt - Date.now())),
    );
    timer.unref();
    timers.set(key, timer);
  };
  return {
    extensionName: "sessionLifetime",
    async connected({ connection }) {
      watch(connection as unknown as Connection);
    },
    async onTokenSync({ token, documentName, connection }) {
      const before = userOf(connection);
      try {
        const { user } = await access.open(token, documentName);
        if (before && user.id !== before.id) {
          connection.close({
            code: 4403,
            reason: `a fresh token must be for the person signed in (${before.name}): sign in again`,
          });
          return;
        }
        (connection.context as { user?: SignedInUser }).user = user;
        watch(connection as unknown as Connection);
      } catch (error) {
        // A token that no longer opens the document ends the connection with the reason.
        connection.close({ code: 4403, reason: (error as Error).message });
      }
    },
    // The timer closes the connection at expiry; a message in the same instant is refused too.
    async beforeHandleMessage({ connection }) {
      const expiresAt = userOf(connection)?.expiresAt;
      if (expiresAt !== undefined && expiresAt <= Date.now()) throw closeWith(4401, EXPIRED);
    },
    async onDisconnect({ context }) {
      clearTimeout(timers.get(context as object));
      timers.delete(context as object);
    },
  };
}
