import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { PLAN_SCHEMA_VERSION, parsePlan, planToYDoc, yDocToPlan } from "@ehcp/schema";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { acknowledged, connect, disconnect } from "../../test/connect.js";
import { startTestServer } from "../../test/testServer.js";
import { tokenFor } from "../../test/tokens.js";
import type { DocumentStore } from "../store/DocumentStore.js";
import { SqliteDocumentStore } from "../store/SqliteDocumentStore.js";

/**
 * The server's SQLite store with its appends in the test's hands: held until released, or failed
 * as a full disk would fail them. It never compacts, so what it holds of a plan is what was
 * appended.
 */
function handStore() {
  let store!: SqliteDocumentStore;
  let release: () => void = () => {};
  let held: Promise<void> | null = null;
  const hand = {
    failing: 0,
    events: [] as string[],
    hold() {
      held = new Promise((resolve) => (release = resolve));
    },
    release() {
      held = null;
      release();
    },
    /** The plan as a fresh server would load it from this store. */
    async stored(name: string) {
      const { snapshot, updates } = await store.load(name);
      const doc = new Y.Doc();
      for (const update of [...(snapshot ? [snapshot] : []), ...updates])
        Y.applyUpdate(doc, update);
      return yDocToPlan(doc);
    },
    open(file: string): DocumentStore {
      store = new SqliteDocumentStore(file);
      return new Proxy(store, {
        get(target, key) {
          if (key === "compact") return async () => {};
          if (key === "append") {
            return async (name: string, update: Uint8Array) => {
              if (held) await held;
              if (hand.failing > 0) {
                hand.failing--;
                throw new Error("disk full");
              }
              await target.append(name, update);
              hand.events.push("on disk");
            };
          }
          const value = Reflect.get(target, key) as unknown;
          return typeof value === "function" ? (value as () => unknown).bind(target) : value;
        },
      });
    },
  };
  return hand;
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("acknowledgements held until the disk has the update", () => {
  it("relays a keystroke to everyone before it is on disk, and tells the writer it is saved only once it is", async () => {
    const hand = handStore();
    const server = await startTestServer("held-acks", { openStore: hand.open });
    const plan = parsePlan(examplePlan("plan-good.json"));
    const writer = await connect(server.url, plan.id);
    planToYDoc(plan, writer.document);
    await acknowledged(writer);
    const reader = await connect(server.url, plan.id);

    hand.hold();
    const text = deliveredByText(writer.document);
    text.insert(text.length, " and an assistant");
    await until(() => deliveredByText(reader.document).toString().endsWith(" and an assistant"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(writer.hasUnsyncedChanges).toBe(true);

    writer.on("unsyncedChanges", ({ number }: { number: number }) => {
      if (number === 0) hand.events.push("writer told saved");
    });
    hand.release();
    await acknowledged(writer);
    expect(hand.events.slice(-2)).toEqual(["on disk", "writer told saved"]);
    expect((await hand.stored(plan.id)).sections.F.provisions[0]?.deliveredBy).toBe(
      `${plan.sections.F.provisions[0]?.deliveredBy} and an assistant`,
    );
    disconnect(reader);
    disconnect(writer);
    await server.stop();
  });

  it("saves the whole plan when an update could not be logged, and tells the writer it was saved", async () => {
    const hand = handStore();
    const server = await startTestServer("held-acks-heal", { openStore: hand.open });
    const plan = parsePlan(examplePlan("plan-good.json"));
    const writer = await connect(server.url, plan.id);
    planToYDoc(plan, writer.document);
    await acknowledged(writer);
    let closed = false;
    writer.on("close", () => (closed = true));

    hand.failing = 1;
    const text = deliveredByText(writer.document);
    text.insert(text.length, " and an assistant");
    await acknowledged(writer);
    expect(closed).toBe(false);
    expect((await hand.stored(plan.id)).sections.F.provisions[0]?.deliveredBy).toBe(
      `${plan.sections.F.provisions[0]?.deliveredBy} and an assistant`,
    );
    disconnect(writer);
    await server.stop();
  });

  it("tells the writer it was not saved when neither the update nor the plan could be, and takes it when their editor sends it again", async () => {
    const hand = handStore();
    const server = await startTestServer("held-acks-fail", { openStore: hand.open });
    const plan = parsePlan(examplePlan("plan-good.json"));
    const writer = await connect(server.url, plan.id);
    planToYDoc(plan, writer.document);
    await acknowledged(writer);
    const closed = new Promise<string | undefined>((resolve) =>
      writer.on("close", ({ event }: { event: { reason?: string } }) => resolve(event.reason)),
    );

    hand.failing = 2;
    const text = deliveredByText(writer.document);
    text.insert(text.length, " and an assistant");
    expect(await closed).toBe("not saved: disk full");
    expect(writer.hasUnsyncedChanges).toBe(true);

    // Meanwhile the plan in memory has the change; anyone who says "saved" of it waits until
    // the plan is on disk. The editor reconnects with the document it kept.
    const document = writer.document;
    disconnect(writer);
    const again = new HocuspocusProvider({
      websocketProvider: new HocuspocusProviderWebsocket({
        url: `${server.url}/?schemaVersion=${PLAN_SCHEMA_VERSION}`,
        WebSocketPolyfill: WebSocket,
        maxAttempts: 1,
      }),
      name: plan.id,
      document,
      token: await tokenFor("caseworker"),
    });
    again.attach();
    await new Promise<void>((resolve) => again.on("synced", () => resolve()));
    await acknowledged(again);
    expect((await hand.stored(plan.id)).sections.F.provisions[0]?.deliveredBy).toBe(
      `${plan.sections.F.provisions[0]?.deliveredBy} and an assistant`,
    );
    disconnect(again);
    await server.stop();
  });
});
