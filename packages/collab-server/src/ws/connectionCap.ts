import type { Extension } from "@hocuspocus/server";
import { SignInError } from "../signIn.js";
import { userOf } from "./signInGate.js";

/**
 * Bounds the connections one user holds at once, so one person (or a stolen token) cannot use
 * up the server. Counted by the user signed in; `sessionLifetime` keeps a connection's user the
 * same for its life, so the count stays on the right person.
 */
export function connectionCap(maxPerUser: number): Extension {
  const open = new Map<string, number>();
  // A connection refused at sign-in has a user in its context but was never counted.
  const counted = new WeakSet<object>();
  return {
    extensionName: "connectionCap",
    async onAuthenticate({ context }) {
      const user = userOf(context);
      if (user && (open.get(user.id) ?? 0) >= maxPerUser) {
        throw new SignInError(
          `${user.name} has ${maxPerUser} connections open already: close one first`,
          403,
        );
      }
    },
    async connected({ context }) {
      const id = userOf(context)?.id;
      if (id === undefined) return;
      counted.add(context as object);
      open.set(id, (open.get(id) ?? 0) + 1);
    },
    async onDisconnect({ context }) {
      const id = userOf(context)?.id;
      if (id === undefined || !counted.delete(context as object)) return;
      const left = (open.get(id) ?? 1) - 1;
      if (left > 0) open.set(id, left);
      else open.delete(id);
    },
  };
}
