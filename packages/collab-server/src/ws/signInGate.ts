import type { Extension } from "@hocuspocus/server";
import type { SignIn, SignedInUser } from "../signIn.js";

/** The person a connection signed in as, once `signInGate` has let it in. */
export const userOf = (context: unknown): SignedInUser | undefined =>
  (context as { user?: SignedInUser } | undefined)?.user;

/**
 * Everyone signs in: the token must open the plan asked for, and a viewer's connection is
 * read-only. The user goes into the connection's context, where every later check reads it.
 */
export function signInGate(signIn: SignIn): Extension {
  return {
    extensionName: "signInGate",
    async onAuthenticate({ token, documentName, connectionConfig, context }) {
      const user = await signIn.verify(token, documentName);
      if (user.role === "viewer") connectionConfig.readOnly = true;
      // Hocuspocus merges what this returns into the context only after every extension's
      // onAuthenticate has run; the ones after this one read the user from the context now.
      (context as { user?: SignedInUser }).user = user;
      return { user };
    },
  };
}
