import { parsePlan } from "@ehcp/schema";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { connect, disconnect } from "../../test/connect.js";
import { craftUpdate } from "../../test/craft.js";
import { MESSAGE, message, rawClient, syncUpdate } from "../../test/rawClient.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { tokenFor } from "../../test/tokens.js";
import { examplePlan } from "@ehcp/fixtures";

const plan = parsePlan(examplePlan("plan-good.json"));
let test: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  test = await startTestServer("presence");
  expect((await callApi(test.url, "POST", "/plans", "caseworker", plan)).status).toBe(201);
});
afterAll(() => test.stop());

/** A presence message with these states, as y-protocols encodes one. */
const presence = (states: [clientId: number, clock: number, state: unknown][]) =>
  message(plan.id, MESSAGE.awareness, (e) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, states.length);
    for (const [clientId, clock, state] of states) {
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, JSON.stringify(state));
    }
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
};
const stateAt = (observer: HocuspocusProvider, clientId: number) =>
  observer.awareness?.getStates().get(clientId) as
    { user?: { name?: string; role?: string; color?: string }; section?: string } | undefined;

describe("presence", () => {
  it("shows the name and role of the sender's token, whatever the client wrote", async () => {
    const observer = await connect(test.url, plan.id, await tokenFor("viewer"));
    const raw = await rawClient(test.url, plan.id, await tokenFor("parent", "*", "Pat Parent"));
    raw.send(
      presence([
        [
          424242,
          1,
          { user: { name: "The Head", role: "caseworker", color: "#ff0000" }, section: "F" },
        ],
      ]),
    );
    await until(() => stateAt(observer, 424242) !== undefined);
    expect(stateAt(observer, 424242)).toEqual({
      user: { name: "Pat Parent", role: "parent", color: "#ff0000" },
      section: "F",
    });
    raw.socket.close();
    disconnect(observer);
  });

  it("relays only what the editor reads: extra fields anywhere are dropped, bad values emptied", async () => {
    const observer = await connect(test.url, plan.id, await tokenFor("viewer"));
    const raw = await rawClient(test.url, plan.id, await tokenFor("parent", "*", "Pat Parent"));
    const end = { type: { client: 7, clock: 3 }, tname: null, item: null, assoc: 0 };
    raw.send(
      presence([
        [
          434343,
          1,
          {
            user: {
              name: "The Head",
              role: "caseworker",
              color: "#00ff00",
              avatar: "https://x.test/a",
            },
            section: "F",
            cursor: { anchor: { ...end, note: "<img src=x>" }, head: end, selection: "all" },
            link: "https://phish.test/sign-in",
            padding: "x".repeat(200),
          },
        ],
        [444444, 1, { section: "Z", cursor: { anchor: { type: "root" }, head: end } }],
      ]),
    );
    await until(() => stateAt(observer, 444444) !== undefined);
    expect(stateAt(observer, 434343)).toEqual({
      user: { name: "Pat Parent", role: "parent", color: "#00ff00" },
      section: "F",
      cursor: { anchor: end, head: end },
    });
    expect(stateAt(observer, 444444)).toEqual({
      user: { name: "Pat Parent", role: "parent" },
      section: null,
      cursor: null,
    });
    raw.socket.close();
    disconnect(observer);
  });

  it("relays a real editor's caret as y-prosemirror writes it", async () => {
    const writer = await connect(test.url, plan.id, await tokenFor("school", "*", "Sam School"));
    const observer = await connect(test.url, plan.id, await tokenFor("viewer"));
    const fragment = writer.document.getXmlFragment("prosemirror");
    const cursor = {
      anchor: Y.createRelativePositionFromTypeIndex(fragment, 0),
      head: Y.createRelativePositionFromTypeIndex(fragment, 1, -1),
    };
    writer.awareness?.setLocalState({
      user: { name: "Sam School", role: "school", color: "#1d70b8" },
      section: "A",
      cursor,
    });
    const id = writer.document.clientID;
    await until(() => stateAt(observer, id)?.section === "A");
    expect(stateAt(observer, id)).toEqual(
      JSON.parse(JSON.stringify(writer.awareness?.getLocalState())),
    );
    disconnect(writer);
    disconnect(observer);
  });

  it("does not let one connection set another's state, nor send one past the size limit", async () => {
    const victim = await connect(test.url, plan.id, await tokenFor("school", "*", "Sam School"));
    victim.awareness?.setLocalStateField("user", { name: "Sam School", role: "school" });
    const observer = await connect(test.url, plan.id, await tokenFor("viewer"));
    const victimId = victim.document.clientID;
    await until(() => stateAt(observer, victimId) !== undefined);
    const raw = await rawClient(test.url, plan.id, await tokenFor("health", "*", "Mallory"));
    raw.send(
      presence([
        [victimId, 99, { user: { name: "Sam School", role: "school" }, section: "K" }],
        [515151, 1, { user: { name: "Mallory" }, padding: "x".repeat(10_000) }],
        [525252, 1, { user: { name: "Mallory" }, section: "C" }],
      ]),
    );
    // The one state that is the sender's own arrives; the others never do.
    await until(() => stateAt(observer, 525252) !== undefined);
    expect(stateAt(observer, 525252)).toEqual({
      user: { name: "Mallory", role: "health" },
      section: "C",
    });
    expect(stateAt(observer, 515151)).toBeUndefined();
    expect(stateAt(observer, victimId)?.section).toBeUndefined();
    // Nor clear it: a removal of the victim's state, at a later clock, leaves it shown.
    raw.send(presence([[victimId, 500, null]]));
    await new Promise((r) => setTimeout(r, 200));
    expect(stateAt(observer, victimId)?.user?.name).toBe("Sam School");
    // A client id once shown by someone stays theirs, after they leave too.
    disconnect(victim);
    await until(() => stateAt(observer, victimId) === undefined);
    raw.send(presence([[victimId, 100, { user: { name: "Sam School" } }]]));
    await new Promise((r) => setTimeout(r, 200));
    expect(stateAt(observer, victimId)).toBeUndefined();
    raw.socket.close();
    disconnect(observer);
  });
  it("counts none of the server's own scratch ids against a writer's client ids, nor relays them", async () => {
    const observer = await connect(test.url, plan.id, await tokenFor("viewer"));
    const seen = new Set<number>();
    observer.awareness?.on("change", ({ added }: { added: number[] }) => {
      for (const id of added) seen.add(id);
    });
    const raw = await rawClient(test.url, plan.id, await tokenFor("parent", "*", "Pat Parent"));
    // A page's caret moving: each message is decoded on the server beside a state of its own.
    for (let clock = 1; clock <= 6; clock++) {
      raw.send(presence([[626262, clock, { section: "A" }]]));
      await until(() => stateAt(observer, 626262)?.section === "A");
    }
    await new Promise((r) => setTimeout(r, 200));
    expect([...seen]).toEqual([626262]);
    // Then what the writer typed offline arrives, under the client id of the page before.
    raw.send(
      syncUpdate(
        plan.id,
        craftUpdate({
          structs: [{ client: 636363, clock: 0, content: { collected: 1 } }],
        }),
      ),
    );
    await until(() => raw.syncStatus.length > 0 || raw.stateless.length > 0);
    expect(raw.stateless.map((s) => JSON.parse(s as string).reason)).not.toContainEqual(
      expect.stringMatching(/more client ids/),
    );
    raw.socket.close();
    disconnect(observer);
  });
});
