import type { IncomingMessage, ServerResponse } from "node:http";
import type { ExportOptions } from "@ehcp/export";
import type { QualityConfig } from "@ehcp/quality";
import { DEFAULT_SUGGEST_POLICY, type Plan, PLAN_SCHEMA_VERSION, planToYDoc } from "@ehcp/schema";
import { type Extension, type Hocuspocus, Server } from "@hocuspocus/server";
import * as Y from "yjs";
import { AuditTrail } from "./AuditTrail.js";
import { developmentSignIn } from "./developmentSignIn.js";
import type { DocumentStore } from "./store/DocumentStore.js";
import { HttpError } from "./HttpError.js";
import { httpApi } from "./httpApi.js";
import { loadStoredDocument } from "./store/loadStoredDocument.js";
import { MessageRateLimit } from "./MessageRateLimit.js";
import { openSockets } from "./openSockets.js";
import { openStore } from "./store/openStore.js";
import { PlanShadow } from "./PlanShadow.js";
import { redisExtension } from "./redisExtension.js";
import { ClientOwners, MAX_CLIENTS_PER_CONNECTION } from "./ws/ClientOwners.js";
import { closeWith } from "./ws/closeWith.js";
import { guardFrames } from "./ws/frameGuard.js";
import { messageGuard, UNREADABLE_UPDATE } from "./ws/messageGuard.js";
import { presenceGuard } from "./ws/presenceGuard.js";
import { sessionLifetime } from "./ws/sessionLifetime.js";
import { DEFAULT_SECTION_POLICY, type SectionPolicy } from "./sectionPolicy.js";
import { sendJson } from "./sendJson.js";
import { serveApp } from "./serveApp.js";
import { SignIn, SignInError, type SignInOptions, type SignedInUser } from "./signIn.js";
import { summarizePlan } from "./summarizePlan.js";

/** Refused edits a connection may send in a minute before it is closed. */
const MAX_REFUSALS_PER_MINUTE = 20;

// y-protocols' sync message types: step 1 asks for the document; step 2 and update carry changes.
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Bounds that keep one client from starving the others. */
export interface ServerLimits {
  /** The largest WebSocket message, in bytes; a larger one closes its connection (1009). Default 4 MiB. */
  readonly maxMessageBytes?: number;
  /** The largest a plan may grow, in bytes of Yjs state; edits past it are refused. Default 32 MiB. */
  readonly maxDocumentBytes?: number;
  /**
   * Messages a connection may send per second, on average; default 100. Past it, messages wait
   * (see `MessageRateLimit`); a connection is refused only when they would wait over 30 s.
   */
  readonly messagesPerSecond?: number;
  /** Messages a connection may send at once, above the rate; default 500. */
  readonly messageBurst?: number;
  /** Connections one user may hold at once; default 20. */
  readonly maxConnectionsPerUser?: number;
  /** The largest plan `POST /plans` takes, in bytes; default 5 MiB. */
  readonly maxImportBytes?: number;
}

export const DEFAULT_LIMITS: Required<ServerLimits> = {
  maxMessageBytes: 4 * 1024 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  messagesPerSecond: 100,
  messageBurst: 500,
  maxConnectionsPerUser: 20,
  maxImportBytes: 5 * 1024 * 1024,
};

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
  /**
   * Where each role may suggest words in sections it may not edit (see `DEFAULT_SUGGEST_POLICY`:
   * the parent and the young person, everywhere); an empty list turns suggesting off for a role.
   */
  readonly suggestPolicy?: SectionPolicy;
  /** The council's name and logo for exports from `GET /plans/:id/export.docx|pdf`. */
  readonly exportOptions?: Omit<ExportOptions, "layout">;
  /** The checker's settings for `GET /plans/:id/check`. */
  readonly quality?: QualityConfig;
  readonly limits?: ServerLimits;
  /** A built web app (the playground) to serve at `/`, from the same address as the API. */
  readonly app?: string;
  /**
   * Web origins (`https://case.example.gov.uk`) whose pages may call the HTTP API, for an editor
   * embedded in a council system served from elsewhere; `"*"` allows any. None by default: only
   * pages served from the server's own address. Tokens are sent as headers, never cookies.
   */
  readonly allowedOrigins?: readonly string[];
  /** Plans to store when the server starts, each only if no plan has its id yet. */
  readonly seed?: readonly Plan[];
}

