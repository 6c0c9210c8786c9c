import type { HocuspocusProvider } from "@hocuspocus/provider";
import { connectClient } from "@ehcp/fixtures/node";
import { tokenFor } from "./tokens.js";

export { acknowledged, disconnect } from "@ehcp/fixtures/node";

/** A real client over a real WebSocket, a caseworker unless `token` says otherwise. */
export async function connect(
  url: string,
  name: string,
  token?: string,
  options?: Parameters<typeof connectClient>[3],
): Promise<HocuspocusProvider> {
  return connectClient(url, name, token ?? (await tokenFor("caseworker")), options);
}
