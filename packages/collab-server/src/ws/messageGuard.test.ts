import { parsePlan } from "@ehcp/schema";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MESSAGE, message, rawClient, syncUpdate } from "../../test/rawClient.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { tokenFor } from "../../test/tokens.js";
import { examplePlan } from "@ehcp/fixtures";
import type { AuditEntry } from "../store/DocumentStore.js";

const plan = parsePlan(examplePlan("plan-good.json"));
let test: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  test = await startTestServer("garbage");
  expect((await callApi(test.url, "POST", "/plans", "caseworker", plan)).status).toBe(201);
});
afterAll(() => test.stop());

describe("malformed messages", () => {
  it.each([
    [
      "a message of a kind no client sends",
      message(plan.id, 42),
      "the server takes no messages of type 42",
    ],
    [
      "the server's own relay message",
      message(plan.id, 6, (e) => encoding.writeVarString(e, "x")),
      "the server takes no messages of type 6",
    ],
    [
      "an unknown sync step",
      message(plan.id, MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, 9);
        encoding.writeVarUint8Array(e, new Uint8Array([0]));
      }),
      "the update could not be read",
    ],
    [
      "a state vector cut short",
      message(plan.id, MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, new Uint8Array([5, 200]));
      }),
      "the update could not be read",
    ],
    [
      "presence that is not JSON",
      message(plan.id, MESSAGE.awareness, (e) => {
        const inner = encoding.createEncoder();
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, 7);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, "{not json");
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      }),
      "the presence message could not be read",
    ],
  ])(
    "closes a connection that sends %s, logging one short line and no stack trace",
    async (_what, bytes, reason) => {
      const logged: unknown[][] = [];
      const spy = vi.spyOn(console, "error").mockImplementation((...args) => logged.push(args));
      try {
        const raw = await rawClient(test.url, plan.id, await tokenFor("caseworker"));
        raw.send(bytes);
        expect((await raw.closed).reason).toBe(reason);
        raw.socket.close();
        expect(logged).toHaveLength(1);
        const line = logged[0]
          ?.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg)))
          .join(" ");
        expect(line).toContain(reason);
        expect(logged[0]?.some((arg) => arg instanceof Error)).toBe(false);
        expect(line).not.toMatch(/\n\s+at /);
      } finally {
        spy.mockRestore();
      }
    },
  );

  it("notes a signed-in sender's unreadable message in the plan's audit trail, without its bytes", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const raw = await rawClient(test.url, plan.id, await tokenFor("parent"));
      raw.send(message(plan.id, 42, (e) => encoding.writeVarString(e, "Zanzibar")));
      await raw.closed;
      raw.socket.close();
    } finally {
      spy.mockRestore();
    }
    const audit = await callApi(test.url, "GET", `/plans/${plan.id}/audit`, "caseworker");
    const entries = audit.json.entries as AuditEntry[];
    expect(entries.filter((entry) => entry.user.id === "user-parent")).toEqual([
      {
        user: { id: "user-parent", role: "parent" },
        minute: expect.any(String),
        parts: [],
        items: [],
        changes: 0,
        refused: [{ reason: "unreadable", parts: [], count: 1 }],
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain("Zanzibar");
  });

  it.each([
    ["a name cut short, before sign-in", new Uint8Array([0xff, 0xff, 0xff]), false],
    ["a name that is not UTF-8, before sign-in", new Uint8Array([3, 0xff, 0xfe, 0xfd, 0]), false],
    ["a name cut short, after sign-in", new Uint8Array([0xff]), true],
    ["a name that is not UTF-8, after sign-in", new Uint8Array([3, 0xff, 0xfe, 0xfd, 0]), true],
    ["a name and no message type, after sign-in", message(plan.id, 0).slice(0, -1), true],
  ])(
    "closes a socket sending a frame with %s, with a reason and one short line",
    async (_what, bytes, signedIn) => {
      const logged: unknown[][] = [];
      const log = (...args: unknown[]) => logged.push(args);
      const spies = [
        vi.spyOn(console, "error").mockImplementation(log),
        vi.spyOn(console, "warn").mockImplementation(log),
      ];
      try {
        const raw = await rawClient(
          test.url,
          plan.id,
          signedIn ? await tokenFor("caseworker") : undefined,
        );
        // Three of them: the socket is closed at the first, and no more is logged.
        for (let i = 0; i < 3; i++) raw.send(bytes);
        const closed = await raw.closed;
        expect(closed).toEqual({
          code: 4400,
          reason: "the message names no plan that can be read",
        });
        await new Promise((r) => setTimeout(r, 100));
        expect(logged).toHaveLength(1);
        expect(logged[0]?.some((arg) => arg instanceof Error)).toBe(false);
        expect(String(logged[0]?.[0])).toMatch(
          /^closing socket \w+: the message names no plan that can be read$/,
        );
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
    },
  );

  it("closes a viewer's connection that sends an update that cannot be read, with one short line", async () => {
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args) => logged.push(args));
    try {
      const raw = await rawClient(test.url, plan.id, await tokenFor("viewer"));
      raw.send(syncUpdate(plan.id, new Uint8Array([1, 1, 200, 1, 0, 9, 9])));
      expect((await raw.closed).reason).toBe("the update could not be read");
      raw.socket.close();
      expect(logged).toHaveLength(1);
      expect(logged[0]?.some((arg) => arg instanceof Error)).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});
