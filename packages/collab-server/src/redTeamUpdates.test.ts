import { ROLES, type Role } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { acknowledged, connect, disconnect } from "../test/connect.js";
import { craftUpdate } from "../test/craft.js";
import { type AttackScene, attackScene, expectRefused, until } from "../test/attack.js";
import { rawClient, syncUpdate } from "../test/rawClient.js";
import { callApi, startTestServer } from "../test/testServer.js";
import { tokenFor } from "../test/tokens.js";
import { ATTACKER, child, idOf, root, viewText } from "../test/planTypes.js";
import { deliveredByText } from "@ehcp/fixtures";
import { POSTGRES_URL, postgresAvailable } from "@ehcp/fixtures/node";
import type { RefusalCode } from "./store/DocumentStore.js";
import { PostgresDocumentStore } from "./store/PostgresDocumentStore.js";
import { SqliteDocumentStore } from "./store/SqliteDocumentStore.js";

// Attacks a red team found past the server's checks, each built byte by byte: every one must be
// refused with a reason, reach no other client, leave nothing in the store, and cost the
// caseworker none of their acknowledged edits.

/** The kind of refusal the audit trail keeps, for each reason these attacks are refused with. */
const codeOf = (reason: RegExp): RefusalCode =>
  /suggestion/.test(reason.source) && !/mark/.test(reason.source) ? "suggestion" : "content";
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

const stores: [string, boolean, ((file: string) => PostgresDocumentStore) | undefined][] = [
  ["SQLite", true, undefined],
  ["PostgreSQL", await postgresAvailable(), () => new PostgresDocumentStore(POSTGRES_URL)],
];

