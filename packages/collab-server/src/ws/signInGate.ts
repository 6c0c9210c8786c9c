import type { Extension } from "@hocuspocus/server";
import type { SignedInUser } from "../signIn.js";
import type { DocumentAccess } from "./documentAccess.js";

/** The person a connection signed in as, once `signInGate` has let it in. */
export const userOf = (context: unknown): SignedInUser | undefined =>
  (context as { user?: SignedInUser } | undefined)?.user;

/**
 * Everyone signs in: the token must open the document asked for (see `DocumentAccess`: a plan,
 * or a piece of advice), and a connection that may only read is read-only. The user, and the
 * parts they may change where that is not their role's, go into the connection's context, where
 * every later check reads them.
 */
export function signInGate(access: DocumentAccess): Extension {
  return {
    extensionName: "signInGate",
    async onAuthenticate({ token, documentName, connectionConfig, context }) {
      const { user, readOnly, editable, byRequest } = await access.open(token, documentName);
      if (readOnly) connectionConfig.readOnly = true;
      // Hocuspocus merges what this returns into the context only after every extension's
      // onAuthenticate has run; the ones after this one read the user from the context now.
      const shared = context as {
        user?: SignedInUser;
        editable?: typeof editable;
        byRequest?: true;
      };
      shared.user = user;
      if (editable) shared.editable = editable;
      if (byRequest) shared.byRequest = true;
      return { user, ...(editable ? { editable } : {}), ...(byRequest ? { byRequest } : {}) };
    },
  };
}
