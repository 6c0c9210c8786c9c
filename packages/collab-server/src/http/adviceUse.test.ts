import { examplePlan } from "@ehcp/fixtures";
import {
  adviceDocumentName,
  blankAdvice,
  type Plan,
  PLAN_FRAGMENT_NAME,
  parsePlan,
  planToYDoc,
  recommendationUse,
} from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { adviceAsked } from "../../test/adviceAsked.js";
import { acknowledged, connect, disconnect } from "../../test/connect.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { TEST_SECRET } from "../../test/tokens.js";
import { SignIn } from "../signIn.js";

const good = parsePlan(examplePlan("plan-good.json"));
const [therapy] = good.sections.F.provisions as [Plan["sections"]["F"]["provisions"][number]];
const [outcome] = good.sections.E.outcomes as [Plan["sections"]["E"]["outcomes"][number]];
const ana = { id: "user-ana", name: "Dr Ana Ruiz", role: "educational-psychologist" as const };
let test: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  test = await startTestServer("advice-use", { today: () => "2026-11-20" });
});
afterAll(() => test.stop());

const para = (text: string) => [
  { type: "paragraph" as const, content: [{ type: "text" as const, text }] },
];

/** Ana's advice: two provisions and an outcome, as she would write them, ids her own. */
function anasAdvice(firstWhat: string): Plan {
  const advice = blankAdvice(good);
  const provision = (id: string, what: string) => ({
    ...therapy,
    id,
    outcomeIds: [],
    needIds: [],
    adviceIds: [],
    what: para(what),
  });
  return {
    ...advice,
    sections: {
      ...advice.sections,
      E: { outcomes: [{ ...outcome, id: "ana-out-1", needIds: [] }] },
      F: {
        provisions: [
          provision("ana-prov-1", firstWhat),
          provision("ana-prov-2", "Precision teaching of high-frequency words"),
          provision("ana-prov-3", "A quiet room for tests"),
        ],
      },
    },
  };
}

const sectionOf = (doc: Y.Doc, name: string) =>
  doc
    .getXmlFragment(PLAN_FRAGMENT_NAME)
    .toArray()
    .find((e) => e instanceof Y.XmlElement && e.nodeName === name) as Y.XmlElement;

const api = (method: string, path: string, role: string, body?: unknown) =>
  callApi(test.url, method, path, role as never, body);

