import { parsePlan, type Plan, type Representation, type Role } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { acknowledged, connect, disconnect } from "../../test/connect.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { tokenFor } from "../../test/tokens.js";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";

const good = parsePlan(examplePlan("plan-good.json"));
const provision = good.sections.F.provisions[0]!;
let test: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  test = await startTestServer("suggestions");
});
afterAll(() => test.stop());

const call = (method: string, path: string, role: Role, body?: unknown) =>
  callApi(test.url, method, path, role, body);

const parent = { by: "user-parent", name: "The parent", role: "parent" };

/** Connects a parent whose refusals are collected. */
async function parentClient(planId: string) {
  const client = await connect(test.url, planId, await tokenFor("parent", "*", "The parent"));
  const refusals: string[] = [];
  client.on("stateless", ({ payload }: { payload: string }) =>
    refusals.push(JSON.parse(payload).reason),
  );
  /** Waits for the server's answer to the last change: accepted, or the refusal's reason. */
  const answer = async () => {
    const seen = refusals.length;
    for (let i = 0; i < 500; i++) {
      if (refusals.length > seen) return refusals.at(-1) as string;
      if (!client.hasUnsyncedChanges) return "accepted";
      await new Promise((r) => setTimeout(r, 20));
    }
    return "no answer";
  };
  return { client, answer };
}

const planJson = async (id: string) => (await call("GET", `/plans/${id}`, "viewer")).json as Plan;

/**
 * Imports the good plan as `id`, issues its draft, and has the parent suggest "NHS " at the start
 * of F1's "delivered by" under the suggestion id `suggestion`.
 */
async function draftWithSuggestion(id: string, suggestion: string): Promise<Plan> {
  const plan: Plan = {
    ...good,
    id,
    meta: { ...good.meta, dates: { ...good.meta.dates, draftIssued: null } },
  };
  expect((await call("POST", "/plans", "caseworker", plan)).status).toBe(201);
  expect(
    (await call("POST", `/plans/${id}/issue-draft`, "caseworker", { date: "2026-10-13" })).status,
  ).toBe(200);
  const { client, answer } = await parentClient(id);
  deliveredByText(client.document).insert(0, "NHS ", { insertion: { id: suggestion, ...parent } });
  expect(await answer()).toBe("accepted");
  await acknowledged(client);
  disconnect(client);
  return plan;
}

/** Names Hillside Primary in section I, as a caseworker's editor does. */
function nameSchool(doc: Y.Doc): void {
  const sectionI = doc
    .getXmlFragment("default")
    .toArray()
    .find((e) => e instanceof Y.XmlElement && e.nodeName === "sectionI") as Y.XmlElement;
  sectionI.setAttribute("placement", {
    institutionName: "Hillside Primary",
    institutionType: "mainstream",
  } as never);
}

