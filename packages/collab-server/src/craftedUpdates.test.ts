import { parsePlan, type Plan, type Role } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { acknowledged, connect, disconnect } from "../test/connect.js";
import { type CraftedStruct, craftUpdate, lastItemOf } from "../test/craft.js";
import { type AttackScene, attackScene, expectRefused, until } from "../test/attack.js";
import { ATTACKER, child, idOf, root, viewText } from "../test/planTypes.js";
import { rawClient, syncUpdate } from "../test/rawClient.js";
import { callApi, startTestServer } from "../test/testServer.js";
import { tokenFor } from "../test/tokens.js";
import { TEST_SECRET } from "../test/tokens.js";
import { createCollabServer } from "./createCollabServer.js";
import type { AuditEntry, RefusalCode } from "./store/DocumentStore.js";
import { PostgresDocumentStore } from "./store/PostgresDocumentStore.js";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";
import { POSTGRES_URL, REDIS_URL, postgresAvailable, redisAvailable } from "@ehcp/fixtures/node";

const good = parsePlan(examplePlan("plan-good.json"));
const hasPostgres = await postgresAvailable();
const hasRedis = await redisAvailable();

/** Where a new value of an attribute must go to win: after the value it replaces. */
const valueOf = (element: Y.XmlElement, key: string) => (element._map.get(key) as Y.Item).lastId;
/** A source naming advice the plan's caseworker never lifted anything from. */
const FORGED_SOURCE = {
  requestId: "req-ep",
  recommendationId: "ep-prov-1",
  version: 1,
  liftedOn: "2026-12-01",
};
const provisionOf = (doc: Y.Doc, index: number) =>
  child(root(doc), "sectionF").get(index) as Y.XmlElement;
/** After the last character of the first view's text in A, where a parent may type. */
const endOfView = (doc: Y.Doc) => (lastItemOf(viewText(doc)) as Y.Item).lastId;
/** An update of one item under the attacker's own client id, at their first clock. */
const attackerItem = (item: Omit<CraftedStruct, "client" | "clock">) =>
  craftUpdate({ structs: [{ client: ATTACKER, clock: 0, ...item }] });
/** An update that deletes the one item `id` names and adds nothing. */
const deletionOf = ({ client, clock }: Y.ID) =>
  craftUpdate({ deletes: new Map([[client, [[clock, 1]]]]) });

interface Scene extends AttackScene {
  /** The server's plan as the victim sees it, before the attack. */
  readonly doc: Y.Doc;
  readonly victimClient: number;
  /** The victim's next clock: what the server holds of them ends just before it. */
  readonly victimState: number;
}

/**
 * An item that starts at the caseworker's last clock, under the caseworker's client id, but runs
 * past it: Yjs would keep its tail as new text in F, sent by someone else.
 */
const overlappingVictimItem = (s: Scene) => ({
  client: s.victimClient,
  clock: s.victimState - 1,
  origin: Y.createID(s.victimClient, s.victimState - 2),
  content: new Y.ContentString("XInjected into F"),
});

/** An attack: who sends it, the update, and why it must be refused. */
interface Attack {
  readonly name: string;
  readonly role: Role;
  readonly update: (scene: Scene) => Uint8Array;
  readonly reason: RegExp;
  /** The kind of refusal the audit trail keeps. */
  readonly code: RefusalCode;
  /** What the caseworker does first, acknowledged before the attack is made. */
  readonly before?: (scene: Scene) => Promise<void>;
}

