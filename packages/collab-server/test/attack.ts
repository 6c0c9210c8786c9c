import type { Plan, Role } from "@ehcp/schema";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";
import { parsePlan, PLAN_FRAGMENT_NAME } from "@ehcp/schema";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { expect } from "vitest";
import * as Y from "yjs";
import type { AuditEntry, RefusalCode } from "../src/store/DocumentStore.js";
import { acknowledged, connect, disconnect } from "./connect.js";
import { type RawClient, rawClient, syncUpdate } from "./rawClient.js";
import { callApi } from "./testServer.js";
import { tokenFor } from "./tokens.js";

const good = parsePlan(examplePlan("plan-good.json"));

/** What an attack needs of the test server: its address, and a restart on the same store. */
export interface AttackedServer {
  readonly url: string;
  restart(): Promise<void>;
}

/** A plan, its caseworker (the victim) having typed in section F, a viewer watching, an attacker. */
export interface AttackScene {
  readonly id: string;
  readonly victim: HocuspocusProvider;
  readonly observer: HocuspocusProvider;
  readonly attacker: RawClient;
  /** The attacker's role. */
  readonly role: Role;
}

export const until = async (done: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!done()) throw new Error(`timed out waiting for ${what}`);
};

const planJson = async (test: AttackedServer, id: string) =>
  (await callApi(test.url, "GET", `/plans/${id}`, "viewer")).json as unknown as Plan;

/**
 * A fresh plan with its scene. The attacker is another person of `role` than the tokens of that
 * role the tests use elsewhere, so that an attack under the caseworker's name is not the same user.
 */
export async function attackScene(
  test: AttackedServer,
  role: Role,
  prefix = "attack",
): Promise<AttackScene> {
  const id = `plan-${prefix}-${Math.random().toString(36).slice(2, 10)}`;
  expect((await callApi(test.url, "POST", "/plans", "caseworker", { ...good, id })).status).toBe(
    201,
  );
  const victim = await connect(test.url, id, await tokenFor("caseworker"));
  deliveredByText(victim.document).insert(0, "Lead ");
  await acknowledged(victim);
  const observer = await connect(test.url, id, await tokenFor("viewer"));
  const attacker = await rawClient(test.url, id, await tokenFor(role, "*", `Mallory ${role}`));
  return { id, victim, observer, attacker, role };
}

export interface ExpectedRefusal {
  /** What the attacker must be told. */
  readonly reason: RegExp;
  /** The kind of refusal the audit trail must keep. */
  readonly code: RefusalCode;
  /** Text of the attack that must appear nowhere: not relayed, not stored, not audited. */
  readonly marker?: string;
}

/**
 * Sends `update` from the scene's attacker and asserts all a refusal promises: the attacker is
 * told why and its update is not taken; the audit trail names the attacker, their role and the
 * kind of refusal, without the attack's text; nothing reaches the observer; the plan is unchanged
 * in the store, after a restart too; and the caseworker's edits typed after the attack are all
 * there, from a fresh client. Disconnects the scene's clients and restarts `test`.
 */
export async function expectRefused(
  test: AttackedServer,
  s: AttackScene,
  update: Uint8Array,
  { reason, code, marker }: ExpectedRefusal,
): Promise<void> {
  const root = (doc: Y.Doc) => doc.getXmlFragment(PLAN_FRAGMENT_NAME).toString();
  // Let the steps before the attack reach the store and the observer first.
  await new Promise((r) => setTimeout(r, 50));
  const before = await planJson(test, s.id);
  const answers = s.attacker.syncStatus.length;
  const observed: Uint8Array[] = [];
  s.observer.document.on("update", (u: Uint8Array) => observed.push(u));
  s.attacker.send(syncUpdate(s.id, update));
  let closed: unknown = null;
  void s.attacker.closed.then((c) => (closed = c));
  await until(() => s.attacker.stateless.length > 0 || closed !== null, "a refusal").catch(
    (error: Error) => {
      throw new Error(`${error.message}; status ${JSON.stringify(s.attacker.syncStatus)}`);
    },
  );
  expect(closed).toBeNull();
  const refusal = JSON.parse(s.attacker.stateless.at(-1) as string);
  expect(refusal.type).toBe("edit-refused");
  expect(refusal.reason).toMatch(reason);
  await until(() => s.attacker.syncStatus.length > answers, "the update's status");
  expect(s.attacker.syncStatus.at(-1)).toBe(false);

  // The caseworker types on, into the clocks a pending deletion would have taken.
  for (const word of ["More ", "and more "]) {
    deliveredByText(s.victim.document).insert(0, word);
    await acknowledged(s.victim);
  }
  const expected = structuredClone(before);
  const provision = expected.sections.F.provisions[0] as { deliveredBy: string };
  provision.deliveredBy = `and more More ${provision.deliveredBy}`;
  await until(() => observed.length >= 2, "the caseworker's edits at the observer");
  // The observer holds exactly what the caseworker holds: the attack reached no one.
  expect(Y.encodeStateVector(s.observer.document)).toEqual(Y.encodeStateVector(s.victim.document));
  expect(observed).toHaveLength(2);
  if (marker) expect(root(s.observer.document)).not.toContain(marker);
  expect(await planJson(test, s.id)).toStrictEqual(expected);

  for (const p of [s.victim, s.observer]) disconnect(p);
  s.attacker.socket.close();
  await test.restart();
  expect(await planJson(test, s.id)).toStrictEqual(expected);
  const fresh = await connect(test.url, s.id, await tokenFor("viewer"));
  // Words the scene's steps added before the attack may lie between (a suggestion, say).
  expect(deliveredByText(fresh.document).toString()).toMatch(/^and more More /);
  expect(deliveredByText(fresh.document).toString()).toContain("Lead ");
  if (marker) expect(root(fresh.document)).not.toContain(marker);
  disconnect(fresh);

  // Kept through the restart: who was refused, in which role, and why; never what they sent.
  const audit = await callApi(test.url, "GET", `/plans/${s.id}/audit`, "caseworker");
  const entries = audit.json.entries as AuditEntry[];
  const theirs = entries.filter((entry) => entry.user.id === `user-${s.role}`);
  expect(theirs.flatMap((entry) => entry.refused ?? []).map((r) => r.reason)).toContain(code);
  expect(theirs.every((entry) => entry.user.role === s.role)).toBe(true);
  if (marker) expect(JSON.stringify(entries)).not.toContain(marker);
}