describe("suggested changes", () => {
  it("lets a parent suggest words in and out of section F, which changes nothing until an editor of F accepts or rejects each with a reason", async () => {
    const plan: Plan = { ...good, id: "plan-suggest" };
    expect((await call("POST", "/plans", "caseworker", plan)).status).toBe(201);
    const { client, answer } = await parentClient(plan.id);
    const text = deliveredByText(client.document);
    // "Speech and language therapist": "NHS " suggested in, "Speech " suggested out.
    client.document.transact(() => {
      text.format(0, 7, { deletion: { id: "sug-out", ...parent } });
      text.insert(0, "NHS ", { insertion: { id: "sug-in", ...parent } });
    });
    expect(await answer()).toBe("accepted");
    // Until decided, the plan is as it was.
    expect(await planJson(plan.id)).toStrictEqual(plan);
    const listed = await call("GET", `/plans/${plan.id}/representations`, "parent");
    expect(listed.json.pending).toEqual([
      {
        id: "sug-in",
        kind: "insertion",
        ...parent,
        text: "NHS ",
        section: "F",
        itemId: provision.id,
      },
      {
        id: "sug-out",
        kind: "deletion",
        ...parent,
        text: "Speech ",
        section: "F",
        itemId: provision.id,
      },
    ]);

    // Not a suggestion: plain typing, a suggestion in someone else's name, a value changed.
    const typed = deliveredByText(client.document);
    typed.insert(typed.length, "!");
    expect(await answer()).toBe(
      "parent may not change section F; only words may be suggested there, shown as suggestions",
    );
    disconnect(client);
    const again = await parentClient(plan.id);
    deliveredByText(again.client.document).insert(0, "Lead ", {
      insertion: {
        id: "sug-forged",
        by: "user-caseworker",
        name: "The caseworker",
        role: "caseworker",
      },
    });
    expect(await again.answer()).toBe(
      `text in provisionDeliveredBy in provision ${provision.id} in sectionF: a suggestion must carry its author's name as signed in (The parent, parent); this one names someone else`,
    );
    disconnect(again.client);
    const third = await parentClient(plan.id);
    const sectionF = third.client.document
      .getXmlFragment("default")
      .toArray()
      .find((e) => e instanceof Y.XmlElement && e.nodeName === "sectionF") as Y.XmlElement;
    (sectionF.get(0) as Y.XmlElement).setAttribute("ratio", "1:1");
    expect(await third.answer()).toBe(
      "parent may not change section F; only words may be suggested in section F, not changes to its items",
    );
    disconnect(third.client);

    // Deciding takes a role that may edit F, and a reason.
    const decide = (role: Role, id: string, body: unknown) =>
      call("POST", `/plans/${plan.id}/suggestions/${id}/decide`, role, body);
    expect(await decide("parent", "sug-in", { decision: "accept", reason: "Mine" })).toMatchObject({
      status: 403,
      json: { error: "parent may not decide on suggestions in section F" },
    });
    expect(await decide("school", "sug-in", { decision: "accept" })).toMatchObject({
      status: 400,
      json: { error: "reason: say why, for the family's record of their representations" },
    });
    expect(await decide("school", "sug-none", { decision: "accept", reason: "Yes" })).toMatchObject(
      { status: 404 },
    );
    const accepted = await decide("school", "sug-in", {
      decision: "accept",
      reason: "The therapy is commissioned from the NHS trust.",
    });
    expect(accepted.status).toBe(200);
    const rejected = await decide("caseworker", "sug-out", {
      decision: "reject",
      reason: "The provision is speech and language therapy; the word stays.",
    });
    expect(rejected.status).toBe(200);
    expect((await planJson(plan.id)).sections.F.provisions[0]?.deliveredBy).toBe(
      "NHS Speech and language therapist",
    );
    const record = await call("GET", `/plans/${plan.id}/representations`, "parent");
    expect(record.json.pending).toEqual([]);
    expect(
      (record.json.representations as Representation[]).map(
        ({ id, inserted, removed, decision, reason, by, decidedBy, section, itemId }) => ({
          id,
          inserted,
          removed,
          decision,
          reason,
          by: by.role,
          decidedBy: decidedBy.role,
          section,
          itemId,
        }),
      ),
    ).toEqual([
      {
        id: "sug-in",
        inserted: "NHS ",
        removed: "",
        decision: "accepted",
        reason: "The therapy is commissioned from the NHS trust.",
        by: "parent",
        decidedBy: "school",
        section: "F",
        itemId: provision.id,
      },
      {
        id: "sug-out",
        inserted: "",
        removed: "Speech ",
        decision: "rejected",
        reason: "The provision is speech and language therapy; the word stays.",
        by: "parent",
        decidedBy: "caseworker",
        section: "F",
        itemId: provision.id,
      },
    ]);
  });

  it("holds the final plan back while a suggestion waits, and counts an accepted one as a representation", async () => {
    const plan = await draftWithSuggestion("plan-suggest-final", "sug-nhs");
    const officer = { name: "Pat Lee", role: "Head of SEN" };
    const final = () =>
      call("POST", `/plans/${plan.id}/issue-final`, "caseworker", { date: "2026-11-02", officer });
    expect(await final()).toMatchObject({
      status: 409,
      json: {
        error: "1 suggested change is waiting for a decision: accept or reject each, with a reason",
      },
    });
    await call("POST", `/plans/${plan.id}/suggestions/sug-nhs/decide`, "caseworker", {
      decision: "accept",
      reason: "Agreed at the review meeting.",
    });
    // Section I is filled through a caseworker's editor.
    const caseworker = await connect(test.url, plan.id);
    nameSchool(caseworker.document);
    await acknowledged(caseworker);
    disconnect(caseworker);
    // F1 changed since the draft, but by an accepted representation: no council decision needed.
    expect(await final()).toMatchObject({ status: 200, json: { decisions: [] } });
  });

  it("asks for a council decision when an item an accepted representation changed was changed again beside it", async () => {
    const plan = await draftWithSuggestion("plan-suggest-beside", "sug-bs");
    await call("POST", `/plans/${plan.id}/suggestions/sug-bs/decide`, "caseworker", {
      decision: "accept",
      reason: "Agreed at the review meeting.",
    });
    const { representations } = (await call("GET", `/plans/${plan.id}/representations`, "parent"))
      .json as { representations: Representation[] };
    expect(representations[0]?.itemBefore).toMatch(/^[\w-]{43}$/);
    expect(representations[0]?.itemAfter).toMatch(/^[\w-]{43}$/);
    expect(representations[0]?.itemAfter).not.toBe(representations[0]?.itemBefore);

    // After the decision, the caseworker names the school, and changes the same provision further.
    const caseworker = await connect(test.url, plan.id);
    nameSchool(caseworker.document);
    deliveredByText(caseworker.document).insert(0, "Senior ");
    await acknowledged(caseworker);
    disconnect(caseworker);
    const officer = { name: "Pat Lee", role: "Head of SEN" };
    const final = (decisions?: unknown) =>
      call("POST", `/plans/${plan.id}/issue-final`, "caseworker", {
        date: "2026-11-02",
        officer,
        ...(decisions ? { decisions } : {}),
      });
    expect(await final()).toMatchObject({
      status: 409,
      json: {
        error:
          "1 change since the issued draft is neither in section I nor recorded as a council decision: record each with a reason, or re-issue the draft",
        changes: [{ id: provision.id, label: "F1", change: "changed" }],
      },
    });
    const issued = await final([{ id: provision.id, reason: "The therapy lead is senior." }]);
    expect(issued.status).toBe(200);
    expect((await planJson(plan.id)).sections.F.provisions[0]?.deliveredBy).toBe(
      `Senior NHS ${provision.deliveredBy}`,
    );
  });

  it("takes a parent's suggestion in a professional's view in section A, but leaves the decision to the caseworker", async () => {
    const id = "plan-suggest-view";
    expect((await call("POST", "/plans", "caseworker", { ...good, id })).status).toBe(201);
    const { client, answer } = await parentClient(id);
    const sectionA = client.document
      .getXmlFragment("default")
      .toArray()
      .find((e) => e instanceof Y.XmlElement && e.nodeName === "sectionA") as Y.XmlElement;
    const history = sectionA
      .toArray()
      .find((v) => (v as Y.XmlElement).getAttribute("id") === "a-history") as Y.XmlElement;
    expect(history.getAttribute("voice")).toBe("professional");
    const words = (history.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    words.insert(0, "At school, ", { insertion: { id: "s-view", ...parent } });
    expect(await answer()).toBe("accepted");
    disconnect(client);
    const decide = (role: Role) =>
      call("POST", `/plans/${id}/suggestions/s-view/decide`, role, {
        decision: "accept",
        reason: "Agreed at the meeting.",
      });
    const refused = await decide("parent");
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatch(/a-history records the professional's view/);
    const view = () =>
      planJson(id).then((p) => p.sections.A.views.find((v) => v.id === "a-history"));
    expect(JSON.stringify((await view())?.content)).not.toContain("At school");
    expect((await decide("caseworker")).status).toBe(200);
    expect(JSON.stringify((await view())?.content)).toContain("At school, ");
  });
});