const attacks: Attack[] = [
  {
    name: "a delete set for the caseworker's future clocks, with no structs",
    role: "parent",
    update: (s) =>
      craftUpdate({ deletes: new Map([[s.victimClient, [[s.victimState, 1_000_000]]]]) }),
    code: "pending",
    reason: /^the update builds on changes the server does not have$/,
  },
  {
    name: "an item starting at the caseworker's last clock whose content runs past it",
    role: "health",
    update: (s) =>
      craftUpdate({
        structs: [overlappingVictimItem(s)],
      }),
    code: "client-id",
    reason: new RegExp(`client id \\d+, which is someone else's$`),
  },
  {
    name: "a map entry overlapping the caseworker's last clock, aimed at the plan details",
    role: "parent",
    update: (s) =>
      craftUpdate({
        structs: [
          {
            client: s.victimClient,
            clock: s.victimState - 1,
            parent: idOf(child(root(s.doc), "planDetails")),
            parentSub: "child",
            content: new Y.ContentAny([{ name: "X" }, { name: "Hacked" }]),
          },
        ],
      }),
    code: "client-id",
    reason: /which is someone else's$/,
  },
  {
    name: "content under the caseworker's client id at clocks the server has not seen",
    role: "parent",
    update: (s) =>
      craftUpdate({
        structs: [
          {
            client: s.victimClient,
            clock: s.victimState,
            origin: Y.createID(s.victimClient, s.victimState - 1),
            content: new Y.ContentString("written as the caseworker"),
          },
        ],
      }),
    code: "client-id",
    reason: /which is someone else's$/,
  },
  {
    name: "a map entry on the plan details under the sender's own client id",
    role: "parent",
    update: (s) =>
      attackerItem({
        parent: idOf(child(root(s.doc), "planDetails")),
        parentSub: "child",
        content: new Y.ContentAny([{ ...good.meta.child, name: "Hacked" }]),
      }),
    code: "role",
    reason: /^parent may not change the plan details$/,
  },
  {
    name: "an item whose origin the server lacks",
    role: "parent",
    update: (s) =>
      attackerItem({
        origin: Y.createID(s.victimClient, s.victimState + 50),
        content: new Y.ContentString("waits for the caseworker"),
      }),
    code: "pending",
    reason: /^the update builds on changes the server does not have$/,
  },
  {
    name: "a deletion in another section",
    role: "health",
    update: (s) => deletionOf((lastItemOf(viewText(s.doc)) as Y.Item).id),
    code: "role",
    reason: /^health may not change section A$/,
  },
  {
    name: "an allowed change mixed with a forbidden one",
    role: "parent",
    update: (s) => {
      const copy = new Y.Doc();
      copy.clientID = ATTACKER;
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(s.doc));
      const before = Y.encodeStateVector(copy);
      viewText(copy).insert(0, "Allowed words ");
      const allowed = Y.encodeStateAsUpdate(copy, before);
      const target = lastItemOf(deliveredByText(s.doc)) as Y.Item;
      return Y.mergeUpdates([allowed, deletionOf(target.id)]);
    },
    code: "suggestion",
    reason: /^parent may not change section F;/,
  },
  {
    name: "a subdocument in a view's text",
    role: "parent",
    update: (s) =>
      attackerItem({ origin: endOfView(s.doc), content: new Y.ContentDoc(new Y.Doc()) }),
    code: "content",
    reason: /holds something other than text$/,
  },
  {
    name: "a hidden attribute on a text",
    role: "parent",
    update: (s) =>
      attackerItem({
        parent: idOf(viewText(s.doc)),
        parentSub: "onclick",
        content: new Y.ContentAny(["alert(1)"]),
      }),
    code: "content",
    reason: /takes no attributes, but the update sets "onclick"$/,
  },
  {
    name: "an attribute named __proto__",
    role: "parent",
    update: (s) =>
      attackerItem({
        parent: idOf(child(root(s.doc), "sectionA").get(0) as Y.XmlElement),
        parentSub: "__proto__",
        content: new Y.ContentAny([{ polluted: true }]),
      }),
    code: "content",
    reason: /^view a-about in sectionA has no attribute "__proto__"$/,
  },
  {
    name: "text with a right-to-left override",
    role: "parent",
    update: (s) =>
      attackerItem({ origin: endOfView(s.doc), content: new Y.ContentString("gnp.exe\u202Etxt") }),
    code: "content",
    reason: /^text in paragraph in view a-about in sectionA: the character U\+202E is not allowed$/,
  },
  {
    name: "a content type the plan does not use (a Y.Map) inside a view",
    role: "parent",
    update: (s) =>
      attackerItem({
        parent: idOf(child(root(s.doc), "sectionA").get(0) as Y.XmlElement),
        content: new Y.ContentType(new Y.Map()),
      }),
    code: "content",
    reason: /holds a kind of content the plan does not use$/,
  },
  {
    name: "a new root beside the plan",
    role: "caseworker",
    update: () => attackerItem({ parent: "evil", content: new Y.ContentString("x") }),
    code: "content",
    reason: /^the update writes outside the plan$/,
  },
  {
    name: "a caseworker setting the status to final",
    role: "caseworker",
    update: (s) =>
      attackerItem({
        origin: valueOf(child(root(s.doc), "planDetails"), "status"),
        content: new Y.ContentAny(["final"]),
      }),
    code: "lifecycle",
    reason: /^the plan's status changes only when a caseworker issues/,
  },
  {
    name: "a caseworker linking a provision to an outcome that does not exist",
    role: "caseworker",
    update: (s) =>
      attackerItem({
        origin: valueOf(provisionOf(s.doc, 0), "outcomeIds"),
        content: new Y.ContentAny([["out-missing"]]),
      }),
    code: "invalid",
    reason: /^the edit would leave the plan invalid: .*"out-missing", which is not in the plan/,
  },
  {
    name: "a caseworker repeating an item id",
    role: "caseworker",
    update: (s) =>
      attackerItem({
        origin: valueOf(provisionOf(s.doc, 1), "id"),
        content: new Y.ContentAny([good.sections.F.provisions[0]?.id]),
      }),
    code: "invalid",
    reason: /^the edit would leave the plan invalid: .*"prov-salt-direct", which .* already uses/,
  },
  {
    name: "a caseworker deleting an outcome that provisions link to",
    role: "caseworker",
    update: (s) => {
      const outcome = child(root(s.doc), "sectionE").get(0) as Y.XmlElement;
      return deletionOf((outcome._item as Y.Item).id);
    },
    code: "invalid",
    reason:
      /^the edit would leave the plan invalid: .*"out-instructions", which is not in the plan/,
  },
  {
    name: "a school, which may edit F, giving a provision a source in the advice",
    role: "school",
    update: (s) =>
      attackerItem({
        parent: idOf(provisionOf(s.doc, 0)),
        parentSub: "source",
        content: new Y.ContentAny([FORGED_SOURCE]),
      }),
    code: "content",
    reason:
      /^provision prov-salt-direct in sectionF: only a caseworker records which advice an item came from; school may not set its source$/,
  },
  {
    name: "a parent, who may only suggest in F, giving a provision a source",
    role: "parent",
    update: (s) =>
      attackerItem({
        parent: idOf(provisionOf(s.doc, 1)),
        parentSub: "source",
        content: new Y.ContentAny([FORGED_SOURCE]),
      }),
    code: "content",
    reason: /only a caseworker records which advice an item came from; parent may not/,
  },
  {
    name: "an educational psychologist recording a decision on their own advice",
    role: "educational-psychologist",
    update: (s) => {
      const lastAdvice = lastItemOf(child(root(s.doc), "sectionK")) as Y.Item;
      return craftUpdate({
        structs: [
          {
            client: ATTACKER,
            clock: 0,
            origin: lastAdvice.lastId,
            content: new Y.ContentType(new Y.XmlElement("adviceDecision")),
          },
          ...Object.entries({
            requestId: "req-ep",
            recommendationId: "ep-prov-1",
            decision: "merged",
            into: "prov-visuals",
            on: "2026-12-01",
          }).map(([key, value], i) => ({
            client: ATTACKER,
            clock: i + 1,
            parent: Y.createID(ATTACKER, 0),
            parentSub: key,
            content: new Y.ContentAny([value]),
          })),
        ],
      });
    },
    code: "content",
    reason:
      /^adviceDecision in sectionK: only a caseworker records a decision on advice; educational-psychologist may not$/,
  },
  {
    name: "the overlapping item, encoded with V2 and converted as a relay would",
    role: "health",
    update: (s) =>
      Y.convertUpdateFormatV2ToV1(
        craftUpdate(
          {
            structs: [overlappingVictimItem(s)],
          },
          true,
        ),
      ),
    code: "client-id",
    reason: /which is someone else's$/,
  },
];

