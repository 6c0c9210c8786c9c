import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCollabServer, SignIn } from "@ehcp/collab-server";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";
import { acknowledged, connectClient, disconnect } from "@ehcp/fixtures/node";
import { parsePlan, planToYDoc } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AWARENESS_INTERVAL_MS, BatchedProvider, UPDATE_BATCH_MS } from "./BatchedProvider.js";

const SECRET = "batched-provider-tests-secret-of-32-characters";
const dir = mkdtempSync(join(tmpdir(), "ehcp-batched-"));
const server = createCollabServer({
  port: 0,
  db: join(dir, "plans.sqlite"),
  signIn: { jwtSecret: SECRET },
});
let url = "";
beforeAll(async () => {
  url = await server.start();
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A writer on the editor's batching provider over a real WebSocket, with the plan shared. */
async function writer(name: string) {
  const token = await new SignIn({ jwtSecret: SECRET }).mint({
    id: "user-caseworker",
    name: "A caseworker",
    role: "caseworker",
    plans: "*",
  });
  const provider = await connectClient(url, name, token, { Provider: BatchedProvider });
  planToYDoc(parsePlan(examplePlan("plan-good.json")), provider.document);
  await acknowledged(provider);
  // What the provider sends, in order: "update" or "caret".
  const sent: string[] = [];
  provider.on("outgoingMessage", ({ message }: { message: { description: string } }) => {
    if (message.description === "A document update") sent.push("update");
    if (message.description === "Awareness states update") sent.push("caret");
  });
  return { provider, sent };
}

describe("BatchedProvider", () => {
  it("sends a keystroke after a pause, and its caret, at once: within the keystroke itself", async () => {
    const { provider, sent } = await writer(`plan-batched-idle-${Date.now()}`);
    // A pause in typing longer than both windows.
    await sleep(2 * Math.max(UPDATE_BATCH_MS, AWARENESS_INTERVAL_MS));
    sent.length = 0;
    const text = deliveredByText(provider.document);
    text.insert(text.length, "x");
    provider.awareness?.setLocalStateField("cursor", { at: text.length });
    // Nothing waited for a timer: the update left before the call returned, then its caret.
    expect(sent).toEqual(["update", "caret"]);
    disconnect(provider);
  });

  it("gathers what follows a keystroke within the window into one message, and sends a keystroke after the next pause at once again", async () => {
    const { provider, sent } = await writer(`plan-batched-burst-${Date.now()}`);
    await sleep(2 * UPDATE_BATCH_MS);
    sent.length = 0;
    const text = deliveredByText(provider.document);
    for (const ch of "abcde") text.insert(text.length, ch);
    // The first went at once; the other four wait for the window, as one message.
    expect(sent).toEqual(["update"]);
    while (sent.length < 2) await sleep(5);
    await sleep(2 * UPDATE_BATCH_MS);
    expect(sent).toEqual(["update", "update"]);
    await acknowledged(provider);
    const reader = await connectClient(
      url,
      provider.configuration.name,
      await new SignIn({ jwtSecret: SECRET }).mint({
        id: "user-health",
        name: "A health worker",
        role: "health",
        plans: "*",
      }),
    );
    expect(deliveredByText(reader.document).toString()).toMatch(/abcde$/);
    // After the pause, the next keystroke does not wait.
    text.insert(text.length, "f");
    expect(sent).toEqual(["update", "update", "update"]);
    disconnect(reader);
    disconnect(provider);
  });
});
