import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PLAN_SCHEMA_VERSION, parsePlan, planToYDoc, yDocToPlan } from "@ehcp/schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { acknowledged, connect, disconnect } from "../test/connect.js";
import { TEST_SECRET, tokenFor } from "../test/tokens.js";
import { rawClient } from "../test/rawClient.js";
import { createCollabServer, SqliteDocumentStore } from "./index.js";
import { examplePlan } from "@ehcp/fixtures";

describe("createCollabServer", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "ehcp-collab-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A server on an SQLite file in this test's folder, signing in with the tests' secret. */
  const serve = async () => {
    const server = createCollabServer({
      port: 0,
      db: join(dir, "plans.sqlite"),
      signIn: { jwtSecret: TEST_SECRET },
    });
    return { server, url: await server.start() };
  };

  it("shares a plan between two clients and keeps it in SQLite across a restart", async () => {
    const db = join(dir, "plans.sqlite");
    const plan = parsePlan(examplePlan("plan-good.json"));

    const first = createCollabServer({ port: 0, db, signIn: { jwtSecret: TEST_SECRET } });
    const url = await first.start();
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const writer = await connect(url, plan.id);
    const reader = await connect(url, plan.id);
    const arrived = new Promise<void>((resolve) => reader.document.once("update", () => resolve()));
    planToYDoc(plan, writer.document);
    await acknowledged(writer);
    await arrived;
    expect(yDocToPlan(reader.document)).toStrictEqual(plan);
    disconnect(writer);
    disconnect(reader);
    await first.stop();
    // Stopping folded the update log into one snapshot.
    const stored = new SqliteDocumentStore(db);
    const { snapshot, updates } = await stored.load(plan.id);
    expect(snapshot).not.toBeNull();
    expect(updates).toEqual([]);
    await stored.close();

    const second = createCollabServer({ port: 0, db, signIn: { jwtSecret: TEST_SECRET } });
    const client = await connect(await second.start(), plan.id);
    expect(yDocToPlan(client.document)).toStrictEqual(plan);
    disconnect(client);
    await second.stop();
  });

  it("keeps documents apart by name", async () => {
    const { server, url } = await serve();
    const good = parsePlan(examplePlan("plan-good.json"));
    const writer = await connect(url, good.id);
    planToYDoc(good, writer.document);
    await acknowledged(writer);
    const other = await connect(url, "plan-kieran-doyle");
    expect(other.document.getXmlFragment("default").length).toBe(0);
    disconnect(writer);
    disconnect(other);
    await server.stop();
  });

  it("refuses a connection without a valid token, giving the reason, and makes viewers read-only", async () => {
    const { server, url } = await serve();
    await expect(connect(url, "plan-x", "not-a-token")).rejects.toThrow(
      /^refused: the token is not valid/,
    );
    await expect(connect(url, "plan-x", await tokenFor("parent", ["plan-y"]))).rejects.toThrow(
      "refused: this token does not open the plan plan-x",
    );

    const plan = parsePlan(examplePlan("plan-good.json"));
    const writer = await connect(url, plan.id);
    planToYDoc(plan, writer.document);
    await acknowledged(writer);
    const viewer = await connect(url, plan.id, await tokenFor("viewer"));
    viewer.document.getXmlFragment("default").delete(0, 1);
    await new Promise((r) => setTimeout(r, 300));
    const fresh = await connect(url, plan.id);
    expect(yDocToPlan(fresh.document)).toStrictEqual(plan);
    for (const p of [writer, viewer, fresh]) disconnect(p);
    await server.stop();
  });

  it("takes a fresh token on a live connection, and ends the connection when it is not valid", async () => {
    const { server, url } = await serve();
    const client = await connect(url, "plan-refresh");
    client.configuration.token = await tokenFor("caseworker", ["plan-refresh"]);
    await client.sendToken();
    await new Promise((r) => setTimeout(r, 200));
    expect(server.hocuspocus.getConnectionsCount()).toBe(1);
    const closed = new Promise<void>((resolve) => client.on("close", () => resolve()));
    client.configuration.token = await tokenFor("caseworker", ["another-plan"]);
    await client.sendToken();
    await closed;
    disconnect(client);
    await server.stop();
  });

  it("lets each role change only its sections, refusing the rest with the reason", async () => {
    const { server, url } = await serve();
    const plan = parsePlan(examplePlan("plan-good.json"));
    const caseworker = await connect(url, plan.id);
    planToYDoc(plan, caseworker.document);
    await acknowledged(caseworker);

    const health = await connect(url, plan.id, await tokenFor("health"));
    const messages: string[] = [];
    health.on("stateless", ({ payload }: { payload: string }) => messages.push(payload));
    const field = (doc: Y.Doc, section: number) =>
      (
        ((doc.getXmlFragment("default").get(section) as Y.XmlElement).get(0) as Y.XmlElement).get(
          1,
        ) as Y.XmlElement
      ).get(0) as Y.XmlText;
    // Health may write in G...
    field(health.document, 7).insert(0, "Lead ");
    await acknowledged(health);
    // ...but not in F.
    field(health.document, 6).insert(0, "Refused ");
    for (let i = 0; i < 500 && messages.length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(JSON.parse(messages[0] ?? "{}")).toEqual({
      type: "edit-refused",
      parts: ["F"],
      reason: "health may not change section F",
    });

    await new Promise((r) => setTimeout(r, 200));
    const fresh = await connect(url, plan.id);
    const seen = yDocToPlan(fresh.document);
    expect(seen.sections.G.provisions[0]?.deliveredBy).toBe(
      `Lead ${plan.sections.G.provisions[0]?.deliveredBy}`,
    );
    expect(seen.sections.F.provisions[0]?.deliveredBy).toBe(
      plan.sections.F.provisions[0]?.deliveredBy,
    );
    expect(yDocToPlan(caseworker.document).sections.F.provisions[0]?.deliveredBy).toBe(
      plan.sections.F.provisions[0]?.deliveredBy,
    );
    for (const p of [caseworker, health, fresh]) disconnect(p);
    await server.stop();
  });

  it("refuses an edit that would leave the plan invalid, and keeps it from everyone else", async () => {
    const { server, url } = await serve();
    const plan = parsePlan(examplePlan("plan-good.json"));
    const writer = await connect(url, plan.id);
    planToYDoc(plan, writer.document);
    await acknowledged(writer);
    const other = await connect(url, plan.id);

    const school = await connect(url, plan.id, await tokenFor("school"));
    const messages: string[] = [];
    school.on("stateless", ({ payload }: { payload: string }) => messages.push(payload));
    const provision = (school.document.getXmlFragment("default").get(6) as Y.XmlElement).get(
      0,
    ) as Y.XmlElement;
    provision.setAttribute("frequency", { sessions: 0, per: "fortnight" } as never);
    for (let i = 0; i < 500 && messages.length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    const refusal = JSON.parse(messages[0] ?? "{}");
    expect(refusal).toMatchObject({ type: "edit-refused", parts: ["F"] });
    expect(refusal.reason).toMatch(
      /^the edit would leave the plan invalid: Invalid provision prov-salt-direct: frequency/,
    );
    // A sound edit from another client still goes through.
    const who = (
      (other.document.getXmlFragment("default").get(6) as Y.XmlElement).get(0) as Y.XmlElement
    ).get(1) as Y.XmlElement;
    (who.get(0) as Y.XmlText).insert(0, "Lead ");
    await acknowledged(other);
    const fresh = await connect(url, plan.id);
    const seen = yDocToPlan(fresh.document).sections.F.provisions[0];
    expect(seen?.frequency).toEqual(plan.sections.F.provisions[0]?.frequency);
    expect(seen?.deliveredBy).toBe(`Lead ${plan.sections.F.provisions[0]?.deliveredBy}`);
    expect(yDocToPlan(writer.document).sections.F.provisions[0]?.frequency).toEqual(
      plan.sections.F.provisions[0]?.frequency,
    );
    for (const p of [writer, other, school, fresh]) disconnect(p);
    await server.stop();
  });

  it("refuses an editor whose plan schema is older than the server's, or that does not say", async () => {
    const { server, url } = await serve();
    await expect(connect(url, "plan-x", undefined, { schemaVersion: 0 })).rejects.toThrow(
      `refused: this editor is out of date (plan schema 0, the server uses ${PLAN_SCHEMA_VERSION}): reload to update it`,
    );
    await expect(connect(url, "plan-x", undefined, { schemaVersion: null })).rejects.toThrow(
      `refused: say which plan schema this editor uses: add ?schemaVersion=${PLAN_SCHEMA_VERSION} to the address`,
    );
    // Said twice, an address means what each reader takes it to mean.
    await expect(
      rawClient(
        url,
        "plan-x",
        await tokenFor("caseworker"),
        `schemaVersion=${PLAN_SCHEMA_VERSION}&schemaVersion=1`,
      ),
    ).rejects.toThrow(
      "refused: say which plan schema this editor uses once: ?schemaVersion= is repeated",
    );
    disconnect(await connect(url, "plan-x"));
    await server.stop();
  });
});