/** After the last character of the provision's "delivered by" in F, where a school may type. */
const endOfDelivered = (doc: Y.Doc) => (lastItemOf(deliveredByText(doc)) as Y.Item).lastId;
/** A keystroke in F under the attacker's own next clock: what the fast path takes alone. */
const keystrokeInF = (s: Scene, clock = 0, words = "x"): CraftedStruct => ({
  client: ATTACKER,
  clock,
  origin: endOfDelivered(s.doc),
  content: new Y.ContentString(words),
});
const SCHOOL_NOT_A = /^school may not change section A$/;

/**
 * Updates shaped like a keystroke, or nearly, that the server takes without its copy when they
 * are one (issue 19): each must be refused exactly as on the copy, in its words.
 */
const keystrokeAttacks: Attack[] = [
  {
    name: "a keystroke in F beside a struct typed into a view in A",
    role: "school",
    update: (s) =>
      craftUpdate({
        structs: [
          keystrokeInF(s),
          {
            client: ATTACKER,
            clock: 1,
            origin: endOfView(s.doc),
            content: new Y.ContentString("in A"),
          },
        ],
      }),
    code: "role",
    reason: SCHOOL_NOT_A,
  },
  {
    name: "a keystroke in F whose delete set names a character of a view in A",
    role: "school",
    update: (s) => {
      const { client, clock } = (lastItemOf(viewText(s.doc)) as Y.Item).lastId;
      return craftUpdate({
        structs: [keystrokeInF(s)],
        deletes: new Map([[client, [[clock, 1]]]]),
      });
    },
    code: "role",
    reason: SCHOOL_NOT_A,
  },
  {
    name: "a keystroke placed after a character of a view in A",
    role: "school",
    update: (s) => attackerItem({ origin: endOfView(s.doc), content: new Y.ContentString("x") }),
    code: "role",
    reason: SCHOOL_NOT_A,
  },
  {
    name: "a keystroke placed after a character of a view in A that the caseworker has deleted",
    role: "school",
    before: async (s) => {
      const text = viewText(s.doc);
      text.insert(text.length, "ab");
      text.delete(text.length - 1, 1);
      await acknowledged(s.victim);
    },
    update: (s) => {
      // The "b" deleted: the last item the caseworker typed, which Yjs keeps without its content.
      const deleted = Y.createID(s.victimClient, Y.getState(s.doc.store, s.victimClient) - 1);
      return attackerItem({ origin: deleted, content: new Y.ContentString("x") });
    },
    code: "role",
    reason: SCHOOL_NOT_A,
  },
  {
    name: "a keystroke at the end of a plain field in G, a section the school may not change",
    role: "school",
    update: (s) => {
      const provision = child(root(s.doc), "sectionG").get(0) as Y.XmlElement;
      const field = provision
        .toArray()
        .find((e) => e instanceof Y.XmlElement && e.nodeName === "provisionDeliveredBy");
      const text = (field as Y.XmlElement).get(0) as Y.XmlText;
      return attackerItem({
        origin: (lastItemOf(text) as Y.Item).lastId,
        content: new Y.ContentString("x"),
      });
    },
    code: "role",
    reason: /^school may not change section G$/,
  },
  {
    name: "a keystroke after a character in F but before one in A",
    role: "school",
    update: (s) =>
      attackerItem({
        origin: endOfDelivered(s.doc),
        rightOrigin: (viewText(s.doc)._start as Y.Item).id,
        content: new Y.ContentString("x"),
      }),
    code: "content",
    reason:
      /^the update's content does not lie where it says: it names text in provisionDeliveredBy .* but lies next to content in text in paragraph in view a-about in sectionA$/,
  },
  {
    name: "a keystroke with only a right origin, in A",
    role: "school",
    update: (s) =>
      attackerItem({
        rightOrigin: (viewText(s.doc)._start as Y.Item).id,
        content: new Y.ContentString("x"),
      }),
    code: "role",
    reason: SCHOOL_NOT_A,
  },
  {
    name: "a keystroke in F and another under the caseworker's client id",
    role: "school",
    update: (s) =>
      craftUpdate({
        structs: [
          keystrokeInF(s),
          {
            client: s.victimClient,
            clock: s.victimState,
            origin: endOfDelivered(s.doc),
            content: new Y.ContentString("as the caseworker"),
          },
        ],
      }),
    code: "client-id",
    reason: /which is someone else's$/,
  },
  {
    name: "an embed typed into F",
    role: "school",
    update: (s) =>
      attackerItem({ origin: endOfDelivered(s.doc), content: new Y.ContentEmbed({ image: "x" }) }),
    code: "content",
    reason:
      /^text in provisionDeliveredBy in provision prov-salt-direct in sectionF holds something other than text$/,
  },
  {
    name: "formatting typed into F under a mark the schema lacks",
    role: "school",
    update: (s) =>
      attackerItem({ origin: endOfDelivered(s.doc), content: new Y.ContentFormat("onclick", "x") }),
    code: "content",
    reason: /: unknown mark "onclick"$/,
  },
  {
    name: "characters placed after a provision's field, in the provision's own list of children",
    role: "school",
    update: (s) =>
      attackerItem({
        origin: idOf(deliveredByText(s.doc).parent as Y.XmlElement),
        content: new Y.ContentString("x"),
      }),
    code: "content",
    reason:
      /^provision prov-salt-direct in sectionF holds a kind of content the plan does not use$/,
  },
  {
    name: "a keystroke that takes a field past its length cap",
    role: "school",
    update: (s) => craftUpdate({ structs: [keystrokeInF(s, 0, "x".repeat(2_000))] }),
    code: "invalid",
    reason:
      /^the edit would leave the plan invalid: provisionDeliveredBy is longer than 2,000 characters$/,
  },
  {
    name: "a keystroke with a control character",
    role: "school",
    update: (s) => craftUpdate({ structs: [keystrokeInF(s, 0, "a\u0007b")] }),
    code: "content",
    reason: /: the character U\+0007 is not allowed$/,
  },
];

