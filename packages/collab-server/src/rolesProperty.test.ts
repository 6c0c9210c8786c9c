import {
  DEFAULT_SECTION_POLICY,
  DEFAULT_SUGGEST_POLICY,
  parsePlan,
  PLAN_FRAGMENT_NAME,
  type PlanPart,
  type Role,
  withoutSuggestions,
  yElementToNode,
} from "@ehcp/schema";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { acknowledged, connect, disconnect } from "../test/connect.js";
import { craftUpdate, type CraftedStruct } from "../test/craft.js";
import { type RawClient, rawClient, syncUpdate } from "../test/rawClient.js";
import { callApi, startTestServer } from "../test/testServer.js";
import { tokenFor } from "../test/tokens.js";
import type { DocumentStore } from "./store/DocumentStore.js";
import { loadStoredDocument } from "./store/loadStoredDocument.js";
import { PostgresDocumentStore } from "./store/PostgresDocumentStore.js";
import { SqliteDocumentStore } from "./store/SqliteDocumentStore.js";
import { planPartOf } from "./ws/planPartOf.js";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";
import { POSTGRES_URL, postgresAvailable } from "@ehcp/fixtures/node";

const good = parsePlan(examplePlan("plan-good.json"));
const ROLES_TRIED: Role[] = [
  "school",
  "educational-psychologist",
  "health",
  "social-care",
  "parent",
  "young-person",
];

type AnyType = Y.AbstractType<any>;

/** Every type in the plan, depth first: where random edits are aimed. */
function typesOf(doc: Y.Doc): AnyType[] {
  const found: AnyType[] = [];
  const walk = (type: AnyType) => {
    found.push(type);
    if (type instanceof Y.XmlFragment) for (const child of type.toArray()) walk(child as AnyType);
  };
  walk(doc.getXmlFragment(PLAN_FRAGMENT_NAME));
  return found;
}

/** Every item of the document, deleted or not: what crafted structs are aimed at. */
function itemsOf(doc: Y.Doc): Y.Item[] {
  const items: Y.Item[] = [];
  for (const list of doc.store.clients.values()) {
    for (const struct of list) if (struct instanceof Y.Item) items.push(struct);
  }
  return items;
}

/**
 * What a part of the plan holds, to compare byte for byte. Where a role may suggest, the text
 * as it stands (without suggestions) is what it may not change; elsewhere, all of it.
 */
function partsOf(doc: Y.Doc, role: Role): Map<PlanPart, string> {
  const root = doc.getXmlFragment(PLAN_FRAGMENT_NAME);
  const suggestable = new Set<PlanPart>(DEFAULT_SUGGEST_POLICY[role]);
  const parts = new Map<PlanPart, string>();
  parts.set(
    "structure",
    root
      .toArray()
      .map((child) => `${(child as Y.XmlElement).nodeName}@${JSON.stringify(child._item?.id)}`)
      .join(","),
  );
  for (const child of root.toArray()) {
    const element = child as Y.XmlElement;
    const part = planPartOf(element);
    if (!part) continue;
    parts.set(
      part,
      suggestable.has(part)
        ? JSON.stringify(withoutSuggestions(yElementToNode(element)).toJSON())
        : element.toString(),
    );
  }
  return parts;
}

const forbidden = (role: Role) => {
  const allowed = new Set<PlanPart>(DEFAULT_SECTION_POLICY[role]);
  return (parts: Map<PlanPart, string>) =>
    new Map([...parts].filter(([part]) => !allowed.has(part)));
};

const json = fc.jsonValue({ maxDepth: 2 });
const attributeName = fc.constantFrom(
  "id",
  "ratio",
  "status",
  "child",
  "outcomeIds",
  "needIds",
  "level",
  "placement",
  "__proto__",
  "onclick",
);
const nodeName = fc.constantFrom("paragraph", "provision", "need", "view", "heading", "script");

