import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { PLAN_SCHEMA_VERSION, parsePlan, planToYDoc, yDocToPlan } from "@ehcp/schema";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { acknowledged, connect, disconnect } from "../../test/connect.js";
import { startTestServer } from "../../test/testServer.js";
import { tokenFor } from "../../test/tokens.js";

describe("planPolicy when the store cannot save", () => {
  it("tells the writer their change was not saved, and stores it when their editor sends it again", async () => {
    const server = await startTestServer("not-saved");
    const plan = parsePlan(examplePlan("plan-good.json"));
    const writer = await connect(server.url, plan.id);
    planToYDoc(plan, writer.document);
    await acknowledged(writer);

    // Another program holds the file, longer than SQLite waits for it.
    const other = new Database(server.file);
    other.exec("BEGIN EXCLUSIVE");
    const closed = new Promise<string | undefined>((resolve) =>
      writer.on("close", ({ event }: { event: { reason?: string } }) => resolve(event.reason)),
    );
    const text = deliveredByText(writer.document);
    text.insert(text.length, " and an assistant");
    expect(await closed).toBe("not saved: database is locked");
    expect(writer.hasUnsyncedChanges).toBe(true);
    other.exec("ROLLBACK");
    other.close();

    // The editor reconnects with the document it kept, and the change goes again.
    const document = writer.document;
    disconnect(writer);
    const websocketProvider = new HocuspocusProviderWebsocket({
      url: `${server.url}/?schemaVersion=${PLAN_SCHEMA_VERSION}`,
      WebSocketPolyfill: WebSocket,
      maxAttempts: 1,
    });
    const again = new HocuspocusProvider({
      websocketProvider,
      name: plan.id,
      document,
      token: await tokenFor("caseworker"),
    });
    again.attach();
    await new Promise<void>((resolve) => again.on("synced", () => resolve()));
    await acknowledged(again);
    disconnect(again);
    await server.restart();
    const reader = await connect(server.url, plan.id);
    expect(yDocToPlan(reader.document).sections.F.provisions[0]?.deliveredBy).toBe(
      `${plan.sections.F.provisions[0]?.deliveredBy} and an assistant`,
    );
    disconnect(reader);
    await server.stop();
  });
});
