import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { PLAN_SCHEMA_VERSION } from "@ehcp/schema";
import WebSocket from "ws";
import { tokenFor } from "./tokens.js";

/** A real client over a real WebSocket, resolved once it has synced with the server. */
export async function connect(
  url: string,
  name: string,
  token?: string,
  options: { forceSyncInterval?: number; schemaVersion?: number | null } = {},
): Promise<HocuspocusProvider> {
  const { schemaVersion = PLAN_SCHEMA_VERSION, ...providerOptions } = options;
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: schemaVersion === null ? url : `${url}/?schemaVersion=${schemaVersion}`,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  let refuse: (reason: string) => void = () => {};
  const provider = new HocuspocusProvider({
    websocketProvider,
    name,
    token: token ?? (await tokenFor("caseworker")),
    onAuthenticationFailed: ({ reason }) => refuse(reason),
    ...providerOptions,
  });
  // A provider given its own socket waits to be attached.
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync with ${url} for ${name}`)), 10_000);
    refuse = (reason) => {
      clearTimeout(timer);
      reject(new Error(`refused: ${reason}`));
    };
    provider.on("synced", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return provider;
}

/** Resolves once the server has acknowledged every change this client made. */
export async function acknowledged(provider: HocuspocusProvider): Promise<void> {
  while (provider.hasUnsyncedChanges) await new Promise((r) => setTimeout(r, 10));
}

export function disconnect(provider: HocuspocusProvider): void {
  provider.destroy();
  provider.configuration.websocketProvider.destroy();
}
