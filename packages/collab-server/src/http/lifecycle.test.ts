import { parsePlan, type Plan, yDocToPlan } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { acknowledged, connect, disconnect } from "../../test/connect.js";
import { rawClient, syncStep2, syncUpdate } from "../../test/rawClient.js";
import { tokenFor } from "../../test/tokens.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { examplePlan } from "@ehcp/fixtures";

const good = parsePlan(examplePlan("plan-good.json"));
let test: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  test = await startTestServer("lifecycle");
});
afterAll(() => test.stop());

const post = (path: string, body: unknown = {}) =>
  callApi(test.url, "POST", path, "caseworker", body);

/** Waits for the server's answer to a client's last change: accepted, or refused with a reason. */
async function outcome(
  client: Awaited<ReturnType<typeof connect>>,
  refusals: string[],
  seen: number,
) {
  for (let i = 0; i < 100; i++) {
    if (refusals.length > seen) return refusals.at(-1) as string;
    if (!client.hasUnsyncedChanges) return "accepted";
    await new Promise((r) => setTimeout(r, 20));
  }
  return "no answer";
}

describe("the road from draft to final", () => {
  it("refuses a final plan before the family's 15 days are over unless a reason is given, and keeps the reason", async () => {
    const plan: Plan = {
      ...good,
      id: "plan-early-final",
      meta: { ...good.meta, dates: { ...good.meta.dates, draftIssued: null } },
      sections: { ...good.sections, I: { placement: null } },
    };
    expect((await post("/plans", plan)).status).toBe(201);
    expect((await post(`/plans/${plan.id}/issue-draft`, { date: "2026-10-13" })).status).toBe(200);
    const client = await connect(test.url, plan.id);
    (client.document.getXmlFragment("default").get(10) as Y.XmlElement).setAttribute("placement", {
      institutionName: "Hillside Primary",
      institutionType: "mainstream",
    } as never);
    await acknowledged(client);
    disconnect(client);
    const officer = { name: "Pat Lee", role: "Head of SEN" };
    const final = (body: object) =>
      post(`/plans/${plan.id}/issue-final`, { officer, date: "2026-10-20", ...body });

    // Not before the draft, nor on the draft's day without a reason.
    expect((await final({ date: "2026-10-12" })).json.error).toBe(
      "date: the final plan cannot be issued before its draft was (13 October 2026)",
    );
    const refused = await final({});
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({
      error:
        "the family's 15 days for representations on the draft run until 28 October 2026: give the reason for issuing the final plan before then, such as the family's written agreement and its date",
      representationsClose: "2026-10-28",
    });
    expect((await final({ early: { reason: "   " } })).status).toBe(409);
    expect((await final({ early: { reason: "Agreed", agreedOn: "2026-10-21" } })).json.error).toBe(
      "early.agreedOn: the date of the family's written agreement, written YYYY-MM-DD, between the draft (13 October 2026) and the final plan (20 October 2026)",
    );
    // Still a draft after every refusal.
    expect(
      (await callApi(test.url, "GET", `/plans/${plan.id}`, "caseworker")).json.meta,
    ).toMatchObject({
      status: "draft",
    });

    const issued = await final({
      early: { reason: "The family asked for the final plan now.", agreedOn: "2026-10-16" },
    });
    expect(issued).toMatchObject({ status: 200, json: { finalIssued: "2026-10-20" } });
    const record = await callApi(test.url, "GET", `/plans/${plan.id}/representations`, "parent");
    expect(record.json.decisions).toMatchObject([
      {
        itemId: "early-final",
        label: "Final plan issued before the family's 15 days for representations were over",
        reason: "The family asked for the final plan now.",
        agreedOn: "2026-10-16",
        by: { role: "caseworker" },
        issue: 1,
      },
    ]);
  });

  it("issues the draft, refuses a final plan until it may be issued, locks it, and starts an amendment", async () => {
    const plan: Plan = {
      ...good,
      id: "plan-lifecycle",
      meta: { ...good.meta, dates: { ...good.meta.dates, draftIssued: null } },
    };
    expect((await post("/plans", plan)).status).toBe(201);
    const client = await connect(test.url, plan.id);
    const refusals: string[] = [];
    client.on("stateless", ({ payload }: { payload: string }) =>
      refusals.push(JSON.parse(payload).reason),
    );
    const root = client.document.getXmlFragment("default");
    const sectionI = root.get(10) as Y.XmlElement;
    // A first draft names no school.
    sectionI.setAttribute("placement", {
      institutionName: "Hillside Primary",
      institutionType: "mainstream",
    } as never);
    expect(await outcome(client, refusals, 0)).toMatch(/^a draft plan names no school or setting/);
    disconnect(client);

    expect(
      (
        await post(`/plans/${plan.id}/issue-final`, {
          officer: { name: "Pat Lee", role: "Head of SEN" },
        })
      ).json.error,
    ).toBe("issue the draft first: the family has 15 days to comment on it");
    const draft = await post(`/plans/${plan.id}/issue-draft`, { date: "2026-10-13" });
    expect(draft).toMatchObject({
      status: 200,
      json: {
        draftIssued: "2026-10-13",
        representationsClose: "2026-10-28",
        version: { name: "Draft issued 13 October 2026" },
      },
    });

    // After the draft: the school may be named, and the council changes a provision.
    const again = await connect(test.url, plan.id);
    const refused: string[] = [];
    again.on("stateless", ({ payload }: { payload: string }) =>
      refused.push(JSON.parse(payload).reason),
    );
    const againRoot = again.document.getXmlFragment("default");
    const againWho = (
      ((againRoot.get(6) as Y.XmlElement).get(0) as Y.XmlElement).get(1) as Y.XmlElement
    ).get(0) as Y.XmlText;
    (againRoot.get(10) as Y.XmlElement).setAttribute("placement", {
      institutionName: "Hillside Primary",
      institutionType: "mainstream",
    } as never);
    expect(await outcome(again, refused, 0)).toBe("accepted");
    againWho.insert(againWho.length, " and assistant");
    await acknowledged(again);

    const officer = { name: "Pat Lee", role: "Head of SEN" };
    const unaccounted = await post(`/plans/${plan.id}/issue-final`, {
      date: "2026-11-02",
      officer,
    });
    expect(unaccounted.status).toBe(409);
    expect(unaccounted.json.error).toMatch(
      /^1 change since the issued draft is neither in section I nor recorded as a council decision/,
    );
    const provision = good.sections.F.provisions[0]?.id;
    expect(unaccounted.json.changes).toEqual([{ id: provision, label: "F1", change: "changed" }]);

    const final = await post(`/plans/${plan.id}/issue-final`, {
      date: "2026-11-02",
      officer,
      decisions: [
        {
          id: provision,
          reason: "The therapist asked for an assistant to deliver half the sessions.",
        },
      ],
    });
    expect(final).toMatchObject({
      status: 200,
      json: { finalIssued: "2026-11-02", version: { name: "Final issued 2 November 2026" } },
    });
    // The connected editor hears of it.
    for (let i = 0; i < 500 && yDocToPlan(again.document).meta.status !== "final"; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(yDocToPlan(again.document).meta).toMatchObject({
      status: "final",
      signOff: { officerName: "Pat Lee", role: "Head of SEN", date: "2026-11-02" },
    });
    // The council's reason is kept with the plan, for everyone to read.
    const record = await callApi(test.url, "GET", `/plans/${plan.id}/representations`, "parent");
    expect(record.json.decisions).toMatchObject([
      {
        itemId: provision,
        label: "F1",
        change: "changed",
        reason: "The therapist asked for an assistant to deliver half the sessions.",
        by: { role: "caseworker" },
        issue: 1,
      },
    ]);

    // The final plan is locked.
    againWho.insert(0, "x");
    expect(await outcome(again, refused, 0)).toBe(
      "the final plan is locked: a caseworker starts an amendment draft to change it",
    );
    disconnect(again);

    // An amendment draft for the annual review opens it again, as issue 2.
    expect((await post(`/plans/${plan.id}/amend`)).json).toEqual({ status: "draft", issue: 2 });
    const third = await connect(test.url, plan.id);
    expect(yDocToPlan(third.document).meta).toMatchObject({
      status: "draft",
      issue: 2,
      signOff: null,
    });
    const thirdWho = (
      (
        (third.document.getXmlFragment("default").get(6) as Y.XmlElement).get(0) as Y.XmlElement
      ).get(1) as Y.XmlElement
    ).get(0) as Y.XmlText;
    thirdWho.insert(0, "Lead ");
    await acknowledged(third);
    disconnect(third);
  });

  it("mends the day the request was received while the plan is a draft, counting every date from it, and refuses a day that cannot be", async () => {
    const plan: Plan = { ...good, id: "plan-request-day" };
    expect((await post("/plans", plan)).status).toBe(201);
    const mend = (body: unknown, role: "caseworker" | "parent" = "caseworker") =>
      callApi(test.url, "POST", `/plans/${plan.id}/request-received`, role, body);
    const requestReceived = async () =>
      (
        (await callApi(test.url, "GET", `/plans/${plan.id}`, "caseworker")).json
          .meta as Plan["meta"]
      ).dates.requestReceived;

    const errors = [
      [{}, "date: the day the request was received, written YYYY-MM-DD"],
      [{ date: "2026-02-30" }, "date: a calendar date written YYYY-MM-DD"],
      [{ date: "9 June 2026" }, "date: a calendar date written YYYY-MM-DD"],
      [
        { date: "2999-01-01" },
        expect.stringMatching(/^date: a request cannot be received after today \(/),
      ],
      [
        { date: "2016-12-08" },
        "date: a request cannot be received before the child was born (9 December 2016)",
      ],
      [
        { date: "2026-10-14" },
        "date: the request was received before the draft was issued (13 October 2026)",
      ],
    ] as const;
    for (const [body, error] of errors) {
      const refused = await mend(body);
      expect(refused.status).toBe(400);
      expect(refused.json.error).toEqual(error);
    }
    // Only whoever manages the plan.
    expect((await mend({ date: "2026-06-09" }, "parent")).status).toBe(403);
    expect(await requestReceived()).toBe("2026-06-02");

    // Mended, the 20 weeks count from the new day, for everyone connected too.
    const client = await connect(test.url, plan.id);
    const mended = await mend({ date: "2026-06-09" });
    expect(mended.status).toBe(200);
    expect(mended.json.requestReceived).toBe("2026-06-09");
    expect(
      (mended.json.dates as { key: string; due: string }[]).find((d) => d.key === "final")?.due,
    ).toBe("2026-10-27");
    expect(await requestReceived()).toBe("2026-06-09");
    await expect
      .poll(() => yDocToPlan(client.document).meta.dates.requestReceived)
      .toBe("2026-06-09");
    disconnect(client);
  });

  it("takes the sync of an editor that opens a final plan with nothing new, so it is not sent to a fresh copy over and over", async () => {
    // An amendment's draft, issued, with the school named: signed off, it is final.
    const plan: Plan = {
      ...good,
      id: "plan-final-open",
      meta: { ...good.meta, issue: 2 },
      sections: {
        ...good.sections,
        I: { placement: { institutionName: "Hillside Primary", institutionType: "mainstream" } },
      },
    };
    expect((await post("/plans", plan)).status).toBe(201);
    const final = await post(`/plans/${plan.id}/issue-final`, {
      date: "2026-11-02",
      officer: { name: "Pat Lee", role: "Head of SEN" },
    });
    expect(final.json.error).toBeUndefined();

    // What an editor with nothing new answers the server's sync with, and an empty update.
    const client = await rawClient(test.url, plan.id, await tokenFor("caseworker"));
    const nothing = Y.encodeStateAsUpdate(new Y.Doc());
    client.send(syncStep2(plan.id, nothing));
    client.send(syncUpdate(plan.id, nothing));
    for (let i = 0; i < 250 && client.syncStatus.length < 2; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(client.syncStatus).toEqual([true, true]);
    expect(client.stateless.filter((s) => s.includes("edit-refused"))).toEqual([]);
    client.socket.close();

    // A real edit of the final plan is still refused.
    const editor = await connect(test.url, plan.id);
    const refusals: string[] = [];
    editor.on("stateless", ({ payload }: { payload: string }) =>
      refusals.push(JSON.parse(payload).reason),
    );
    await acknowledged(editor);
    expect(refusals).toEqual([]);
    const who = (
      (
        (editor.document.getXmlFragment("default").get(6) as Y.XmlElement).get(0) as Y.XmlElement
      ).get(1) as Y.XmlElement
    ).get(0) as Y.XmlText;
    who.insert(0, "x");
    expect(await outcome(editor, refusals, 0)).toBe(
      "the final plan is locked: a caseworker starts an amendment draft to change it",
    );
    disconnect(editor);
  });
});