const stores: [string, boolean, ((file: string) => PostgresDocumentStore) | undefined][] = [
  ["SQLite", true, undefined],
  ["PostgreSQL", hasPostgres, () => new PostgresDocumentStore(POSTGRES_URL)],
];

describe.each(stores)("crafted updates, on %s", (_name, available, openStore) => {
  let test: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    if (available) test = await startTestServer("crafted", openStore ? { openStore } : {});
  });
  afterAll(() => test?.stop());

  const planJson = async (id: string) =>
    (await callApi(test.url, "GET", `/plans/${id}`, "viewer")).json as unknown as Plan;

  /** A plan, its caseworker having typed in section F, a viewer watching, and an attacker. */
  async function scene(role: Role): Promise<Scene> {
    const base = await attackScene(test, role, "crafted");
    const victimClient = base.victim.document.clientID;
    return {
      ...base,
      doc: base.victim.document,
      victimClient,
      victimState: Y.getState(base.victim.document.store, victimClient),
    };
  }

  it.runIf(available).each([...attacks, ...keystrokeAttacks])(
    "refuses $name: the sender is told why, the refusal is audited, nothing is stored or relayed, the caseworker's edits all stay",
    async ({ role, update, reason, code, before }) => {
      const s = await scene(role);
      await before?.(s);
      await expectRefused(test, s, update(s), { reason, code });
    },
  );

  it.runIf(available)(
    "refuses a keystroke into a final plan, however plain, with the lifecycle's reason",
    async () => {
      const id = `plan-final-${Math.random().toString(36).slice(2, 10)}`;
      const meta = {
        ...good.meta,
        status: "final",
        dates: { ...good.meta.dates, finalIssued: "2026-11-02" },
        signOff: { officerName: "Pat Lee", role: "Head of SEN", date: "2026-11-02" },
      };
      const created = await callApi(test.url, "POST", "/plans", "caseworker", {
        ...good,
        id,
        meta,
      });
      expect(created.status).toBe(201);
      const viewer = await connect(test.url, id, await tokenFor("viewer"));
      const before = await planJson(id);
      const attacker = await rawClient(test.url, id, await tokenFor("school", "*", "Mallory"));
      const keystroke = craftUpdate({
        structs: [
          {
            client: ATTACKER,
            clock: 0,
            origin: endOfDelivered(viewer.document),
            content: new Y.ContentString("x"),
          },
        ],
      });
      attacker.send(syncUpdate(id, keystroke));
      await until(() => attacker.syncStatus.length > 0, "an answer");
      expect(attacker.syncStatus).toEqual([false]);
      expect(JSON.parse(attacker.stateless[0] as string).reason).toBe(
        "the final plan is locked: a caseworker starts an amendment draft to change it",
      );
      expect(await planJson(id)).toStrictEqual(before);
      attacker.socket.close();
      disconnect(viewer);
    },
  );

  it.runIf(available)(
    "refuses a keystroke that deletes a character of someone's suggestion, as the copy does",
    async () => {
      const s = await scene("school");
      const parent = await connect(test.url, s.id, await tokenFor("parent", "*", "A parent"));
      const text = deliveredByText(parent.document);
      text.insert(text.length, " (NHS)", {
        insertion: { id: "sug-end", by: "user-parent", name: "A parent", role: "parent" },
      });
      await acknowledged(parent);
      disconnect(parent);
      await until(
        () => deliveredByText(s.doc).toString().includes("(NHS)"),
        "the suggestion at the caseworker",
      );
      let suggested: Y.Item | null = null;
      for (let item = deliveredByText(s.doc)._start; item; item = item.right) {
        if (item.content instanceof Y.ContentString && item.content.str.includes("NHS")) {
          suggested = item;
        }
      }
      const { client, clock } = (suggested as unknown as Y.Item).lastId;
      await expectRefused(test, s, craftUpdate({ deletes: new Map([[client, [[clock, 1]]]]) }), {
        reason:
          /^A parent's suggestion may be taken out only by accepting or rejecting it, with a reason, not by an edit$/,
        code: "suggestion",
      });
    },
  );

  it.runIf(available)(
    "takes a parent's suggestion typed at the very end of a field in a section they may not edit",
    async () => {
      const s = await scene("parent");
      s.attacker.socket.close();
      const parent = await connect(test.url, s.id, await tokenFor("parent", "*", "A parent"));
      const refusals: string[] = [];
      parent.on("stateless", ({ payload }: { payload: string }) => refusals.push(payload));
      const text = deliveredByText(parent.document);
      text.insert(text.length, " (NHS)", {
        insertion: { id: "sug-end", by: "user-parent", name: "A parent", role: "parent" },
      });
      await acknowledged(parent);
      expect(refusals).toEqual([]);
      await until(
        () => deliveredByText(s.observer.document).toString().includes("(NHS)"),
        "the suggestion at the observer",
      );
      for (const p of [s.victim, s.observer, parent]) disconnect(p);
    },
  );

  it.runIf(available)(
    "takes a caseworker's source on a provision and decision on advice: the plan reads as 1.2",
    async () => {
      const s = await scene("caseworker");
      s.attacker.socket.close();
      const doc = s.victim.document;
      const refusals: string[] = [];
      s.victim.on("stateless", ({ payload }: { payload: string }) => refusals.push(payload));
      doc.transact(() => {
        provisionOf(doc, 0).setAttribute("source", FORGED_SOURCE as never);
        const decision = new Y.XmlElement("adviceDecision");
        const attrs = {
          requestId: "req-ep",
          recommendationId: "ep-prov-2",
          decision: "declined",
          reason: "The school already gives this every day.",
          on: "2026-12-01",
        };
        for (const [key, value] of Object.entries(attrs)) decision.setAttribute(key, value);
        const sectionK = child(root(doc), "sectionK");
        sectionK.insert(sectionK.length, [decision]);
      });
      await acknowledged(s.victim);
      expect(refusals).toEqual([]);
      const plan = await planJson(s.id);
      expect(plan.formatVersion).toBe(1.2);
      expect(plan.sections.F.provisions[0]?.source).toEqual(FORGED_SOURCE);
      expect(plan.sections.K.decisions).toEqual([
        {
          requestId: "req-ep",
          recommendationId: "ep-prov-2",
          decision: "declined",
          reason: "The school already gives this every day.",
          on: "2026-12-01",
        },
      ]);
      for (const p of [s.victim, s.observer]) disconnect(p);
    },
  );

  it.runIf(available)(
    "takes a caseworker's deletion of an outcome that removes its links in the same change",
    async () => {
      const s = await scene("caseworker");
      s.attacker.socket.close();
      const doc = s.victim.document;
      const refusals: string[] = [];
      s.victim.on("stateless", ({ payload }: { payload: string }) => refusals.push(payload));
      doc.transact(() => {
        const sectionE = child(root(doc), "sectionE");
        sectionE.delete(0, 1);
        for (const provision of child(root(doc), "sectionF").toArray() as Y.XmlElement[]) {
          const links = provision.getAttribute("outcomeIds") as unknown as string[];
          provision.setAttribute(
            "outcomeIds",
            links.filter((link) => link !== "out-instructions") as never,
          );
        }
      });
      await acknowledged(s.victim);
      expect(refusals).toEqual([]);
      const plan = await planJson(s.id);
      expect(plan.sections.E.outcomes.map((o) => o.id)).not.toContain("out-instructions");
      for (const p of [s.victim, s.observer]) disconnect(p);
    },
  );

  /** A change the sender may make, as a real editor under `client` would write it. */
  const allowedEdit = (doc: Y.Doc, client: number, encode: typeof Y.encodeStateAsUpdate) => {
    const copy = new Y.Doc();
    copy.clientID = client;
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    deliveredByText(copy).insert(0, "Believed saved ");
    return encode(copy, before);
  };

  it.runIf(available).each([
    ["encoded as Yjs's V2", (doc: Y.Doc) => allowedEdit(doc, ATTACKER, Y.encodeStateAsUpdateV2)],
    [
      "in V1 with more bytes after its end",
      (doc: Y.Doc) => {
        const update = allowedEdit(doc, ATTACKER, Y.encodeStateAsUpdate);
        return Uint8Array.from([...update, 4, 1, 2, 3, 4]);
      },
    ],
  ])(
    "refuses an update %s visibly: the connection is closed with the reason, nothing is acknowledged, relayed or stored, and the audit trail notes it",
    async (_how, update) => {
      const s = await scene("caseworker");
      const before = await planJson(s.id);
      const observed: Uint8Array[] = [];
      s.observer.document.on("update", (u: Uint8Array) => observed.push(u));
      let closed: { reason: string } | null = null;
      void s.attacker.closed.then((c) => (closed = c));
      s.attacker.send(syncUpdate(s.id, update(s.doc)));
      // Read as V1 the V2 bytes are an empty update, which Hocuspocus would acknowledge.
      await until(() => closed !== null || s.attacker.syncStatus.length > 0, "an answer");
      expect(s.attacker.syncStatus).toEqual([]);
      expect(closed).toMatchObject({ reason: "the update could not be read" });
      expect(observed).toEqual([]);
      expect(await planJson(s.id)).toStrictEqual(before);
      const audit = await callApi(test.url, "GET", `/plans/${s.id}/audit`, "caseworker");
      const refused = (audit.json.entries as AuditEntry[]).flatMap((e) => e.refused ?? []);
      expect(refused.map((r) => r.reason)).toEqual(["unreadable"]);
      s.attacker.socket.close();
      for (const p of [s.victim, s.observer]) disconnect(p);
      await test.restart();
      expect(await planJson(s.id)).toStrictEqual(before);
    },
  );

  it.runIf(available)(
    "keeps a client id bound to its writer across a restart, even while the writer is away",
    async () => {
      const s = await scene("parent");
      const { victimClient, victimState, id } = s;
      for (const p of [s.victim, s.observer]) disconnect(p);
      s.attacker.socket.close();
      await test.restart();
      // The caseworker is offline; a parent who copied their client id from presence writes on.
      const attacker = await rawClient(test.url, id, await tokenFor("parent", "*", "Mallory"));
      const viewText0 = craftUpdate({
        structs: [
          {
            client: victimClient,
            clock: victimState,
            origin: Y.createID(victimClient, victimState - 1),
            content: new Y.ContentString("as the caseworker"),
          },
        ],
      });
      attacker.send(syncUpdate(id, viewText0));
      await until(() => attacker.stateless.length > 0, "a refusal");
      expect(JSON.parse(attacker.stateless[0] as string).reason).toMatch(/someone else's$/);
      attacker.socket.close();
    },
  );

  it.runIf(available)(
    "refuses a connection that makes up client ids, which would each cost a row in the store",
    async () => {
      const s = await scene("parent");
      const typed = (client: number) =>
        craftUpdate({
          structs: [
            {
              client,
              clock: 0,
              origin: endOfView(s.doc),
              content: new Y.ContentString(`w${client} `),
            },
          ],
        });
      for (let i = 1; i <= 5; i++) {
        s.attacker.send(syncUpdate(s.id, typed(0x7000 + i)));
        await until(() => s.attacker.syncStatus.length === i, "an answer");
      }
      expect(s.attacker.syncStatus).toEqual([true, true, true, true, false]);
      expect(JSON.parse(s.attacker.stateless[0] as string).reason).toBe(
        "the update adds content under more client ids than one editor uses (4): reload the plan",
      );
      s.attacker.socket.close();
      for (const p of [s.victim, s.observer]) disconnect(p);
    },
  );
  it.runIf(available)(
    "takes a writer's work under their own earlier client id on a new connection, however many ids it showed",
    async () => {
      const s = await scene("parent");
      const token = await tokenFor("parent", "*", "Mallory parent");
      const typed = (client: number, clock: number, origin: Y.ID, text: string) =>
        craftUpdate({ structs: [{ client, clock, origin, content: new Y.ContentString(text) }] });
      const first = typed(0x7001, 0, endOfView(s.doc), "kept ");
      s.attacker.send(syncUpdate(s.id, first));
      await until(() => s.attacker.syncStatus.length === 1, "an answer");
      s.attacker.socket.close();
      // The page reloaded: a new client id per try (presence, a fresh document) fills the quota,
      // then what was typed offline under the old id arrives.
      const reloaded = await rawClient(test.url, s.id, token);
      for (let i = 1; i <= 4; i++) {
        const origin = Y.createID(i === 1 ? 0x7001 : 0x7100 + i - 1, i === 1 ? 4 : 1);
        reloaded.send(syncUpdate(s.id, typed(0x7100 + i, 0, origin, "x ")));
        await until(() => reloaded.syncStatus.length === i, "an answer");
      }
      reloaded.send(syncUpdate(s.id, typed(0x7001, 5, Y.createID(0x7104, 1), "offline")));
      await until(() => reloaded.syncStatus.length === 5, "an answer");
      expect(reloaded.stateless).toEqual([]);
      expect(reloaded.syncStatus).toEqual([true, true, true, true, true]);
      expect(JSON.stringify(await planJson(s.id))).toContain("kept x x x x offline");
      reloaded.socket.close();
      for (const p of [s.victim, s.observer]) disconnect(p);
    },
  );
});