export interface CollabServer {
  /** The underlying Hocuspocus instance, for hooks and inspection. */
  readonly hocuspocus: Hocuspocus;
  /** Starts listening; resolves with the WebSocket address clients connect to. */
  start(): Promise<string>;
  /** Answers the HTTP API's requests, for a council system's own HTTP server; false for other paths. */
  handleRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Stores every open document and its audit trail, closes connections and the store. */
  stop(): Promise<void>;
}

/** Refuses an editor whose plan schema is not the server's: see `PLAN_SCHEMA_VERSION`. */
function checkSchemaVersion(all: readonly string[]) {
  // Said twice, the address means two things: what a proxy or the server reads may differ.
  if (all.length > 1) {
    throw new SignInError(
      "say which plan schema this editor uses once: ?schemaVersion= is repeated",
    );
  }
  const sent = all[0] ?? null;
  const version = Number(sent);
  if (sent === null || !Number.isInteger(version)) {
    throw new SignInError(
      `say which plan schema this editor uses: add ?schemaVersion=${PLAN_SCHEMA_VERSION} to the address`,
    );
  }
  if (version < PLAN_SCHEMA_VERSION) {
    throw new SignInError(
      `this editor is out of date (plan schema ${version}, the server uses ${PLAN_SCHEMA_VERSION}): reload to update it`,
    );
  }
  if (version > PLAN_SCHEMA_VERSION) {
    throw new SignInError(
      `this editor is newer than the server (plan schema ${version}, the server uses ${PLAN_SCHEMA_VERSION})`,
    );
  }
}

