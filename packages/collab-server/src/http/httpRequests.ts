import type { IncomingMessage, ServerResponse } from "node:http";
import type { Extension } from "@hocuspocus/server";
import type { SignIn } from "../signIn.js";
import { developmentSignIn } from "./developmentSignIn.js";
import { HttpError } from "./HttpError.js";
import { sendJson } from "./sendJson.js";
import { serveApp } from "./serveApp.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/**
 * HTTP on the WebSocket's port: the development sign-in page, the API, then the app (when there
 * is one); anything else is a 404 in JSON.
 */
export function httpRequests(signIn: SignIn, api: Handler, app: string | undefined): Extension {
  return {
    extensionName: "httpRequests",
    async onRequest({ request, response }) {
      const handled = request.url?.startsWith("/dev/sign-in")
        ? await developmentSignIn(signIn, request, response).then(
            () => true,
            (error) => {
              if (!(error instanceof HttpError)) throw error;
              sendJson(response, error.status, { error: error.message });
              return true;
            },
          )
        : (await api(request, response)) ||
          (app !== undefined && (await serveApp(app, request, response)));
      if (!handled) sendJson(response, 404, { error: "there is nothing at this address" });
      // Hocuspocus answers every request itself unless a hook rejects; this one has answered.
      throw null;
    },
  };
}
