import type { IncomingMessage, ServerResponse } from "node:http";
import type { ExportOptions } from "@ehcp/export";
import type { QualityConfig } from "@ehcp/quality";
import type { Plan } from "@ehcp/schema";
import type { DirectConnection } from "@hocuspocus/server";
import type * as Y from "yjs";
import type { AuditTrail } from "../AuditTrail.js";
import type { SectionPolicy } from "../sectionPolicy.js";
import type { SignIn, SignedInUser } from "../signIn.js";
import type { DocumentStore } from "../store/DocumentStore.js";
import type { DocumentAccess } from "../ws/documentAccess.js";

export interface HttpApiOptions {
  /** Opens a plan through Hocuspocus, so changes the API makes reach connected clients. */
  readonly openDocument: (name: string) => Promise<DirectConnection>;
  /** The document of a plan open on this server, if it is. */
  readonly liveDocument?: (name: string) => Y.Doc | undefined;
  readonly signIn: SignIn;
  /** Who may open which document (a request for advice opens its advice to its adviser). */
  readonly access: DocumentAccess;
  readonly policy: SectionPolicy;
  readonly store: DocumentStore;
  readonly audit: AuditTrail;
  readonly exportOptions: ExportOptions;
  readonly quality: QualityConfig;
  /** The largest plan `POST /plans` takes, in bytes. */
  readonly maxImportBytes: number;
  /** The day as the server counts it, YYYY-MM-DD (see `CollabServerOptions.today`). */
  readonly today?: () => string;
  /** Origins whose pages may call the API (see `CollabServerOptions.allowedOrigins`). */
  readonly allowedOrigins?: readonly string[];
}

/** One endpoint: a method, a path whose groups are its parameters, and what answers it. */
export interface Route {
  readonly method: string;
  readonly path: RegExp;
  readonly handle: (
    request: IncomingMessage,
    response: ServerResponse,
    params: string[],
    query: URLSearchParams,
  ) => Promise<void>;
}

/** What every group of routes is given: the API's options and the steps they share. */
export interface RouteContext {
  readonly options: HttpApiOptions;
  /** The bearer token of a request; a 401 without one. */
  readonly tokenOf: (request: IncomingMessage) => string;
  /** The person whose token the request carries, if it opens the plan; a 401 or 403 if not. */
  readonly userFor: (request: IncomingMessage, planId: string) => Promise<SignedInUser>;
  /** A 403 unless the role may manage plans (change their outline). */
  readonly mayManage: (user: SignedInUser) => void;
  /** The stored plan as Plan JSON; a 404 if there is none, a 409 if it cannot be read. */
  readonly readPlan: (id: string) => Promise<Plan>;
  /** The request's JSON body, at most `limit` bytes; `{}` when empty, a 400 if not JSON. */
  readonly readJson: (request: IncomingMessage, limit: number) => Promise<unknown>;
  /** Stores a new plan; the token must open it and its role manage plans. */
  readonly createPlan: (request: IncomingMessage, plan: Plan) => Promise<void>;
}