describe.each(stores)("attacks the red team found, on %s", (_name, available, openStore) => {
  let test: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    if (available) test = await startTestServer("redteam", openStore ? { openStore } : {});
  });
  afterAll(() => test?.stop());

  type Scene = AttackScene;
  const scene = (role: Role) => attackScene(test, role, "redteam");

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

  const refused = (s: Scene, update: Uint8Array, reason: RegExp, marker: string) =>
    expectRefused(test, s, update, { reason, marker, code: codeOf(reason) });

  /**
   * A scene whose attacker first made an honest suggestion of its own in F, as a parent may: the
   * overlap attacks reuse its last clock. Returns the scene and the attacker's next clock.
   */
  async function sceneWithOwnSuggestion(role: Role, suggestionId: string) {
    const s = await scene(role);
    const mark = suggestion(suggestionId, role, `Mallory ${role}`);
    await taken(
      s,
      honestEdit(s.victim.document, ATTACKER, (d) =>
        deliveredByText(d).insert(0, "S", { insertion: mark }),
      ),
    );
    // "Everyone in step" may be seen before the suggestion reaches either of them.
    await until(
      () => Y.getState(s.victim.document.store, ATTACKER) > 0,
      "the suggestion at the caseworker",
    );
    return { s, state: Y.getState(s.victim.document.store, ATTACKER) };
  }

  it.runIf(available).each(["parent", "young-person"] as const)(
    "refuses a %s's struct overlapping its own suggestion in F, encoded as if in section A: judged where Yjs puts it",
    async (role) => {
      const { s, state } = await sceneWithOwnSuggestion(role, "s-ov1");
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

  it.runIf(available)(
    "refuses an overlapping struct whose origin lies in another text than its stated parent",
    async () => {
      const { s, state } = await sceneWithOwnSuggestion("parent", "s-ov2");
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
    },
  );

  it.runIf(available)(
    "refuses an attribute overlapping the sender's own suggestion in F, encoded as set on a view in section A",
    async () => {
      const { s, state } = await sceneWithOwnSuggestion("parent", "s-ov3");
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
    },
  );

  it.runIf(available).each(["insertion--a1", "insertion--AAAAAAAA", "insertion--\u202eabc"])(
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

  it.runIf(available)(
    "refuses a parent's suggested deletion of existing words under the mark key deletion--x",
    async () => {
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
    },
  );

  /** The names of the documents the server's store holds, read from the store itself. */
  async function storedNames(): Promise<string[]> {
    const store = openStore ? openStore(test.file) : new SqliteDocumentStore(test.file);
    try {
      return await store.list();
    } finally {
      await store.close();
    }
  }
  const listed = async () =>
    ((await callApi(test.url, "GET", "/plans", "caseworker")).json.plans as { id: string }[]).map(
      (plan) => plan.id,
    );

  it.runIf(available).each(ROLES.filter((role) => role !== "caseworker"))(
    "refuses a %s opening a document name that holds no plan, and stores and lists nothing",
    async (role) => {
      const tag = Math.random().toString(36).slice(2, 10);
      const names = [
        `../../etc/passwd-${tag}`,
        `${tag}-${"x".repeat(5_000)}`,
        `PLAN-EXAMPLE-NOAH-${tag}`,
      ];
      const token = await tokenFor(role, "*", `Mallory ${role}`);
      for (const name of names) {
        await expect(rawClient(test.url, name, token)).rejects.toThrow(
          /refused: there is no plan .*only a caseworker may start one/,
        );
      }
      await test.restart();
      const stored = await storedNames();
      const shown = await listed();
      for (const name of names) {
        expect(stored).not.toContain(name);
        expect(shown).not.toContain(name);
      }
    },
  );

  it.runIf(available)(
    "lists no document a caseworker opened and left empty, yet lets them write a plan into a new one",
    async () => {
      const tag = Math.random().toString(36).slice(2, 10);
      const empty = `plan-left-empty-${tag}`;
      const left = await rawClient(test.url, empty, await tokenFor("caseworker"));
      left.socket.close();
      await test.restart();
      expect(await listed()).not.toContain(empty);
      // The other parts of the plan's life still open: a plan the caseworker made is listed,
      // and a parent opens it.
      const s = await scene("parent");
      expect(await listed()).toContain(s.id);
      for (const p of [s.victim, s.observer]) disconnect(p);
      s.attacker.socket.close();
    },
  );

  it.runIf(available).each([
    [
      "an attribute suggestions do not have",
      { accepted: true, decidedBy: "user-caseworker" },
      /the suggestion mark carries 'accepted', which suggestions do not have/,
    ],
    [
      "a note of 100,000 characters",
      { note: "n".repeat(100_000) },
      /the suggestion mark carries 'note', which suggestions do not have/,
    ],
    [
      "a name of 100,000 characters",
      { name: "N".repeat(100_000) },
      /the suggestion mark's 'name' is 100000 characters long; at most 2000/,
    ],
    [
      "an id that is an object",
      { id: { nested: "x".repeat(50) } },
      /the suggestion mark's 'id' holds an object/,
    ],
  ] as const)("refuses a parent's suggestion mark with %s", async (_what, extra, reason) => {
    const s = await scene("parent");
    const mark = { ...suggestion("s-attrs", "parent", "Mallory parent"), ...extra };
    const marker = "SUGGESTED WITH EXTRAS";
    const attack = honestEdit(s.victim.document, ATTACKER, (d) =>
      deliveredByText(d).insert(0, marker, { insertion: mark }),
    );
    await refused(s, attack, reason, marker);
  });

  /** The text of the first paragraph of section F's first provision: rich text, unlike F's fields. */
  const richTextInF = (doc: Y.Doc) => {
    const provision = child(root(doc), "sectionF").get(0) as Y.XmlElement;
    return ((provision.get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  };

  it.runIf(available)(
    "refuses a parent's bold and italic over another parent's pending suggestion",
    async () => {
      const s = await scene("parent");
      const alice = await connect(test.url, s.id, await tokenFor("parent", "*", "Alice parent"));
      richTextInF(alice.document).insert(0, "please add ", {
        insertion: suggestion("s-alice", "parent", "Alice parent"),
      });
      await acknowledged(alice);
      disconnect(alice);
      await until(
        () => richTextInF(s.victim.document).toString().includes("please add"),
        "Alice's suggestion at the caseworker",
      );
      // As the attacker's editor would send it: bold and italic over "please", in Alice's mark.
      const attack = honestEdit(s.victim.document, ATTACKER, (d) =>
        richTextInF(d).format(0, 6, { bold: {}, italic: {} }),
      );
      await refused(s, attack, /change the formatting only of their own suggestion's words/, "");
    },
  );

  it.runIf(available)("takes a parent's bold over their own pending suggestion", async () => {
    const s = await scene("parent");
    const mark = suggestion("s-own-bold", "parent", "Mallory parent");
    await taken(
      s,
      honestEdit(s.victim.document, ATTACKER, (d) =>
        richTextInF(d).insert(0, "please add ", { insertion: mark }),
      ),
    );
    await taken(
      s,
      honestEdit(s.victim.document, ATTACKER, (d) => richTextInF(d).format(0, 6, { bold: {} })),
    );
    await until(
      () => JSON.stringify(richTextInF(s.observer.document).toDelta()).includes('"bold"'),
      "the bold at the viewer",
    );
    for (const p of [s.victim, s.observer]) disconnect(p);
    s.attacker.socket.close();
  });

  it.runIf(available)(
    "refuses a school's new words carrying a parent's suggestion, typed inside it",
    async () => {
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
    },
  );

  it.runIf(available)(
    "refuses a school's deletion of the end of a parent's suggestion, which would stretch it over the caseworker's words",
    async () => {
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
    },
  );

  it.runIf(available)(
    "refuses a school's new words marked as a parent's existing suggestion elsewhere",
    async () => {
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
    },
  );

  /**
   * A scene whose plan holds a parent's pending suggestion in F's first "delivered by": words
   * they suggested adding ("please add "), or the caseworker's "Lead " they suggested removing.
   */
  async function sceneWithParentSuggestion(role: Role, kind: "insertion" | "deletion") {
    const s = await scene(role);
    const parent = await connect(test.url, s.id, await tokenFor("parent", "*", "A parent"));
    const mark = suggestion(`s-${kind}-${role}`, "parent", "A parent");
    if (kind === "insertion")
      deliveredByText(parent.document).insert(0, "please add ", { insertion: mark });
    else deliveredByText(parent.document).format(0, 5, { deletion: mark });
    await acknowledged(parent);
    await until(
      () => JSON.stringify(deliveredByText(s.victim.document).toDelta()).includes(mark.id),
      "the parent's suggestion at the caseworker",
    );
    return { s, parent };
  }

  it.runIf(available).each([
    {
      what: "formats the mark off a parent's suggested words, accepting them unrecorded",
      kind: "insertion" as const,
      edit: (text: Y.XmlText) => text.format(0, 11, { insertion: null }),
    },
    {
      what: "deletes a parent's suggested words, rejecting them unrecorded",
      kind: "insertion" as const,
      edit: (text: Y.XmlText) => text.delete(0, 11),
    },
    {
      what: "deletes some of a parent's suggested words",
      kind: "insertion" as const,
      edit: (text: Y.XmlText) => text.delete(7, 4),
    },
    {
      what: "deletes the words a parent suggested removing, accepting it unrecorded",
      kind: "deletion" as const,
      edit: (text: Y.XmlText) => text.delete(0, 5),
    },
    {
      what: "formats the mark off the words a parent suggested removing, rejecting it unrecorded",
      kind: "deletion" as const,
      edit: (text: Y.XmlText) => text.format(0, 5, { deletion: null }),
    },
  ])("refuses a caseworker's edit that $what", async ({ kind, edit }) => {
    const { s, parent } = await sceneWithParentSuggestion("caseworker", kind);
    disconnect(parent);
    const attack = honestEdit(s.victim.document, ATTACKER, (d) => edit(deliveredByText(d)));
    await refused(
      s,
      attack,
      /^A parent's suggestion may be taken out only by accepting or rejecting it, with a reason, not by an edit$/,
      "",
    );
  });

  it.runIf(available)(
    "takes a parent withdrawing their own suggestion, and a caseworker's edit beside it",
    async () => {
      const { s, parent } = await sceneWithParentSuggestion("caseworker", "insertion");
      // "please add Lead …": the caseworker deletes their own "Lead ", after the suggestion.
      await taken(
        s,
        honestEdit(s.victim.document, ATTACKER, (d) => deliveredByText(d).delete(11, 5)),
      );
      await until(
        () => !deliveredByText(parent.document).toString().includes("Lead"),
        "the caseworker's deletion at the parent",
      );
      const refusals: string[] = [];
      parent.on("stateless", ({ payload }: { payload: string }) => refusals.push(payload));
      deliveredByText(parent.document).delete(0, 11);
      await acknowledged(parent);
      expect(refusals).toEqual([]);
      await until(
        () => !deliveredByText(s.observer.document).toString().includes("please add"),
        "the withdrawal at the viewer",
      );
      for (const p of [s.victim, s.observer, parent]) disconnect(p);
      s.attacker.socket.close();
    },
  );

  /** Section A's views, and the words of a view's first paragraph. */
  const viewsOf = (doc: Y.Doc) => child(root(doc), "sectionA");
  const wordsOf = (view: Y.XmlElement) => (view.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  /** In the example plan: a-parents (index 2) is a parent's view, a-history (3) a professional's. */
  const PARENTS = 2;
  const PROFESSIONAL = 3;
  const othersView =
    /^the view a-\w+ records the (professional|parent)'s view: a (parent|young-person) may change only their own views, or suggest words in others'$/;

  it.runIf(available).each([
    {
      what: "a parent deleting a professional's view",
      role: "parent" as const,
      edit: (d: Y.Doc) => viewsOf(d).delete(PROFESSIONAL, 1),
      reason: othersView,
    },
    {
      what: "a parent changing the words of a professional's view",
      role: "parent" as const,
      edit: (d: Y.Doc) => wordsOf(viewsOf(d).get(PROFESSIONAL) as Y.XmlElement).insert(0, "Not "),
      reason: othersView,
    },
    {
      what: "a parent making a professional's view their own",
      role: "parent" as const,
      edit: (d: Y.Doc) =>
        (viewsOf(d).get(PROFESSIONAL) as Y.XmlElement).setAttribute("voice", "parent"),
      reason: othersView,
    },
    {
      what: "a parent passing their own view off as a professional's",
      role: "parent" as const,
      edit: (d: Y.Doc) =>
        (viewsOf(d).get(PARENTS) as Y.XmlElement).setAttribute("voice", "professional"),
      reason: /^the view a-parents records the professional's view/,
    },
    {
      what: "a parent adding a view in a professional's voice",
      role: "parent" as const,
      edit: (d: Y.Doc) => {
        const view = (viewsOf(d).get(PROFESSIONAL) as Y.XmlElement).clone();
        view.setAttribute("id", "a-forged");
        viewsOf(d).insert(5, [view]);
      },
      reason: /^a parent may add views to section A only in their own voice, not as professional$/,
    },
    {
      what: "a young person deleting a parent's view",
      role: "young-person" as const,
      edit: (d: Y.Doc) => viewsOf(d).delete(PARENTS, 1),
      reason: othersView,
    },
  ])("refuses $what", async ({ role, edit, reason }) => {
    const s = await scene(role);
    await expectRefused(test, s, honestEdit(s.victim.document, ATTACKER, edit), {
      reason,
      code: "role",
    });
  });

  it.runIf(available)(
    "takes a parent's change to their own view, a view of their own, and their suggestion in a professional's",
    async () => {
      const s = await scene("parent");
      await taken(
        s,
        honestEdit(s.victim.document, ATTACKER, (d) => {
          wordsOf(viewsOf(d).get(PARENTS) as Y.XmlElement).insert(0, "We think ");
          const view = (viewsOf(d).get(PARENTS) as Y.XmlElement).clone();
          view.setAttribute("id", "a-ours");
          viewsOf(d).insert(5, [view]);
        }),
      );
      await taken(
        s,
        honestEdit(s.victim.document, ATTACKER, (d) =>
          wordsOf(viewsOf(d).get(PROFESSIONAL) as Y.XmlElement).insert(0, "In school only: ", {
            insertion: suggestion("s-in-a", "parent", "Mallory parent"),
          }),
        ),
      );
      await until(
        () => viewsOf(s.observer.document).toString().includes("In school only: "),
        "the suggestion at the viewer",
      );
      const plan = (await callApi(test.url, "GET", `/plans/${s.id}`, "viewer")).json as {
        sections: { A: { views: { id: string }[] } };
      };
      expect(plan.sections.A.views.map((v) => v.id)).toContain("a-ours");
      for (const p of [s.victim, s.observer]) disconnect(p);
      s.attacker.socket.close();
    },
  );
});