/**
 * A Hocuspocus server for plans. Everyone signs in; each update is checked against the sections
 * the sender's role may change and against the plan schema, logged to SQLite or PostgreSQL before
 * it is acknowledged, and noted in the audit trail; the log is folded into a snapshot when the
 * last client leaves, when the server stops, and after edits once typing pauses. With `redis`,
 * several instances serve the same documents. The HTTP API (see `httpApi`) shares the port.
 */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  const signIn = new SignIn(options.signIn);
  const policy = options.policy ?? DEFAULT_SECTION_POLICY;
  const suggestPolicy = options.suggestPolicy ?? DEFAULT_SUGGEST_POLICY;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const store = options.store ?? openStore(options.db ?? "./data/ehcp.sqlite");
  const audit = new AuditTrail(store);
  // The HTTP API changes plans (issuing them) through Hocuspocus, so connected clients see it.
  let openDocument: (name: string) => ReturnType<Hocuspocus["openDirectConnection"]> = () => {
    throw new Error("the server has not been created yet");
  };
  let liveDocument: (name: string) => Y.Doc | undefined = () => undefined;
  const api = httpApi({
    openDocument: (name) => openDocument(name),
    liveDocument: (name) => liveDocument(name),
    signIn,
    policy,
    store,
    audit,
    exportOptions: options.exportOptions ?? {},
    quality: options.quality ?? {},
    maxImportBytes: limits.maxImportBytes,
    allowedOrigins: options.allowedOrigins ?? [],
  });
  const owners = new ClientOwners(store);
  const extensions: Extension[] = [
    // Flooding is slowed before anything else reads the message; then garbage is refused.
    new MessageRateLimit(limits),
    messageGuard(),
    sessionLifetime(signIn),
    presenceGuard(owners),
    ...(options.redis ? [redisExtension(options.redis)] : []),
  ];

  // Per open plan: a copy on which incoming updates are tried first, and its size so far.
  const shadows = new Map<string, PlanShadow>();
  const sizes = new Map<string, number>();
  const shadowOf = (name: string, document: Y.Doc) => {
    let shadow = shadows.get(name);
    if (!shadow) {
      shadow = new PlanShadow(document);
      shadows.set(name, shadow);
    }
    return shadow;
  };
  // Connections made read-only for one refused message, with what they were before.
  const refusing = new Map<object, boolean>();
  const connectionsPerUser = new Map<string, number>();
  // Refused edits per connection in the current minute: each one costs a rebuild of the plan's
  // copy, and a client that keeps sending them has not dropped its document as it must.
  const refusals = new WeakMap<object, { count: number; minute: number }>();

  const flushAudit = () =>
    audit.flush().catch((error: Error) => {
      console.error(`audit trail not written yet (${error.name}); will retry`);
    });
  const auditTimer = setInterval(flushAudit, 30_000);
  auditTimer.unref();

  const server = new Server({
    extensions,
    port: options.port ?? 1234,
    address: options.host ?? "127.0.0.1",
    quiet: true,
    stopOnSignals: false,
    websocketOptions: { maxPayload: limits.maxMessageBytes },
    async onAuthenticate({ token, documentName, connectionConfig, requestParameters }) {
      checkSchemaVersion(requestParameters.getAll("schemaVersion"));
      const user = await signIn.verify(token, documentName);
      if ((connectionsPerUser.get(user.id) ?? 0) >= limits.maxConnectionsPerUser) {
        throw new SignInError(
          `${user.name} has ${limits.maxConnectionsPerUser} connections open already: close one first`,
          403,
        );
      }
      if (user.role === "viewer") connectionConfig.readOnly = true;
      return { user };
    },
    async connected({ context }) {
      const id = (context as { user: SignedInUser }).user.id;
      connectionsPerUser.set(id, (connectionsPerUser.get(id) ?? 0) + 1);
    },
    async onDisconnect({ context }) {
      const id = (context as { user?: SignedInUser }).user?.id;
      if (id === undefined) return;
      const left = (connectionsPerUser.get(id) ?? 1) - 1;
      if (left > 0) connectionsPerUser.set(id, left);
      else connectionsPerUser.delete(id);
    },
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
          (options.app !== undefined && (await serveApp(options.app, request, response)));
      if (!handled) sendJson(response, 404, { error: "there is nothing at this address" });
      // Hocuspocus answers every request itself unless a hook rejects; this one has answered.
      throw null;
    },
    async onLoadDocument({ documentName, document }) {
      await loadStoredDocument(store, documentName, document);
      sizes.set(documentName, Y.encodeStateAsUpdate(document).length);
    },
    // Hocuspocus applies an update and acknowledges it right after this hook resolves, so each
    // update a client sends is on disk before the client hears it arrived.
    async beforeSync({ documentName, document, connection, context, type, payload }) {
      if (type === SYNC_STEP_1) {
        // The database, not Redis, is the record: before answering a client that asks for the
        // document (on connecting, and on each forced sync), take in whatever other instances
        // have logged, so an edit whose Redis relay was missed still reaches everyone.
        await loadStoredDocument(store, documentName, document);
        return;
      }
      if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
      // Read even from a read-only connection: Hocuspocus reads its updates too, to answer them.
      let meta: { to: Map<number, number> };
      try {
        meta = Y.parseUpdateMeta(payload);
        if (connection.readOnly) Y.decodeUpdate(payload);
      } catch {
        throw closeWith(4400, UNREADABLE_UPDATE);
      }
      if (connection.readOnly) return;
      const user = (context as { user?: SignedInUser }).user;
      if (!user) throw closeWith(4401, "sign in first");
      const refuse = (body: { parts: readonly string[] | null; reason: string }) => {
        const minute = Math.floor(Date.now() / 60_000);
        const seen = refusals.get(connection);
        const count = seen?.minute === minute ? seen.count + 1 : 1;
        refusals.set(connection, { count, minute });
        if (count > MAX_REFUSALS_PER_MINUTE) {
          throw closeWith(4429, "too many refused edits: reload the plan");
        }
        // Hocuspocus neither applies nor stores nor relays an update from a read-only connection,
        // and tells the client it was not accepted; the connection is writable again afterwards.
        refusing.set(connection, connection.readOnly);
        connection.readOnly = true;
        connection.sendStateless(JSON.stringify({ type: "edit-refused", ...body }));
      };
      // The client ids under which the update adds content: each must be this user's.
      const clients = new Set<number>();
      for (const [client, clock] of meta.to) {
        if (clock <= Y.getState(document.store, client)) continue;
        const whose = await owners.whose(documentName, document, client, user.id, context);
        if (whose !== "yours") {
          refuse({
            parts: null,
            reason:
              whose === "theirs"
                ? `the update adds content under the client id ${client}, which is someone else's`
                : `the update adds content under more client ids than one editor uses (${MAX_CLIENTS_PER_CONNECTION}): reload the plan`,
          });
          return;
        }
        clients.add(client);
      }
      const size = (sizes.get(documentName) ?? 0) + payload.length;
      if (size > limits.maxDocumentBytes) {
        refuse({
          parts: null,
          reason: `the plan would grow past ${limits.maxDocumentBytes.toLocaleString("en-GB")} bytes`,
        });
        return;
      }
      const shadow = shadowOf(documentName, document);
      const { problem, parts, items } = shadow.check(payload, {
        id: user.id,
        name: user.name,
        role: user.role,
        editable: new Set(policy[user.role]),
        suggestable: new Set(suggestPolicy[user.role]),
        clients,
      });
      if (problem !== null) {
        refuse({ parts, reason: problem });
        return;
      }
      try {
        await store.append(documentName, payload);
      } catch (error) {
        // Not stored, so not applied: the copy must forget it too.
        shadow.reset();
        throw error;
      }
      sizes.set(documentName, size);
      if (parts && parts.length > 0) {
        audit.record(documentName, { id: user.id, role: user.role }, new Set(parts), items);
      }
    },
    async afterHandleMessage({ connection }) {
      const wasReadOnly = refusing.get(connection);
      if (wasReadOnly === undefined) return;
      connection.readOnly = wasReadOnly;
      refusing.delete(connection);
    },
    async onStoreDocument({ documentName, document }) {
      const snapshot = Y.snapshot(document);
      const state = Y.encodeStateAsUpdate(document);
      await store.compact(
        documentName,
        state,
        (update) => Y.snapshotContainsUpdate(snapshot, update),
        summarizePlan(document),
      );
      sizes.set(documentName, state.length);
      await audit.flush(documentName);
    },
    async afterUnloadDocument({ documentName }) {
      shadows.get(documentName)?.destroy();
      shadows.delete(documentName);
      sizes.delete(documentName);
      owners.forget(documentName);
      await audit.flush(documentName, true);
    },
  });
  guardFrames(server, limits.maxMessageBytes);
  const sockets = openSockets(server.httpServer);
  openDocument = (name) => server.hocuspocus.openDirectConnection(name);
  liveDocument = (name) => server.hocuspocus.documents.get(name);
  let stopped: Promise<void> | undefined;
  return {
    hocuspocus: server.hocuspocus,
    handleRequest: api,
    async start() {
      const stored = new Set(options.seed?.length ? await store.list() : []);
      for (const plan of options.seed ?? []) {
        if (!stored.has(plan.id)) {
          const doc = planToYDoc(plan);
          await store.create(plan.id, Y.encodeStateAsUpdate(doc), summarizePlan(doc));
        }
      }
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
        clearInterval(auditTimer);
        await server.destroy();
        sockets.destroyAll();
        await audit.flush(undefined, true).catch(() => {});
        await store.close();
      })();
      return stopped;
    },
  };
}