/** An edit someone might make in an editor, from a copy of the plan. */
const editorEdit = fc.oneof(
  fc.record({
    kind: fc.constant("type" as const),
    target: fc.nat(),
    at: fc.nat(),
    text: fc.string({ maxLength: 6 }),
  }),
  fc.record({
    kind: fc.constant("erase" as const),
    target: fc.nat(),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant("attribute" as const),
    target: fc.nat(),
    key: attributeName,
    value: json,
  }),
  fc.record({ kind: fc.constant("remove" as const), target: fc.nat(), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    target: fc.nat(),
    at: fc.nat(),
    name: nodeName,
  }),
);

/** A struct no editor would write: any client, any clock near the known ones, any origin. */
const crafted = fc.record({
  kind: fc.constant("crafted" as const),
  who: fc.constantFrom("own", "caseworker", "imported"),
  clockShift: fc.integer({ min: -3, max: 3 }),
  origin: fc.option(fc.nat(), { nil: undefined }),
  rightOrigin: fc.option(fc.nat(), { nil: undefined }),
  parent: fc.nat(),
  parentSub: fc.option(attributeName, { nil: undefined }),
  content: fc.oneof(
    fc.string({ maxLength: 8 }).map((text) => ({ string: text || "x" })),
    json.map((value) => ({ any: value ?? 0 })),
    fc.integer({ min: 1, max: 5 }).map((deleted) => ({ deleted })),
    nodeName.map((element) => ({ element })),
    fc.record({ format: fc.constantFrom("bold", "insertion", "link", "evil"), value: json }),
  ),
  deletes: fc.array(
    fc.record({
      item: fc.nat(),
      offset: fc.nat({ max: 3 }),
      length: fc.integer({ min: 1, max: 1_000 }),
    }),
    { maxLength: 2 },
  ),
});

type Op =
  | (typeof editorEdit extends fc.Arbitrary<infer T> ? T : never)
  | (typeof crafted extends fc.Arbitrary<infer T> ? T : never);

type Crafted = typeof crafted extends fc.Arbitrary<infer T> ? T : never;

function contentOf(content: Crafted["content"]) {
  if ("string" in content) return new Y.ContentString(content.string);
  if ("any" in content) return new Y.ContentAny([content.any]);
  if ("deleted" in content) return new Y.ContentDeleted(content.deleted);
  if ("element" in content) return new Y.ContentType(new Y.XmlElement(content.element));
  return new Y.ContentFormat(content.format, (content.value ?? null) as object);
}

/** The update an operation makes, from `doc` (the plan as the server holds it). */
function updateOf(op: Op, doc: Y.Doc, own: number, caseworker: number): Uint8Array {
  const types = typesOf(doc);
  const pick = <T>(list: T[], n: number) => list[n % list.length] as T;
  if (op.kind === "crafted") {
    const items = itemsOf(doc);
    const importedClient = pick(items, 0).id.client;
    const client = op.who === "own" ? own : op.who === "caseworker" ? caseworker : importedClient;
    const clock = Math.max(0, Y.getState(doc.store, client) + op.clockShift);
    const aim = (n: number | undefined) => (n === undefined ? null : pick(items, n).lastId);
    const origin = aim(op.origin);
    const rightOrigin = aim(op.rightOrigin);
    const parentType = pick(types, op.parent);
    const struct: CraftedStruct = {
      client,
      clock,
      origin,
      rightOrigin,
      parent: parentType._item ? parentType._item.id : PLAN_FRAGMENT_NAME,
      parentSub: op.parentSub ?? null,
      content: contentOf(op.content),
    };
    const deletes = new Map<number, [number, number][]>();
    for (const d of op.deletes) {
      const item = pick(items, d.item);
      deletes.set(item.id.client, [
        ...(deletes.get(item.id.client) ?? []),
        [item.id.clock + d.offset, d.length],
      ]);
    }
    return craftUpdate({ structs: [struct], deletes });
  }
  const copy = new Y.Doc();
  copy.clientID = own;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  const inCopy = typesOf(copy);
  const texts = inCopy.filter((t): t is Y.XmlText => t instanceof Y.XmlText);
  const elements = inCopy.filter((t): t is Y.XmlElement => t instanceof Y.XmlElement);
  const fragments = inCopy.filter((t): t is Y.XmlFragment => t instanceof Y.XmlFragment);
  try {
    if (op.kind === "type" && texts.length) {
      const text = pick(texts, op.target);
      text.insert(op.at % (text.length + 1), op.text || "x");
    } else if (op.kind === "erase" && texts.length) {
      const text = pick(texts, op.target);
      if (text.length > 0) {
        const at = op.at % text.length;
        text.delete(at, Math.min(op.length, text.length - at));
      }
    } else if (op.kind === "attribute" && elements.length) {
      pick(elements, op.target).setAttribute(op.key, op.value as never);
    } else if (op.kind === "remove") {
      const parent = pick(fragments, op.target);
      if (parent.length > 0) parent.delete(op.at % parent.length, 1);
    } else if (op.kind === "insert") {
      const parent = pick(fragments, op.target);
      parent.insert(op.at % (parent.length + 1), [new Y.XmlElement(op.name)]);
    }
  } catch {
    // An edit Yjs itself will not make is no edit.
  }
  return Y.encodeStateAsUpdate(copy, before);
}

