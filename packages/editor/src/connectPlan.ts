import { PLAN_SCHEMA_VERSION } from "@ehcp/schema";
import { HocuspocusProvider } from "@hocuspocus/provider";
import * as Y from "yjs";

/** The server's refusal of an edit, as it sends it. */
export interface EditRefusal {
  readonly parts: readonly string[] | null;
  readonly reason: string;
}

export interface ConnectPlanOptions {
  /** The collaboration server's address, `ws://…` or `wss://…`. */
  readonly url: string;
  readonly planId: string;
  /** The signed-in user's token; a function is asked again on every (re)connection. */
  readonly token: string | (() => string) | (() => Promise<string>);
  /**
   * Called when the server refuses an edit. By then the connection has been replaced by a fresh
   * one holding the server's state, passed as `next`: show it instead.
   */
  readonly onRefused?: (refusal: EditRefusal, next: PlanConnection) => void;
  /** Called when the server refuses the connection itself, with its reason. */
  readonly onDenied?: (reason: string) => void;
}

export interface PlanConnection {
  readonly document: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves once the plan has arrived from the server. */
  readonly synced: Promise<void>;
  destroy(): void;
}

/**
 * Connects to one plan on the collaboration server, saying which plan schema this editor speaks.
 * When the server refuses an edit, the refused change is still in this document, and the
 * provider would send it again on every reconnection; so the document is dropped and a fresh one
 * synced from the server, and `onRefused` hands it over.
 */
export function connectPlan(options: ConnectPlanOptions): PlanConnection {
  const document = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: `${options.url.replace(/\/$/, "")}/?schemaVersion=${PLAN_SCHEMA_VERSION}`,
    name: options.planId,
    document,
    token: options.token,
    onAuthenticationFailed: ({ reason }) => options.onDenied?.(reason),
  });
  let replaced = false;
  const connection: PlanConnection = {
    document,
    provider,
    synced: new Promise<void>((resolve) => {
      if (provider.isSynced) resolve();
      provider.on("synced", () => resolve());
    }),
    destroy() {
      provider.destroy();
      document.destroy();
    },
  };
  provider.on("stateless", ({ payload }: { payload: string }) => {
    let message: { type?: unknown; parts?: unknown; reason?: unknown };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (message.type !== "edit-refused" || replaced) return;
    replaced = true;
    connection.destroy();
    const next = connectPlan(options);
    options.onRefused?.(
      {
        parts: Array.isArray(message.parts) ? (message.parts as string[]) : null,
        reason: typeof message.reason === "string" ? message.reason : "the edit was refused",
      },
      next,
    );
  });
  return connection;
}
