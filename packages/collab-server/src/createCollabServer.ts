import { type Hocuspocus, Server } from "@hocuspocus/server";
import * as Y from "yjs";
import type { DocumentStore } from "./DocumentStore.js";
import { openStore } from "./openStore.js";
import { redisExtension } from "./redisExtension.js";
import { developmentSignIn } from "./developmentSignIn.js";
import { partsTouched } from "./partsTouched.js";
import { DEFAULT_SECTION_POLICY, describeRefusal, type SectionPolicy } from "./sectionPolicy.js";
import { SignIn, type SignInOptions, type SignedInUser } from "./signIn.js";

// y-protocols' sync message types: step 1 asks for the document; step 2 and update carry changes.
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export interface CollabServerOptions {
  /** TCP port; 0 picks a free one. Default 1234. */
  readonly port?: number;
  /** Address to listen on. Default 127.0.0.1, so nothing outside this machine can connect. */
  readonly host?: string;
  /** Where documents are kept: an SQLite file (default `./data/ehcp.sqlite`) or a `postgres://` URL. */
  readonly db?: string;
  /** A store of your own instead of the SQLite file. */
  readonly store?: DocumentStore;
  /**
   * A `redis://` URL: instances that share one database and one Redis serve the same documents
   * together, each client's edits reaching clients of every instance.
   */
  readonly redis?: string;
  /** How people sign in. Required: the server trusts nothing a client says about itself. */
  readonly signIn: SignInOptions;
  /** Which parts of a plan each role may change; default `DEFAULT_SECTION_POLICY`. */
  readonly policy?: SectionPolicy;
}

export interface CollabServer {
  /** The underlying Hocuspocus instance, for hooks and inspection. */
  readonly hocuspocus: Hocuspocus;
  /** Starts listening; resolves with the WebSocket address clients connect to. */
  start(): Promise<string>;
  /** Stores every open document, closes connections and the store. */
  stop(): Promise<void>;
}

/**
 * A Hocuspocus server for plans. Everyone signs in; each update is checked against the sections
 * the sender's role may change, and logged to SQLite or PostgreSQL before it is acknowledged; the
 * log is folded into a snapshot when the last client leaves, when the server stops, and after
 * edits once typing pauses. With `redis`, several instances serve the same documents.
 */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  const signIn = new SignIn(options.signIn);
  const policy = options.policy ?? DEFAULT_SECTION_POLICY;
  // Connections made read-only for one refused message, with what they were before.
  const refusing = new Map<object, boolean>();
  const store = options.store ?? openStore(options.db ?? "./data/ehcp.sqlite");
  const extensions = options.redis ? [redisExtension(options.redis)] : [];
  /** Applies the stored snapshot and logged updates to a document; Yjs ignores what it has. */
  const catchUp = async (document: Y.Doc, documentName: string) => {
    const { snapshot, updates } = await store.load(documentName);
    Y.transact(document, () => {
      if (snapshot) Y.applyUpdate(document, snapshot);
      for (const update of updates) Y.applyUpdate(document, update);
    });
  };
  const server = new Server({
    extensions,
    port: options.port ?? 1234,
    address: options.host ?? "127.0.0.1",
    quiet: true,
    stopOnSignals: false,
    async onAuthenticate({ token, documentName, connectionConfig }) {
      const user = await signIn.verify(token, documentName);
      if (user.role === "viewer") connectionConfig.readOnly = true;
      return { user };
    },
    // A client may send a fresh token on a live connection; one that no longer opens the plan
    // ends the connection with the reason.
    async onTokenSync({ token, documentName, connection }) {
      try {
        (connection.context as { user?: SignedInUser }).user = await signIn.verify(
          token,
          documentName,
        );
      } catch (error) {
        connection.close({ code: 4403, reason: (error as Error).message });
      }
    },
    async onRequest({ request, response }) {
      if (!request.url?.startsWith("/dev/sign-in")) return;
      await developmentSignIn(signIn, request, response);
      // Hocuspocus answers every request itself unless a hook rejects; this one has answered.
      throw null;
    },
    async onLoadDocument({ documentName, document }) {
      await catchUp(document, documentName);
    },
    // Hocuspocus applies an update and acknowledges it right after this hook resolves, so each
    // update a client sends is on disk before the client hears it arrived.
    async beforeSync({ documentName, document, connection, context, type, payload }) {
      if (type === SYNC_STEP_1) {
        // The database, not Redis, is the record: before answering a client that asks for the
        // document (on connecting, and on each forced sync), take in whatever other instances
        // have logged, so an edit whose Redis relay was missed still reaches everyone.
        await catchUp(document, documentName);
        return;
      }
      if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly) return;
      const user = (context as { user?: SignedInUser }).user;
      const parts = partsTouched(document, payload);
      const allowed = new Set(user ? policy[user.role] : []);
      const refused = parts === null ? null : [...parts].filter((part) => !allowed.has(part));
      if (refused === null || refused.length > 0) {
        // Hocuspocus neither applies nor stores nor relays an update from a read-only connection,
        // and tells the client it was not accepted; the connection is writable again afterwards.
        refusing.set(connection, connection.readOnly);
        connection.readOnly = true;
        connection.sendStateless(
          JSON.stringify({
            type: "edit-refused",
            parts: refused,
            reason: describeRefusal(user?.role, refused),
          }),
        );
        return;
      }
      await store.append(documentName, payload);
    },
    async afterHandleMessage({ connection }) {
      const wasReadOnly = refusing.get(connection);
      if (wasReadOnly === undefined) return;
      connection.readOnly = wasReadOnly;
      refusing.delete(connection);
    },
    async onStoreDocument({ documentName, document }) {
      const snapshot = Y.snapshot(document);
      await store.compact(documentName, Y.encodeStateAsUpdate(document), (update) =>
        Y.snapshotContainsUpdate(snapshot, update),
      );
    },
  });
  let stopped: Promise<void> | undefined;
  return {
    hocuspocus: server.hocuspocus,
    async start() {
      // Hocuspocus's listen() never rejects: a taken port surfaces as an 'error' event instead.
      await new Promise<void>((resolve, reject) => {
        server.httpServer.once("error", reject);
        server.listen().then(() => {
          server.httpServer.off("error", reject);
          resolve();
        }, reject);
      });
      return server.webSocketURL;
    },
    stop() {
      stopped ??= (async () => {
        await server.destroy();
        await store.close();
      })();
      return stopped;
    },
  };
}
