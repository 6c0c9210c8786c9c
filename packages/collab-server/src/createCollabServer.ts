import type { IncomingMessage, ServerResponse } from "node:http";
import type { ExportOptions } from "@ehcp/export";
import type { QualityConfig } from "@ehcp/quality";
import { DEFAULT_SUGGEST_POLICY, type Plan } from "@ehcp/schema";
import { type Extension, type Hocuspocus, Server } from "@hocuspocus/server";
import { AuditTrail } from "./AuditTrail.js";
import { httpApi } from "./http/httpApi.js";
import { httpRequests } from "./http/httpRequests.js";
import { openSockets } from "./openSockets.js";
import { redisExtension } from "./redisExtension.js";
import { DEFAULT_SECTION_POLICY, type SectionPolicy } from "./sectionPolicy.js";
import { SignIn, type SignInOptions } from "./signIn.js";
import type { DocumentStore } from "./store/DocumentStore.js";
import { loadStoredDocument } from "./store/loadStoredDocument.js";
import { openStore } from "./store/openStore.js";
import { seedPlans } from "./store/seedPlans.js";
import { adviceAccessWatch } from "./ws/adviceAccessWatch.js";
import { auditTrailWriter } from "./ws/auditTrailWriter.js";
import { ClientOwners } from "./ws/ClientOwners.js";
import { clientIdGate } from "./ws/clientIdGate.js";
import { connectionCap } from "./ws/connectionCap.js";
import { DocumentAccess } from "./ws/documentAccess.js";
import { documentSizeCap } from "./ws/documentSizeCap.js";
import { EditRefusals } from "./ws/EditRefusals.js";
import { guardFrames } from "./ws/frameGuard.js";
import { MessageRateLimit } from "./ws/MessageRateLimit.js";
import { messageGuard } from "./ws/messageGuard.js";
import { persistence } from "./ws/persistence.js";
import { planPolicy } from "./ws/planPolicy.js";
import { presenceGuard } from "./ws/presenceGuard.js";
import { schemaVersionGate } from "./ws/schemaVersionGate.js";
import { sessionLifetime } from "./ws/sessionLifetime.js";
import { signInGate } from "./ws/signInGate.js";

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
  /**
   * The day as the server counts it, YYYY-MM-DD: the date a request for advice is made on, and
   * what its six weeks are counted to. Default the date in UTC; tests pass a day of their own.
   */
  readonly today?: () => string;
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

/**
 * A Hocuspocus server for plans. Everyone signs in; each update is checked against the sections
 * the sender's role may change and against the plan schema, logged to SQLite or PostgreSQL before
 * it is acknowledged, and noted in the audit trail; the log is folded into a snapshot when the
 * last client leaves, when the server stops, and after edits once typing pauses. With `redis`,
 * several instances serve the same documents. The HTTP API (see `httpApi`) shares the port.
 * Each concern is a Hocuspocus extension of its own (`src/ws/`, `src/http/`); this puts them in
 * order.
 */
export function createCollabServer(options: CollabServerOptions): CollabServer {
  const signIn = new SignIn(options.signIn);
  const policy = options.policy ?? DEFAULT_SECTION_POLICY;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const store = options.store ?? openStore(options.db ?? "./data/ehcp.sqlite");
  const audit = new AuditTrail(store);
  // The HTTP API changes plans (issuing them) through Hocuspocus, so connected clients see it.
  // The API is made before the server it is part of; it reaches Hocuspocus once there is one.
  const made: { hocuspocus?: Hocuspocus } = {};
  // A request for advice, kept in its plan, opens the advice to its adviser: read from the plan
  // as this server holds it, live if it is open here.
  const access = new DocumentAccess(signIn, policy, async (planId) => {
    const live = made.hocuspocus?.documents.get(planId);
    return live ?? (await loadStoredDocument(store, planId));
  });
  const api = httpApi({
    access,
    openDocument: (name) => {
      if (!made.hocuspocus) throw new Error("the server has not been created yet");
      return made.hocuspocus.openDirectConnection(name);
    },
    liveDocument: (name) => made.hocuspocus?.documents.get(name),
    signIn,
    policy,
    store,
    audit,
    exportOptions: options.exportOptions ?? {},
    quality: options.quality ?? {},
    maxImportBytes: limits.maxImportBytes,
    allowedOrigins: options.allowedOrigins ?? [],
    ...(options.today ? { today: options.today } : {}),
  });
  const owners = new ClientOwners(store);
  const refusals = new EditRefusals(audit);
  // Hocuspocus runs each hook extension by extension, in this order.
  const extensions: Extension[] = [
    // Flooding is slowed before anything else reads the message; then garbage is refused.
    new MessageRateLimit(limits),
    messageGuard(audit),
    schemaVersionGate(),
    signInGate(access),
    connectionCap(limits.maxConnectionsPerUser),
    sessionLifetime(access),
    adviceAccessWatch(),
    presenceGuard(owners),
    persistence(store),
    // An update is refused by the first of these that finds a reason; the rest then pass it by.
    clientIdGate(owners, refusals),
    documentSizeCap(limits.maxDocumentBytes, refusals),
    planPolicy({
      store,
      audit,
      refusals,
      policy,
      suggestPolicy: options.suggestPolicy ?? DEFAULT_SUGGEST_POLICY,
    }),
    refusals,
    auditTrailWriter(audit),
    httpRequests(signIn, api, options.app),
    ...(options.redis ? [redisExtension(options.redis)] : []),
  ];
  const server = new Server({
    extensions,
    port: options.port ?? 1234,
    address: options.host ?? "127.0.0.1",
    quiet: true,
    stopOnSignals: false,
    websocketOptions: { maxPayload: limits.maxMessageBytes },
  });
  made.hocuspocus = server.hocuspocus;
  guardFrames(server, limits.maxMessageBytes);
  const sockets = openSockets(server.httpServer);
  let stopped: Promise<void> | undefined;
  return {
    hocuspocus: server.hocuspocus,
    handleRequest: api,
    async start() {
      await seedPlans(store, options.seed ?? []);
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
      // Hocuspocus stores and unloads every plan, then the audit trail is written (see
      // `auditTrailWriter`); only then is the store closed.
      stopped ??= (async () => {
        await server.destroy();
        sockets.destroyAll();
        await store.close();
      })();
      return stopped;
    },
  };
}
