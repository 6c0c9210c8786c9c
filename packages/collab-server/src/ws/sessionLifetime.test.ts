import { parsePlan, type Role } from "@ehcp/schema";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { connect, disconnect } from "../../test/connect.js";
import { MESSAGE, message, rawClient, syncUpdate } from "../../test/rawClient.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { TEST_SECRET } from "../../test/tokens.js";
import { SignIn } from "../signIn.js";
import { EXPIRED } from "./sessionLifetime.js";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";

const plan = parsePlan(examplePlan("plan-good.json"));
const signIn = new SignIn({ jwtSecret: TEST_SECRET });
const token = (id: string, role: Role, expiresIn: string) =>
  signIn.mint({ id, name: `Person ${id}`, role, plans: "*" }, expiresIn);
/** A fresh token sent on a live connection, as the provider sends it. */
const refresh = (fresh: string) =>
  message(plan.id, MESSAGE.auth, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, fresh);
  });

let test: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  test = await startTestServer("session", { limits: { maxConnectionsPerUser: 2 } });
  expect((await callApi(test.url, "POST", "/plans", "caseworker", plan)).status).toBe(201);
});
afterAll(() => test.stop());

/** An update typing `words` into F1's "delivered by", from a copy of the plan as it stands. */
async function typing(words: string, clientId: number): Promise<Uint8Array> {
  const reader = await connect(test.url, plan.id);
  const copy = new Y.Doc();
  copy.clientID = clientId;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.document));
  disconnect(reader);
  const before = Y.encodeStateVector(copy);
  deliveredByText(copy).insert(0, words);
  return Y.encodeStateAsUpdate(copy, before);
}

const deliveredBy = async () =>
  ((await callApi(test.url, "GET", `/plans/${plan.id}`, "viewer")).json as typeof plan).sections.F
    .provisions[0]?.deliveredBy;

describe("sign-in on a live connection", () => {
  it("closes the connection when its token expires, saying why, and takes nothing after", async () => {
    const raw = await rawClient(test.url, plan.id, await token("short", "caseworker", "2s"));
    const late = await typing("Too late ", 1001);
    const closed = await raw.closed;
    expect(closed.reason).toBe(EXPIRED);
    raw.send(syncUpdate(plan.id, late));
    await new Promise((r) => setTimeout(r, 200));
    expect(await deliveredBy()).not.toMatch(/Too late/);
    raw.socket.close();
  });

  it("keeps a connection open past the first expiry once a fresh token for the same person arrives", async () => {
    const raw = await rawClient(test.url, plan.id, await token("kept", "caseworker", "2s"));
    raw.send(refresh(await token("kept", "caseworker", "1h")));
    await new Promise((r) => setTimeout(r, 2_500));
    raw.send(syncUpdate(plan.id, await typing("Still here ", 1002)));
    for (let i = 0; i < 100 && raw.syncStatus.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(raw.syncStatus).toEqual([true]);
    expect(await deliveredBy()).toMatch(/^Still here /);
    raw.socket.close();
  });

  it("closes a connection whose fresh token names someone else, and counts its connections right", async () => {
    const first = await rawClient(test.url, plan.id, await token("ann", "caseworker", "1h"));
    const second = await rawClient(test.url, plan.id, await token("ann", "caseworker", "1h"));
    await expect(
      rawClient(test.url, plan.id, await token("ann", "caseworker", "1h")),
    ).rejects.toThrow("has 2 connections open already");
    second.send(refresh(await token("bob", "caseworker", "1h")));
    expect((await second.closed).reason).toBe(
      "a fresh token must be for the person signed in (Person ann): sign in again",
    );
    second.socket.close();
    // Ann's count went down when her swapped connection closed: she may open another.
    let third: Awaited<ReturnType<typeof rawClient>> | null = null;
    for (let i = 0; i < 50 && !third; i++) {
      third = await rawClient(test.url, plan.id, await token("ann", "caseworker", "1h")).catch(
        () => null,
      );
      if (!third) await new Promise((r) => setTimeout(r, 20));
    }
    expect(third).not.toBeNull();
    for (const raw of [first, third]) raw?.socket.close();
  });
});
