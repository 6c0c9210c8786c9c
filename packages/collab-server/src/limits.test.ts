import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePlan, planToYDoc, yDocToPlan } from "@ehcp/schema";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { acknowledged, connect, disconnect } from "../test/connect.js";
import { type Closed, MESSAGE, message, rawClient, syncUpdate } from "../test/rawClient.js";
import { TEST_SECRET, tokenFor } from "../test/tokens.js";
import { type CollabServerOptions, createCollabServer } from "./index.js";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";

const plan = parsePlan(examplePlan("plan-good.json"));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ehcp-limits-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function serve(limits: CollabServerOptions["limits"] = {}) {
  const server = createCollabServer({
    port: 0,
    db: join(dir, "plans.sqlite"),
    signIn: { jwtSecret: TEST_SECRET },
    limits,
  });
  const url = await server.start();
  const writer = await connect(url, plan.id);
  planToYDoc(plan, writer.document);
  await acknowledged(writer);
  return { server, url, writer };
}

/** A deterministic source of randomness, so a failing fuzz run can be repeated. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("limits", () => {
  it("closes a connection that sends a message over the size limit, and only that one", async () => {
    const { server, url, writer } = await serve({ maxMessageBytes: 64 * 1024 });
    const logged: unknown[][] = [];
    const log = (...args: unknown[]) => logged.push(args);
    const spies = [
      vi.spyOn(console, "error").mockImplementation(log),
      vi.spyOn(console, "warn").mockImplementation(log),
      vi.spyOn(console, "log").mockImplementation(log),
    ];
    const raw = await rawClient(url, plan.id, await tokenFor("caseworker"));
    raw.send(
      message(plan.id, MESSAGE.stateless, (e) => encoding.writeVarString(e, "x".repeat(100_000))),
    );
    raw.send(new Uint8Array(100_000));
    // 1009 is WebSocket's "message too big".
    expect(await raw.closed).toEqual({
      code: 1009,
      reason: "the message is larger than 65,536 bytes",
    });
    await new Promise((r) => setTimeout(r, 100));
    for (const spy of spies) spy.mockRestore();
    // One short line, no stack trace: a client sending one after another fills no disk.
    expect(logged).toHaveLength(1);
    expect(logged[0]?.some((arg) => arg instanceof Error)).toBe(false);
    expect(String(logged[0]?.[0])).toMatch(/^closing socket \w+: Max payload size exceeded/);
    deliveredByText(writer.document).insert(0, "Still here ");
    await acknowledged(writer);
    disconnect(writer);
    await server.stop();
  });

  it("slows a connection that sends faster than the rate, and loses nothing it sent", async () => {
    const { server, url, writer } = await serve({ messagesPerSecond: 50, messageBurst: 100 });
    let closed = false;
    writer.on("close", () => (closed = true));
    // 300 keystrokes at once, each its own update, as a client that does not batch sends them.
    const started = Date.now();
    for (let i = 0; i < 300; i++) deliveredByText(writer.document).insert(0, "x");
    await acknowledged(writer);
    // Past the burst of 100, the other 200 wait their turn at 50 a second.
    expect(Date.now() - started).toBeGreaterThan(3_000);
    expect(closed).toBe(false);
    const reader = await connect(url, plan.id);
    expect(deliveredByText(reader.document).toString()).toMatch(/^x{300}/);
    disconnect(reader);
    disconnect(writer);
    await server.stop();
  });

  it("takes 80 keystrokes a second for 10 seconds from a stock provider that sends each keystroke and caret on its own", async () => {
    const { server, url, writer } = await serve();
    let closed = false;
    writer.on("close", () => (closed = true));
    const text = deliveredByText(writer.document);
    const before = text.length;
    const typed = "Speech and language therapist, weekly, for 30 minutes. "
      .repeat(15)
      .slice(0, 800);
    const started = Date.now();
    for (let i = 0; i < typed.length; i++) {
      text.insert(before + i, typed[i] as string);
      writer.awareness?.setLocalStateField("cursor", { index: before + i + 1 });
      // 12.5 ms a keystroke, kept to the clock so that a slow tick does not slow the typist.
      const due = started + (i + 1) * 12.5;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    }
    await acknowledged(writer);
    expect(closed).toBe(false);
    const reader = await connect(url, plan.id);
    expect(deliveredByText(reader.document).toString().slice(before)).toBe(typed);
    disconnect(reader);
    disconnect(writer);
    await server.stop();
  }, 60_000);

  it("refuses a connection that floods past what it could send in 30 seconds, saying why", async () => {
    const { server, url, writer } = await serve({ messagesPerSecond: 20, messageBurst: 40 });
    const raw = await rawClient(url, plan.id, await tokenFor("caseworker"));
    const ask = message(plan.id, MESSAGE.awareness, (e) => {
      // An awareness update with no clients in it.
      encoding.writeVarUint8Array(e, new Uint8Array([0]));
    });
    for (let i = 0; i < 2_000; i++) raw.send(ask);
    expect(await raw.closed).toEqual({
      code: null,
      reason: "more than 20 messages a second for too long: slow down",
    });
    // Typing at a person's pace stays well inside it.
    for (const ch of "Lead ") {
      deliveredByText(writer.document).insert(0, ch);
      await acknowledged(writer);
    }
    disconnect(writer);
    await server.stop();
  });

  it("closes a connection that keeps sending edits it has been refused", async () => {
    const { server, url, writer } = await serve();
    const raw = await rawClient(url, plan.id, await tokenFor("health"));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer.document));
    const updates: Uint8Array[] = [];
    copy.on("update", (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 25; i++) deliveredByText(copy).insert(0, "x");
    // Each is refused (health may not change F); past twenty in a minute the server gives up.
    for (const update of updates) raw.send(syncUpdate(plan.id, update));
    expect(await raw.closed).toEqual({
      code: null,
      reason: "too many refused edits: reload the plan",
    });
    disconnect(writer);
    await server.stop();
  });

  it("caps the connections one person may hold", async () => {
    const { server, url, writer } = await serve({ maxConnectionsPerUser: 2 });
    const token = await tokenFor("school");
    const first = await connect(url, plan.id, token);
    const second = await connect(url, plan.id, token);
    await expect(connect(url, plan.id, token)).rejects.toThrow(
      "refused: A school has 2 connections open already: close one first",
    );
    disconnect(first);
    for (let i = 0; i < 250 && server.hocuspocus.getConnectionsCount() > 2; i++)
      await new Promise((r) => setTimeout(r, 20));
    disconnect(await connect(url, plan.id, token));
    for (const p of [second, writer]) disconnect(p);
    await server.stop();
  });

  it("refuses an edit that would make the plan larger than the document limit", async () => {
    const size = Y.encodeStateAsUpdate(planToYDoc(plan)).length;
    const { server, url, writer } = await serve({ maxDocumentBytes: size + 2_000 });
    const messages: string[] = [];
    writer.on("stateless", ({ payload }: { payload: string }) => messages.push(payload));
    deliveredByText(writer.document).insert(0, "x".repeat(5_000));
    for (let i = 0; i < 500 && messages.length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(JSON.parse(messages[0] ?? "{}")).toMatchObject({
      type: "edit-refused",
      reason: `the plan would grow past ${(size + 2_000).toLocaleString("en-GB")} bytes`,
    });
    const fresh = await connect(url, plan.id);
    expect(yDocToPlan(fresh.document)).toStrictEqual(plan);
    for (const p of [fresh, writer]) disconnect(p);
    await server.stop();
  });

  it(
    "survives 10,000 malformed messages, closing only the connections that sent them",
    { timeout: 120_000 },
    async () => {
      // Hocuspocus logs each message it cannot decode; ten thousand of them say nothing new.
      const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
      const { server, url, writer } = await serve();
      const next = random(20261122);
      const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
      // Real updates to cut short: each a few characters typed into a copy of the plan.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer.document));
      const real: Uint8Array[] = [];
      copy.on("update", (u: Uint8Array) => real.push(u));
      for (let i = 0; i < 50; i++) deliveredByText(copy).insert(0, `word${i} `);

      const malformed = (): Uint8Array => {
        const kind = Math.floor(next() * 6);
        const update = real[Math.floor(next() * real.length)] as Uint8Array;
        switch (kind) {
          case 0:
            return bytes(1 + Math.floor(next() * 300));
          case 1:
            return syncUpdate(plan.id, update.subarray(0, Math.floor(next() * update.length)));
          case 2:
            return syncUpdate(plan.id, bytes(1 + Math.floor(next() * 200)));
          case 3:
            return message(plan.id, Math.floor(next() * 1000), (e) =>
              encoding.writeUint8Array(e, bytes(Math.floor(next() * 50))),
            );
          case 4:
            return message(plan.id, MESSAGE.awareness, (e) =>
              encoding.writeUint8Array(e, bytes(1 + Math.floor(next() * 100))),
            );
          default: {
            const flipped = Uint8Array.from(update);
            const at = Math.floor(next() * flipped.length);
            flipped[at] = (flipped[at] ?? 0) ^ (1 + Math.floor(next() * 255));
            return syncUpdate(plan.id, flipped);
          }
        }
      };

      const token = await tokenFor("caseworker");
      let sent = 0;
      let connections = 0;
      const closes = new Map<string, number>();
      let typed = "";
      while (sent < 10_000) {
        // The writer keeps typing throughout; the server must keep taking its edits.
        const ch = String.fromCharCode(97 + (sent % 26));
        deliveredByText(writer.document).insert(0, ch);
        typed = ch + typed;
        const batch = await Promise.all(
          Array.from({ length: 10 }, async () => {
            const raw = await rawClient(url, plan.id, next() < 0.1 ? undefined : token);
            connections++;
            let closedAt: Closed | null = null;
            raw.closed.then((c) => {
              closedAt = c;
            });
            for (let i = 0; i < 20 && closedAt === null && sent < 10_000; i++) {
              raw.send(malformed());
              sent++;
              await new Promise((r) => setImmediate(r));
            }
            raw.socket.close();
            return raw.closed;
          }),
        );
        for (const { code, reason } of batch) {
          const key = code === null ? reason : `${code} ${reason}`;
          closes.set(key, (closes.get(key) ?? 0) + 1);
        }
      }
      await acknowledged(writer);
      const fresh = await connect(url, plan.id);
      // A flipped byte can still make a sound update, which the server rightly takes; so what
      // must hold is that the plan is still valid, the writer and a newcomer agree, and every
      // character the writer typed is there in order.
      const seen = yDocToPlan(fresh.document);
      // The writer hears of the last accepted fuzz updates a moment after the newcomer.
      for (let i = 0; i < 100; i++) {
        if (JSON.stringify(yDocToPlan(writer.document)) === JSON.stringify(seen)) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(yDocToPlan(writer.document)).toStrictEqual(seen);
      let at = 0;
      const text = seen.sections.F.provisions[0]?.deliveredBy ?? "";
      for (const ch of typed) at = text.indexOf(ch, at) + 1 || Number.NaN;
      expect(at).not.toBeNaN();
      expect(sent).toBe(10_000);
      // Connections the server closed were told why: never an abnormal close (1006).
      expect([...closes.keys()].filter((key) => key.startsWith("1006"))).toEqual([]);
      expect(closes.get("the update could not be read")).toBeGreaterThan(100);
      console.info(
        `fuzz: ${sent} messages over ${connections} connections; closes by code: ${JSON.stringify(Object.fromEntries(closes))}`,
      );
      quiet.mockRestore();
      for (const p of [fresh, writer]) disconnect(p);
      await server.stop();
    },
  );
});