describe("client ids across instances", () => {
  it.runIf(hasPostgres && hasRedis)(
    "refuses, on one instance, content under a client id someone showed only in their presence on another",
    async () => {
      const start = () =>
        createCollabServer({
          port: 0,
          store: new PostgresDocumentStore(POSTGRES_URL),
          redis: REDIS_URL,
          signIn: { jwtSecret: TEST_SECRET },
        });
      const [a, b] = [start(), start()];
      const [urlA, urlB] = await Promise.all([a.start(), b.start()]);
      const id = `plan-instances-${Math.random().toString(36).slice(2, 10)}`;
      expect((await callApi(urlA, "POST", "/plans", "caseworker", { ...good, id })).status).toBe(
        201,
      );
      // The victim is on instance A and has only shown their presence, not written.
      const victim = await connect(urlA, id, await tokenFor("parent", "*", "Pat Parent"));
      victim.awareness?.setLocalStateField("user", { name: "Pat Parent", role: "parent" });
      const watcher = await connect(urlB, id, await tokenFor("viewer"));
      await until(
        () => watcher.awareness?.getStates().has(victim.document.clientID) ?? false,
        "the victim's presence on instance B",
      );
      // Another parent on instance B writes in section A, where parents may, under that id.
      const attacker = await rawClient(urlB, id, await tokenFor("young-person", "*", "Mallory"));
      attacker.send(
        syncUpdate(
          id,
          craftUpdate({
            structs: [
              {
                client: victim.document.clientID,
                clock: 0,
                origin: (lastItemOf(viewText(watcher.document)) as Y.Item).lastId,
                content: new Y.ContentString(" (written as Pat)"),
              },
            ],
          }),
        ),
      );
      await until(() => attacker.stateless.length > 0, "a refusal");
      expect(JSON.parse(attacker.stateless[0] as string).reason).toMatch(/someone else's$/);
      attacker.socket.close();
      for (const p of [victim, watcher]) disconnect(p);
      await Promise.all([a.stop(), b.stop()]);
    },
  );
});
