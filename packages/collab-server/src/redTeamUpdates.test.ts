import { parsePlan, type Plan, PLAN_FRAGMENT_NAME, type Role } from "@ehcp/schema";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { acknowledged, connect, disconnect } from "../test/connect.js";
import { craftUpdate } from "../test/craft.js";
import { type RawClient, rawClient, syncUpdate } from "../test/rawClient.js";
import { callApi, startTestServer } from "../test/testServer.js";
import { tokenFor } from "../test/tokens.js";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";

// Attacks a red team found past the server's checks, each built byte by byte: every one must be
// refused with a reason, reach no other client, leave nothing in the store, and cost the
// caseworker none of their acknowledged edits.

const good = parsePlan(examplePlan("plan-good.json"));
/** An attacker's own client id: one no one has used. */
const ATTACKER = 0x5eed;

const until = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
};
const root = (doc: Y.Doc) => doc.getXmlFragment(PLAN_FRAGMENT_NAME);
const child = (parent: Y.XmlFragment, name: string) =>
  parent.toArray().find((e) => e instanceof Y.XmlElement && e.nodeName === name) as Y.XmlElement;
const idOf = (type: Y.AbstractType<any>) => (type._item as Y.Item).id;
/** The text of the first paragraph of the first view in section A. */
const viewText = (doc: Y.Doc) =>
  ((child(root(doc), "sectionA").get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(
    0,
  ) as Y.XmlText;
/** The items of a text, in order, deleted ones included. */
const itemsOf = (text: Y.XmlText) => {
  const items: Y.Item[] = [];
  for (let item = text._start; item; item = item.right) items.push(item);
  return items;
};
/** The text of section F's second provision's "delivered by" field. */
const secondDeliveredBy = (doc: Y.Doc) => {
  const provision = child(root(doc), "sectionF").get(1) as Y.XmlElement;
  const field = provision
    .toArray()
    .find((e) => e instanceof Y.XmlElement && e.nodeName === "provisionDeliveredBy");
  return (field as Y.XmlElement).get(0) as Y.XmlText;
};

/** An honest edit made on a copy of `doc` under `client`: what a real editor would send. */
function honestEdit(doc: Y.Doc, client: number, edit: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  copy.clientID = client;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  edit(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

const suggestion = (id: string, role: Role, name: string) => ({
  id,
  by: `user-${role}`,
  name,
  role,
});

describe("attacks the red team found", () => {
  let test: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    test = await startTestServer("redteam");
  });
  afterAll(() => test?.stop());

  const planJson = async (id: string) =>
    (await callApi(test.url, "GET", `/plans/${id}`, "viewer")).json as unknown as Plan;

  interface Scene {
    readonly id: string;
    readonly victim: HocuspocusProvider;
    readonly observer: HocuspocusProvider;
    readonly attacker: RawClient;
  }

  /** A plan, its caseworker having typed in section F, a viewer watching, and an attacker. */
  async function scene(role: Role): Promise<Scene> {
    const id = `plan-redteam-${Math.random().toString(36).slice(2, 10)}`;
    expect((await callApi(test.url, "POST", "/plans", "caseworker", { ...good, id })).status).toBe(
      201,
    );
    const victim = await connect(test.url, id, await tokenFor("caseworker"));
    deliveredByText(victim.document).insert(0, "Lead ");
    await acknowledged(victim);
    const observer = await connect(test.url, id, await tokenFor("viewer"));
    const attacker = await rawClient(test.url, id, await tokenFor(role, "*", `Mallory ${role}`));
    return { id, victim, observer, attacker };
  }

  /** Sends an update the server must take (a step before the attack). */
  async function taken(s: Scene, update: Uint8Array) {
    const answers = s.attacker.syncStatus.length;
    s.attacker.send(syncUpdate(s.id, update));
    await until(() => s.attacker.syncStatus.length > answers, "the update's status");
    expect(s.attacker.stateless).toEqual([]);
    expect(s.attacker.syncStatus.at(-1)).toBe(true);
    await until(
      () =>
        Y.encodeStateVector(s.victim.document).toString() ===
        Y.encodeStateVector(s.observer.document).toString(),
      "everyone in step",
    );
  }

  /**
   * Sends the attack and checks it was refused with `reason`, reached the observer not at all,
   * and is not in the store after a restart, while the caseworker's edits all are. `marker` is
   * text of the attack that must appear nowhere.
   */
  async function refused(s: Scene, update: Uint8Array, reason: RegExp, marker: string) {
    await new Promise((r) => setTimeout(r, 50));
    const before = await planJson(s.id);
    const answers = s.attacker.syncStatus.length;
    const observed: Uint8Array[] = [];
    s.observer.document.on("update", (u: Uint8Array) => observed.push(u));
    s.attacker.send(syncUpdate(s.id, update));
    let closed: unknown = null;
    s.attacker.closed.then((c) => (closed = c));
    await until(() => s.attacker.stateless.length > 0 || closed !== null, "a refusal");
    expect(closed).toBeNull();
    const refusal = JSON.parse(s.attacker.stateless[0] as string);
    expect(refusal.type).toBe("edit-refused");
    expect(refusal.reason).toMatch(reason);
    await until(() => s.attacker.syncStatus.length > answers, "the update's status");
    expect(s.attacker.syncStatus.at(-1)).toBe(false);

    for (const word of ["More ", "and more "]) {
      deliveredByText(s.victim.document).insert(0, word);
      await acknowledged(s.victim);
    }
    const expected = structuredClone(before);
    const provision = expected.sections.F.provisions[0] as { deliveredBy: string };
    provision.deliveredBy = `and more More ${provision.deliveredBy}`;
    await until(() => observed.length >= 2, "the caseworker's edits at the observer");
    expect(Y.encodeStateVector(s.observer.document)).toEqual(
      Y.encodeStateVector(s.victim.document),
    );
    expect(observed).toHaveLength(2);
    expect(root(s.observer.document).toString()).not.toContain(marker);
    expect(await planJson(s.id)).toStrictEqual(expected);
    for (const p of [s.victim, s.observer]) disconnect(p);
    s.attacker.socket.close();
    await test.restart();
    expect(await planJson(s.id)).toStrictEqual(expected);
    const fresh = await connect(test.url, s.id, await tokenFor("viewer"));
    expect(deliveredByText(fresh.document).toString()).toMatch(/^and more More /);
    expect(deliveredByText(fresh.document).toString()).toContain("Lead ");
    expect(root(fresh.document).toString()).not.toContain(marker);
    disconnect(fresh);
  }

  it.each(["parent", "young-person"] as const)(
    "refuses a %s's struct overlapping its own suggestion in F, encoded as if in section A: judged where Yjs puts it",
    async (role) => {
      const s = await scene(role);
      const mark = suggestion("s-ov1", role, `Mallory ${role}`);
      await taken(
        s,
        honestEdit(s.victim.document, ATTACKER, (d) =>
          deliveredByText(d).insert(0, "S", { insertion: mark }),
        ),
      );
      const state = Y.getState(s.victim.document.store, ATTACKER);
      const marker = "#UNMARKED WORDS IN F#";
      // One struct, no origins, its parent given as section A's text, its first clock already
      // held: Yjs links the rest after the sender's own last item, which lies in F.
      const attack = craftUpdate({
        structs: [
          {
            client: ATTACKER,
            clock: state - 1,
            parent: idOf(viewText(s.victim.document)),
            content: new Y.ContentString(`x${marker}`),
          },
        ],
      });
      await refused(s, attack, /^the update's content does not lie where it says/, marker);
    },
  );

  it("refuses an overlapping struct whose origin lies in another text than its stated parent", async () => {
    const s = await scene("parent");
    const mark = suggestion("s-ov2", "parent", "Mallory parent");
    await taken(
      s,
      honestEdit(s.victim.document, ATTACKER, (d) =>
        deliveredByText(d).insert(0, "S", { insertion: mark }),
      ),
    );
    const state = Y.getState(s.victim.document.store, ATTACKER);
    const marker = "#RIGHT ORIGIN IN A#";
    // The overlapping struct names a right neighbour in section A's text: Yjs takes its left
    // from the sender's own last item in F.
    const aFirst = itemsOf(viewText(s.victim.document))[0] as Y.Item;
    const attack = craftUpdate({
      structs: [
        {
          client: ATTACKER,
          clock: state - 1,
          rightOrigin: aFirst.id,
          content: new Y.ContentString(`x${marker}`),
        },
      ],
    });
    await refused(s, attack, /^the update's content does not lie where it says/, marker);
  });

  it("refuses an attribute overlapping the sender's own suggestion in F, encoded as set on a view in section A", async () => {
    const s = await scene("parent");
    const mark = suggestion("s-ov3", "parent", "Mallory parent");
    await taken(
      s,
      honestEdit(s.victim.document, ATTACKER, (d) =>
        deliveredByText(d).insert(0, "S", { insertion: mark }),
      ),
    );
    const state = Y.getState(s.victim.document.store, ATTACKER);
    const view = child(root(s.victim.document), "sectionA").get(0) as Y.XmlElement;
    const attack = craftUpdate({
      structs: [
        {
          client: ATTACKER,
          clock: state - 1,
          parent: idOf(view),
          parentSub: "id",
          content: new Y.ContentAny(["x", "a-about-2"]),
        },
      ],
    });
    await refused(s, attack, /^the update's content does not lie where it says/, "a-about-2");
  });

  it.each(["insertion--a1", "insertion--AAAAAAAA", "insertion--\u202eabc"])(
    "refuses a parent's words under the mark key %s, which would hide them and the paragraph",
    async (key) => {
      const s = await scene("parent");
      const text = deliveredByText(s.victim.document);
      const first = (itemsOf(text)[0] as Y.Item).id;
      const mark = suggestion("s-v1", "parent", "Mallory parent");
      const marker = "HIDDEN WORDS ";
      const attack = craftUpdate({
        structs: [
          {
            client: ATTACKER,
            clock: 0,
            rightOrigin: first,
            content: new Y.ContentFormat(key, mark),
          },
          {
            client: ATTACKER,
            clock: 1,
            origin: Y.createID(ATTACKER, 0),
            rightOrigin: first,
            content: new Y.ContentString(marker),
          },
          {
            client: ATTACKER,
            clock: 1 + marker.length,
            origin: Y.createID(ATTACKER, marker.length),
            rightOrigin: first,
            content: new Y.ContentFormat(key, null as never),
          },
        ],
      });
      await refused(
        s,
        attack,
        /unknown mark "insertion--|a mark's name: the character U\+202E/,
        marker,
      );
    },
  );

  it("refuses a parent's suggested deletion of existing words under the mark key deletion--x", async () => {
    const s = await scene("parent");
    // The caseworker's "Lead " is one item: mark its first four characters.
    const lead = (itemsOf(deliveredByText(s.victim.document))[0] as Y.Item).id;
    const at = (offset: number) => Y.createID(lead.client, lead.clock + offset);
    const mark = suggestion("s-d1", "parent", "Mallory parent");
    const attack = craftUpdate({
      structs: [
        {
          client: ATTACKER,
          clock: 0,
          rightOrigin: at(0),
          content: new Y.ContentFormat("deletion--x", mark),
        },
        {
          client: ATTACKER,
          clock: 1,
          origin: at(3),
          rightOrigin: at(4),
          content: new Y.ContentFormat("deletion--x", null as never),
        },
      ],
    });
    await refused(s, attack, /unknown mark "deletion--x"/, "deletion--x");
  });

  it("refuses a school's new words carrying a parent's suggestion, typed inside it", async () => {
    const s = await scene("school");
    const parent = await connect(test.url, s.id, await tokenFor("parent", "*", "A parent"));
    const mark = suggestion("s-real-1", "parent", "A parent");
    deliveredByText(parent.document).insert(0, "please add ", { insertion: mark });
    await acknowledged(parent);
    disconnect(parent);
    await until(
      () => deliveredByText(s.victim.document).toString().includes("please add"),
      "the parent's suggestion at the caseworker",
    );
    const items = itemsOf(deliveredByText(s.victim.document));
    const words = items.find((i) => i.content instanceof Y.ContentString) as Y.Item;
    const marker = "PARENT DEMANDS 1:1 ALL DAY ";
    // Between two of the parent's characters: Yjs gives the new words the parent's mark, with
    // no formatting item of the sender's at all.
    const attack = craftUpdate({
      structs: [
        {
          client: ATTACKER,
          clock: 0,
          origin: Y.createID(words.id.client, words.id.clock + 6),
          rightOrigin: Y.createID(words.id.client, words.id.clock + 7),
          content: new Y.ContentString(marker),
        },
      ],
    });
    await refused(s, attack, /another person's suggestion/, marker);
  });

  it("refuses a school's deletion of the end of a parent's suggestion, which would stretch it over the caseworker's words", async () => {
    const s = await scene("school");
    const parent = await connect(test.url, s.id, await tokenFor("parent", "*", "A parent"));
    const mark = suggestion("s-real-3", "parent", "A parent");
    deliveredByText(parent.document).insert(0, "please add ", { insertion: mark });
    await acknowledged(parent);
    disconnect(parent);
    await until(
      () => deliveredByText(s.victim.document).toString().includes("please add"),
      "the parent's suggestion at the caseworker",
    );
    const end = itemsOf(deliveredByText(s.victim.document)).find(
      (i) => i.content instanceof Y.ContentFormat && i.content.value === null && !i.deleted,
    ) as Y.Item;
    // No new content at all: one deletion, of the formatting item that ends the suggestion.
    const attack = craftUpdate({ deletes: new Map([[end.id.client, [[end.id.clock, 1]]]]) });
    await refused(s, attack, /another person's suggestion \(A parent's\)/, "please add Lead");
  });

  it("refuses a school's new words marked as a parent's existing suggestion elsewhere", async () => {
    const s = await scene("school");
    const parent = await connect(test.url, s.id, await tokenFor("parent", "*", "A parent"));
    const mark = suggestion("s-real-2", "parent", "A parent");
    deliveredByText(parent.document).insert(0, "please add ", { insertion: mark });
    await acknowledged(parent);
    disconnect(parent);
    await until(
      () => deliveredByText(s.victim.document).toString().includes("please add"),
      "the parent's suggestion at the caseworker",
    );
    const first = (itemsOf(secondDeliveredBy(s.victim.document))[0] as Y.Item).id;
    const marker = "FORGED IN ANOTHER PROVISION ";
    const attack = craftUpdate({
      structs: [
        {
          client: ATTACKER,
          clock: 0,
          rightOrigin: first,
          content: new Y.ContentFormat("insertion", mark),
        },
        {
          client: ATTACKER,
          clock: 1,
          origin: Y.createID(ATTACKER, 0),
          rightOrigin: first,
          content: new Y.ContentString(marker),
        },
        {
          client: ATTACKER,
          clock: 1 + marker.length,
          origin: Y.createID(ATTACKER, marker.length),
          rightOrigin: first,
          content: new Y.ContentFormat("insertion", null as never),
        },
      ],
    });
    await refused(s, attack, /another person's suggestion/, marker);
  });
});
