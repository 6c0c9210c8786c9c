import { PLAN_SCHEMA_VERSION } from "@ehcp/schema";
import {
  type HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from "@hocuspocus/provider";
import * as Y from "yjs";
import { BatchedProvider } from "./BatchedProvider.js";
import { carryOver } from "./carryOver.js";
import { keepLocalCopy } from "./localCopy.js";
import { describeSaveStatus, type SaveStatus, type SaveStatusSource } from "./saveStatus.js";

/** The server's refusal of an edit, as it sends it. */
export interface EditRefusal {
  readonly parts: readonly string[] | null;
  readonly reason: string;
  /** The sections whose later changes were kept in the fresh document (see `onRefused`). */
  readonly kept: readonly string[];
}

export interface ConnectPlanOptions {
  /** The collaboration server's address, `ws://…` or `wss://…`. */
  readonly url: string;
  readonly planId: string;
  /** The signed-in user's token; a function is asked again on every (re)connection. */
  readonly token: string | (() => string) | (() => Promise<string>);
  /**
   * Asked for a fresh token when the server refuses the one it has (expired, or signed with a
   * key it no longer has) and a minute before a JWT expires; the editor then reconnects with it
   * by itself. Without it, the status says why nothing can be saved.
   */
  readonly renewToken?: () => string | Promise<string>;
  /**
   * Whether what the writer types is kept in this browser (IndexedDB) until the server has it,
   * so that a reload or a closed laptop while offline loses nothing. Default true. The copy is
   * removed when the plan is closed with everything saved, and by `clearLocalCopies` (call it on
   * sign-out); switch it off on shared computers where the council does not want plans kept.
   */
  readonly localCopy?: boolean;
  /**
   * Whose copy the browser keeps: the signed-in user's id, so that someone else signing in at
   * this browser never loads (and sends as theirs) another's unsaved changes. Default: the
   * token's subject, when it is a JWT.
   */
  readonly user?: string;
  /**
   * Called when the server refuses an edit. Every later change of this document builds on the
   * refused one, so the server could take none of them: a fresh document is synced from the
   * server, and what the writer has in the sections the refusal does not name (every section,
   * when it names none) is written into it. Show `next` instead. Without this callback the document is kept, nothing more is sent,
   * the browser's copy is deleted, and the status says to reload.
   */
  readonly onRefused?: (refusal: EditRefusal, next: PlanConnection) => void;
  /** Called when the server refuses the first connection itself, with its reason. */
  readonly onDenied?: (reason: string) => void;
}

export interface PlanConnection extends SaveStatusSource {
  readonly document: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves once the plan has arrived from the server. */
  readonly synced: Promise<void>;
  /** Resolves once what this browser kept of the plan (if anything) is in the document. */
  readonly loaded: Promise<void>;
  /** The refused edit this connection replaced an earlier one for, shown by `SaveStatus`. */
  readonly refusal: EditRefusal | null;
  destroy(): void;
}

// The provider's own reconnection after a dropped socket: soon, then backing off to 4 s, so a
// restarted server is found again within a few seconds.
const SOCKET_RETRY = { delay: 500, minDelay: 250, factor: 1.5, maxDelay: 4_000, jitter: true };
/** Hocuspocus's reasons for ending a connection that say nothing is wrong with this one. */
const RESETS = new Set(["Reset Connection", "Server closed the connection"]);
/** The longest wait before trying again after the server itself refused or closed. */
const MAX_BACKOFF_MS = 30_000;

/** What a JWT says of itself, unverified (the server verifies it), or {} when it is not one. */
function claimsOf(token: string): { exp?: unknown; sub?: unknown } {
  try {
    const payload = token.split(".")[1] ?? "";
    return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as object;
  } catch {
    return {};
  }
}

/** When a JWT expires, in milliseconds since 1970, or null when it says nothing of it. */
function expiryOf(token: string): number | null {
  const { exp } = claimsOf(token);
  return typeof exp === "number" ? exp * 1000 : null;
}

/** Sets the refusal a fresh connection was made for, once what was kept is known. */
const setRefusal = new WeakMap<PlanConnection, (refusal: EditRefusal) => void>();

/** Documents made to replace one the server refused an edit of (see `onRefused`). */
const replacements = new WeakSet<Y.Doc>();

/** Registry from a provider to the connection that made it, for `saveStatusOf`. */
export const connectionOfProvider = new WeakMap<object, PlanConnection>();

/**
 * Connects to one plan on the collaboration server, saying which plan schema this editor speaks,
 * and keeps the writer's work safe: typing goes in batches; on any close (network, a server
 * restart, the rate limit, an expired token) it reconnects by itself with backoff, and the sync
 * sends what the server has not acknowledged; with `localCopy`, the browser keeps the plan until
 * the server has it. `status` says where the work is, for `SaveStatus` to show.
 */
export function connectPlan(
  options: ConnectPlanOptions,
  /** Starts keeping the local copy only after this (the removal of one being replaced). */
  localCopyAfter?: Promise<void>,
): PlanConnection {
  const document = new Y.Doc();
  const keptOnDevice = options.localCopy !== false && typeof indexedDB !== "undefined";
  const subject = typeof options.token === "string" ? claimsOf(options.token).sub : undefined;
  const owner = options.user ?? (typeof subject === "string" ? subject : "");
  const local = keptOnDevice
    ? keepLocalCopy(`${owner}:${options.planId}`, document, localCopyAfter)
    : null;
  let renewed: string | null = null;
  // The token the last sign-in sent: a refusal is of that one, not of one renewed since.
  let sent: string | null = null;
  const currentToken = async () => {
    sent = renewed ?? (typeof options.token === "function" ? await options.token() : options.token);
    return sent;
  };
  const socket = new HocuspocusProviderWebsocket({
    url: `${options.url.replace(/\/$/, "")}/?schemaVersion=${PLAN_SCHEMA_VERSION}`,
    ...SOCKET_RETRY,
  });
  const provider = new BatchedProvider({
    websocketProvider: socket,
    name: options.planId,
    document,
    token: currentToken,
  });
  // A provider given its own socket waits to be attached; listeners go on first (see below).

  let destroyed = false;
  let everSynced = false;
  // Until the first connection succeeds or fails, the editor is on its way to the server.
  let settled = false;
  let problem: string | null = null;
  let failures = 0;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  let retired = false;
  // With no copy on this device, closing the tab before the server has this writer's changes
  // loses them: the browser is asked to warn. Set by the writer's own changes (the server's
  // come with the provider as their origin), cleared once the status is "Saved".
  let unsaved = false;
  const listeners = new Set<(status: SaveStatus) => void>();

  const online = () =>
    socket.status === WebSocketStatus.Connected && provider.isAuthenticated && provider.isSynced;
  const compute = (): SaveStatus =>
    describeSaveStatus({
      problem,
      online: settled ? online() : true,
      pending: settled ? provider.hasUnsyncedChanges || !provider.isSynced : true,
      keptOnDevice,
    });
  let status = compute();
  const update = () => {
    if (destroyed) return;
    const next = compute();
    if (next.message === status.message) return;
    status = next;
    if (status.state === "saved") unsaved = false;
    for (const listener of listeners) listener(status);
  };

  /**
   * Drops the socket and connects afresh after a wait that grows with each failure; `why`, when
   * the server said something is wrong, is shown until the plan is in sync again.
   */
  const restart = (why: string | null) => {
    failures += 1;
    const wait = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (failures - 1)) * (0.75 + Math.random() / 2);
    problem = why && `${why}; trying again in ${Math.max(1, Math.round(wait / 1000))} s`;
    clearTimeout(restartTimer);
    socket.disconnect();
    restartTimer = setTimeout(() => {
      if (destroyed) return;
      // A socket whose close has not come through yet would make `connect` a no-op.
      if (socket.status === WebSocketStatus.Connected) {
        socket.onClose({ event: { code: 4000, reason: "reconnecting" } as CloseEvent });
      }
      void socket.connect();
    }, wait);
    update();
  };

  const scheduleRenewal = (token: string) => {
    clearTimeout(renewTimer);
    const expiry = options.renewToken ? expiryOf(token) : null;
    if (expiry === null) return;
    renewTimer = setTimeout(
      () =>
        void renew().then((fresh) => {
          // A signed-in connection takes the fresh token; one still signing in is answered about
          // the token it sent, and the refusal's reconnection uses the fresh one (sending it now
          // would make that refusal look like one of the fresh token, and ask for another).
          if (fresh && provider.isAuthenticated) void provider.sendToken();
        }),
      Math.max(0, expiry - Date.now() - 60_000),
    );
  };
  // One renewal at a time: a refusal and the expiry timer may both ask for one.
  let renewing: Promise<boolean> | null = null;
  const renew = (): Promise<boolean> => {
    const ask = options.renewToken;
    if (!ask) return Promise.resolve(false);
    renewing ??= (async () => {
      try {
        renewed = await ask();
      } catch {
        return false;
      }
      scheduleRenewal(renewed);
      return true;
    })().finally(() => {
      renewing = null;
    });
    return renewing;
  };
  if (typeof options.token === "string") scheduleRenewal(options.token);

  document.on("update", (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) unsaved = true;
  });
  const warnBeforeClosing = (event: BeforeUnloadEvent) => {
    if (destroyed || !unsaved || status.state === "saved") return;
    event.preventDefault();
    // Chromium before 119 and Safari warn only with a return value set.
    event.returnValue = "";
  };
  if (!keptOnDevice && typeof window !== "undefined") {
    window.addEventListener("beforeunload", warnBeforeClosing);
  }

  provider.on("status", update);
  provider.on("unsyncedChanges", update);
  provider.on("authenticated", update);
  provider.on("synced", () => {
    everSynced = true;
    settled = true;
    problem = null;
    failures = 0;
    update();
  });
  provider.on("close", ({ event }: { event: { code?: number; reason?: string } }) => {
    settled = true;
    if (destroyed) return;
    const reason = event.reason ?? "";
    // The socket is still up when the server ended only this plan's connection, with a reason
    // (too fast, an unreadable update, a token no longer valid): nothing more is taken on it.
    if (socket.status === WebSocketStatus.Connected && socket.shouldConnect) {
      // A server stopping or restarting resets its connections: that is being offline a while.
      restart(
        RESETS.has(reason)
          ? null
          : `the server stopped taking changes (${reason || "no reason given"})`,
      );
      return;
    }
    if ((event.code ?? 0) >= 4000 && reason && reason !== "reconnecting") {
      problem = `the server closed the connection (${reason})`;
    }
    update();
  });
  provider.on("authenticationFailed", ({ reason }: { reason: string }) => {
    settled = true;
    if (destroyed) return;
    // The expiry timer may have renewed the token after the refused one went: that one is used,
    // and the embedder is not asked twice.
    const fresher = renewed !== null && renewed !== sent;
    void (fresher ? Promise.resolve(true) : renew()).then((fresh) => {
      if (destroyed) return;
      if (!fresh && !everSynced) options.onDenied?.(reason);
      restart(fresh ? `the server refused the old sign-in (${reason})` : reason);
    });
  });
  provider.on("stateless", ({ payload }: { payload: string }) => {
    let message: { type?: unknown; parts?: unknown; reason?: unknown };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (message.type !== "edit-refused" || retired) return;
    retired = true;
    provider.hold();
    const parts = Array.isArray(message.parts) ? (message.parts as string[]) : null;
    const reason = typeof message.reason === "string" ? message.reason : "the edit was refused";
    // The writer's work carried into a fresh document once and refused again, with no section
    // named: carrying it once more would be refused the same way, over and over.
    const again = parts === null && replacements.has(document);
    if (!options.onRefused || again) {
      // The browser's copy holds the refused change too, and would send it again on each reload;
      // kept when nothing says which section it is in, since it then holds all the writer's work.
      if (!again) void local?.close("always");
      const advice = again
        ? "your work is kept on this device; reload the plan"
        : "reload the plan";
      problem = `the server refused a change (${reason}); what is typed from now on cannot be saved: ${advice}`;
      update();
      return;
    }
    const onRefused = options.onRefused;
    const next = connectPlan(options, local ? local.close("always") : undefined);
    replacements.add(next.document);
    void next.synced.then(() => {
      if (destroyed) {
        next.destroy();
        return;
      }
      // When the server could not tell which section the change was in (a client id, the plan's
      // size), every section the writer changed is carried: their work is checked afresh as the
      // fresh document's own changes, and nothing is dropped on a guess.
      const refused = new Set<string>(parts ?? []);
      const kept = carryOver(document, next.document, refused);
      const refusal = { parts, reason, kept };
      setRefusal.get(next)?.(refusal);
      onRefused(refusal, next);
      connection.destroy();
    });
  });

  let refusal: EditRefusal | null = null;
  const connection: PlanConnection = {
    document,
    provider,
    synced: new Promise<void>((resolve) => {
      if (provider.isSynced) resolve();
      provider.on("synced", () => resolve());
    }),
    loaded: local?.loaded ?? Promise.resolve(),
    get refusal() {
      return refusal;
    },
    get status() {
      return status;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      if (destroyed) return;
      const saved = online() && !provider.hasUnsyncedChanges && !retired;
      destroyed = true;
      if (typeof window !== "undefined") {
        window.removeEventListener("beforeunload", warnBeforeClosing);
      }
      clearTimeout(restartTimer);
      clearTimeout(renewTimer);
      listeners.clear();
      provider.destroy();
      socket.destroy();
      // Kept while anything is unsaved; the next page that opens the plan sends it.
      void local?.close(saved && "if-alone").finally(() => document.destroy());
      if (!local) document.destroy();
    },
  };
  connectionOfProvider.set(provider, connection);
  setRefusal.set(connection, (value) => {
    refusal = value;
  });
  provider.attach();
  return connection;
}