const hasPostgres = await postgresAvailable();
const stores: [string, boolean, ((file: string) => DocumentStore) | undefined][] = [
  ["SQLite", true, undefined],
  ["PostgreSQL", hasPostgres, () => new PostgresDocumentStore(POSTGRES_URL)],
];

describe.each(stores)("random updates from each role, on %s", (_name, available, openStore) => {
  let test: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    if (available) test = await startTestServer("roles", openStore ? { openStore } : {});
  });
  afterAll(() => test?.stop());

  it.runIf(available).each(ROLES_TRIED)(
    "never change a part %s may not change, in the store or at an observer",
    { timeout: 120_000 },
    async (role) => {
      const id = `plan-roles-${role}-${Math.random().toString(36).slice(2, 8)}`;
      expect(
        (await callApi(test.url, "POST", "/plans", "caseworker", { ...good, id })).status,
      ).toBe(201);
      const caseworker = await connect(test.url, id, await tokenFor("caseworker"));
      deliveredByText(caseworker.document).insert(0, "Lead ");
      await acknowledged(caseworker);
      const observer = await connect(test.url, id, await tokenFor("viewer"));
      const guarded = forbidden(role);
      const expected = guarded(partsOf(observer.document, role));
      let attacker: RawClient | null = null;
      let own = 1;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(editorEdit, crafted), { minLength: 1, maxLength: 12 }),
          async (ops) => {
            // A fresh connection and client id each run: the server closes one refused too often.
            attacker?.socket.close();
            attacker = await rawClient(test.url, id, await tokenFor(role, "*", `Random ${role}`));
            own += 1;
            for (const op of ops) {
              if (!attacker) break;
              const answered = attacker.syncStatus.length;
              let closed = false;
              attacker.closed.then(() => (closed = true));
              attacker.send(
                syncUpdate(id, updateOf(op, observer.document, own, caseworker.document.clientID)),
              );
              for (let i = 0; i < 300 && attacker.syncStatus.length === answered && !closed; i++) {
                await new Promise((r) => setTimeout(r, 5));
              }
              if (closed)
                attacker = await rawClient(
                  test.url,
                  id,
                  await tokenFor(role, "*", `Random ${role}`),
                );
            }
            await new Promise((r) => setTimeout(r, 30));
            expect(guarded(partsOf(observer.document, role))).toEqual(expected);
          },
        ),
        { numRuns: 10, seed: 20261201 },
      );
      (attacker as RawClient | null)?.socket.close();
      // What the store holds: read straight from the database the server writes.
      const store = openStore ? openStore(test.file) : new SqliteDocumentStore(test.file);
      const stored = await loadStoredDocument(store, id);
      await store.close();
      expect(guarded(partsOf(stored, role))).toEqual(expected);
      for (const p of [caseworker, observer]) disconnect(p);
    },
  );
});