async function submittedAdvice() {
  const {
    id,
    requests: [requestId],
  } = await adviceAsked(test.url, "plan-use", [ana], { requestedOn: "2026-10-01" });
  const token = await new SignIn({ jwtSecret: TEST_SECRET }).mint({ ...ana, plans: [] });
  const writer = await connect(test.url, adviceDocumentName(id, requestId), token);
  // She writes in the parts that are hers, E and F, as the editor would.
  const write = async (advice: Plan) => {
    const written = planToYDoc(advice);
    writer.document.transact(() => {
      for (const name of ["sectionE", "sectionF"]) {
        const into = sectionOf(writer.document, name);
        into.delete(0, into.length);
        into.insert(
          0,
          sectionOf(written, name)
            .toArray()
            .map((e) => (e as Y.XmlElement).clone()),
        );
      }
    });
    await acknowledged(writer);
  };
  const submit = async () => {
    const token2 = await new SignIn({ jwtSecret: TEST_SECRET }).mint({ ...ana, plans: [] });
    const response = await fetch(
      `${test.url.replace(/^ws/, "http")}/plans/${id}/advice/${requestId}/submit`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${token2}` },
        body: JSON.stringify({ reason: "for the test" }),
      },
    );
    expect(response.status).toBe(200);
  };
  await write(anasAdvice("Direct therapy on two-step instructions"));
  await submit();
  return { id, requestId, writer, write, submit };
}

const planOf = async (id: string) =>
  parsePlan((await api("GET", `/plans/${id}`, "caseworker")).json);

describe("lifting advice into the plan", () => {
  it("copies a recommendation into F with its source, records merges and declines, and updates an item when the advice changes", async () => {
    const { id, requestId, writer, write, submit } = await submittedAdvice();
    const base = `/plans/${id}/advice/${requestId}`;

    const lifted = await api("POST", `${base}/lift`, "caseworker", {
      recommendationId: "ana-prov-1",
      section: "F",
    });
    expect(lifted.status).toBe(201);
    const item = lifted.json.item as { id: string; label: string };
    expect(item.label).toBe(`F${good.sections.F.provisions.length + 1}`);
    const outcomeLift = await api("POST", `${base}/lift`, "caseworker", {
      recommendationId: "ana-out-1",
      section: "E",
    });
    expect(outcomeLift.status).toBe(201);
    let plan = await planOf(id);
    expect(plan.formatVersion).toBe(1.2);
    const provision = plan.sections.F.provisions.at(-1);
    expect(provision?.source).toEqual({
      requestId,
      recommendationId: "ana-prov-1",
      version: 1,
      liftedOn: "2026-11-20",
    });
    expect(provision?.what).toEqual(para("Direct therapy on two-step instructions"));
    // Links named the advice's own items; in the plan the caseworker links it afresh.
    expect([provision?.needIds, provision?.outcomeIds]).toEqual([[], []]);

    // A provision is not a need, and only a caseworker lifts.
    const wrong = await api("POST", `${base}/lift`, "caseworker", {
      recommendationId: "ana-prov-2",
      section: "B",
    });
    expect([wrong.status, wrong.json.error]).toEqual([
      400,
      "section: a provision goes in F, G, H1, H2, not B",
    ]);
    const bySchool = await api("POST", `${base}/lift`, "school", {
      recommendationId: "ana-prov-2",
      section: "F",
    });
    expect(bySchool.status).toBe(403);

    const merged = await api("POST", `${base}/decide`, "caseworker", {
      recommendationId: "ana-prov-2",
      decision: "merged",
      into: therapy.id,
    });
    expect(merged.status).toBe(201);
    const noReason = await api("POST", `${base}/decide`, "caseworker", {
      recommendationId: "ana-prov-3",
      decision: "declined",
      reason: "  ",
    });
    expect([noReason.status, noReason.json.error]).toEqual([
      400,
      "reason: give the reason in words",
    ]);
    await api("POST", `${base}/decide`, "caseworker", {
      recommendationId: "ana-prov-3",
      decision: "declined",
      reason: "The school already does this for every child.",
    });
    plan = await planOf(id);
    expect(recommendationUse(plan, requestId, "ana-prov-2")).toMatchObject({
      state: "merged",
      into: therapy.id,
      label: "F1",
    });
    expect(recommendationUse(plan, requestId, "ana-prov-3")).toEqual({
      state: "declined",
      reason: "The school already does this for every child.",
    });
    expect(recommendationUse(plan, requestId, "ana-prov-1")).toMatchObject({ state: "in-plan" });

    // Ana revises her first recommendation and submits again: the item can follow it.
    await write(anasAdvice("Direct therapy on three-step instructions"));
    await submit();
    const kept = await api("POST", `${base}/decide`, "caseworker", {
      recommendationId: "ana-prov-1",
      decision: "kept",
      reason: "Two steps first, as agreed at the meeting.",
    });
    expect(kept.status).toBe(201);
    plan = await planOf(id);
    expect(recommendationUse(plan, requestId, "ana-prov-1")).toMatchObject({
      state: "in-plan",
      kept: { version: 2, reason: "Two steps first, as agreed at the meeting." },
    });
    const updated = await api("POST", `${base}/refresh`, "caseworker", { itemId: item.id });
    expect(updated.status).toBe(200);
    plan = await planOf(id);
    const after = plan.sections.F.provisions.find((p) => p.id === item.id);
    expect(after?.what).toEqual(para("Direct therapy on three-step instructions"));
    expect(after?.source?.version).toBe(2);
    expect(recommendationUse(plan, requestId, "ana-prov-1")).toMatchObject({ kept: null });
    disconnect(writer);
  });
});
