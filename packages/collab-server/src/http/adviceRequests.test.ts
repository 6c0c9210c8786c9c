import { examplePlan } from "@ehcp/fixtures";
import { POSTGRES_URL, postgresAvailable } from "@ehcp/fixtures/node";
import { ADVICE_REQUESTS_MAP_NAME, parsePlan, readAdviceRequests } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { attackScene, expectRefused } from "../../test/attack.js";
import { connect, disconnect } from "../../test/connect.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { PostgresDocumentStore } from "../store/PostgresDocumentStore.js";
import type { AuditEntry } from "../store/DocumentStore.js";

const good = parsePlan(examplePlan("plan-good.json"));
/** The day the server counts as today in these tests. */
const TODAY = "2026-11-20";

const stores: [string, boolean, ((file: string) => PostgresDocumentStore) | undefined][] = [
  ["SQLite", true, undefined],
  ["PostgreSQL", await postgresAvailable(), () => new PostgresDocumentStore(POSTGRES_URL)],
];

describe.each(stores)("requests for advice, on %s", (_name, available, openStore) => {
  let test: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    if (available) {
      test = await startTestServer("advice", {
        today: () => TODAY,
        ...(openStore ? { openStore } : {}),
      });
    }
  });
  afterAll(() => test?.stop());

  const newPlan = async () => {
    const id = `plan-advice-${Math.random().toString(36).slice(2, 10)}`;
    expect((await callApi(test.url, "POST", "/plans", "caseworker", { ...good, id })).status).toBe(
      201,
    );
    return id;
  };
  const ask = (id: string, body: unknown, role: Parameters<typeof callApi>[3] = "caseworker") =>
    callApi(test.url, "POST", `/plans/${id}/advice-requests`, role, body);
  const psychologist = {
    id: "dev-ana-ruiz",
    name: "Dr Ana Ruiz",
    role: "educational-psychologist",
  };
  const therapist = { id: "dev-li-wei", name: "Li Wei", role: "speech-and-language-therapist" };

  it.runIf(available)(
    "asks two advisers, works out six weeks from each request, marks the late one, and keeps both with the plan",
    async () => {
      const id = await newPlan();
      const first = await ask(id, { adviser: psychologist, requestedOn: "2026-10-01" });
      expect(first.status).toBe(201);
      expect(first.json.request).toMatchObject({
        adviser: psychologist,
        requestedOn: "2026-10-01",
        due: "2026-11-12",
        requestedBy: { id: "user-caseworker", name: "The caseworker", role: "caseworker" },
        submittedOn: null,
        status: "overdue",
        daysLeft: -8,
      });
      // Without a date the request is made on the server's today.
      const second = await ask(id, { adviser: therapist });
      expect(second.json.request).toMatchObject({
        requestedOn: TODAY,
        due: "2027-01-01",
        status: "due",
        daysLeft: 42,
      });

      // Anyone who may open the plan sees them, as of the server's day or of one they name.
      const listed = await callApi(test.url, "GET", `/plans/${id}/advice-requests`, "parent");
      expect(listed.status).toBe(200);
      expect(
        (listed.json.requests as { adviser: { name: string }; status: string }[]).map((r) => [
          r.adviser.name,
          r.status,
        ]),
      ).toEqual([
        ["Dr Ana Ruiz", "overdue"],
        ["Li Wei", "due"],
      ]);
      const earlier = await callApi(
        test.url,
        "GET",
        `/plans/${id}/advice-requests?today=2026-11-02`,
        "school",
      );
      expect(earlier.json.requests).toMatchObject([{ status: "due", daysLeft: 10 }, {}]);

      // The caseload lists each request's due date among the plan's dates.
      const caseload = await callApi(test.url, "GET", "/plans", "caseworker");
      const row = (caseload.json.plans as { id: string; dates: unknown[] }[]).find(
        (p) => p.id === id,
      );
      expect(row?.dates).toEqual(
        expect.arrayContaining([
          {
            key: `advice:${(first.json.request as { id: string }).id}`,
            label: "Advice from Dr Ana Ruiz, educational psychologist",
            due: "2026-11-12",
            done: null,
          },
          expect.objectContaining({
            label: "Advice from Li Wei, speech and language therapist",
            due: "2027-01-01",
          }),
        ]),
      );

      // A client connected to the plan sees them arrive in its document.
      const viewer = await connect(test.url, id);
      expect(readAdviceRequests(viewer.document).map((r) => r.adviser.name)).toEqual([
        "Dr Ana Ruiz",
        "Li Wei",
      ]);
      disconnect(viewer);

      // Stored with the plan: there after a restart, in the list and the caseload.
      await test.restart();
      const again = await callApi(test.url, "GET", `/plans/${id}/advice-requests`, "caseworker");
      expect((again.json.requests as unknown[]).length).toBe(2);
      const reloaded = await callApi(test.url, "GET", "/plans", "caseworker");
      const dates = (reloaded.json.plans as { id: string; dates: { key: string }[] }[])
        .find((p) => p.id === id)
        ?.dates.filter((d) => d.key.startsWith("advice:"));
      expect(dates).toHaveLength(2);

      // Audited: who asked and the request's id, never the adviser's name.
      const audit = await callApi(test.url, "GET", `/plans/${id}/audit`, "caseworker");
      const entries = audit.json.entries as AuditEntry[];
      const asked = entries.filter((e) => e.parts.includes("advice-requests"));
      // (A plan let go between the two requests ends its minute's entry early: two entries.)
      expect(
        asked.every((e) => e.user.id === "user-caseworker" && e.user.role === "caseworker"),
      ).toBe(true);
      expect(asked.flatMap((e) => e.items).sort()).toEqual(
        [first.json.request, second.json.request].map((r) => (r as { id: string }).id).sort(),
      );
      expect(JSON.stringify(entries)).not.toContain("Ana Ruiz");
    },
  );

  it.runIf(available)("refuses a request from a role that does not manage plans", async () => {
    const id = await newPlan();
    for (const role of ["parent", "educational-psychologist", "viewer"] as const) {
      const refused = await ask(id, { adviser: psychologist }, role);
      expect(refused.status).toBe(403);
      expect(refused.json.error).toBe(
        `${role} may not manage plans, their versions or their audit trail`,
      );
    }
    const listed = await callApi(test.url, "GET", `/plans/${id}/advice-requests`, "caseworker");
    expect(listed.json.requests).toEqual([]);
  });

  it.runIf(available)("names the field of a request that cannot be taken", async () => {
    const id = await newPlan();
    const cases: [unknown, number, string][] = [
      [{}, 400, "adviser: { id, name, role } of the person asked for advice"],
      [
        { adviser: { ...psychologist, name: "  " } },
        400,
        "adviser.name: give the name of the person asked",
      ],
      [
        { adviser: { ...psychologist, name: "Ana\u202eziuR" } },
        400,
        "adviser.name: the character U+202E is not allowed",
      ],
      [
        { adviser: { ...psychologist, role: "wizard" } },
        400,
        "adviser.role: one of educational-psychologist, speech-and-language-therapist, occupational-therapist, school, health, social-care, parent, young-person, other",
      ],
      [
        { adviser: psychologist, requestedOn: "1 October" },
        400,
        "requestedOn: a calendar date written YYYY-MM-DD",
      ],
      [
        { adviser: psychologist, requestedOn: "2026-11-21" },
        400,
        "requestedOn: a request cannot be dated after today (20 November 2026)",
      ],
      [
        { adviser: psychologist, requestedOn: "2026-05-01" },
        400,
        "requestedOn: advice is sought for an assessment, so not before the request for it was received (2 June 2026)",
      ],
    ];
    for (const [body, status, error] of cases) {
      const answer = await ask(id, body);
      expect([answer.status, answer.json.error]).toEqual([status, error]);
    }
    expect((await ask(id, { adviser: psychologist, requestedOn: "2026-10-01" })).status).toBe(201);
    const twice = await ask(id, { adviser: psychologist });
    expect([twice.status, twice.json.error]).toEqual([
      409,
      "Dr Ana Ruiz was asked for this advice on 1 October 2026 and has not given it yet",
    ]);
    const missing = await ask("plan-that-is-not-there", { adviser: psychologist });
    expect(missing.status).toBe(404);
    const listed = await callApi(test.url, "GET", `/plans/${id}/advice-requests`, "caseworker");
    expect((listed.json.requests as unknown[]).length).toBe(1);
  });

  it.runIf(available)(
    "refuses a client's update that writes a request for advice itself",
    async () => {
      const s = await attackScene(test, "parent", "advice");
      const copy = new Y.Doc();
      copy.clientID = 0x5eed;
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(s.victim.document));
      const before = Y.encodeStateVector(copy);
      const marker = "#FORGED REQUEST#";
      copy.getMap(ADVICE_REQUESTS_MAP_NAME).set("advice-forged", {
        id: "advice-forged",
        adviser: { id: "user-parent", name: marker, role: "educational-psychologist" },
        requestedOn: "2026-10-01",
        due: "2026-11-12",
        requestedBy: { id: "user-caseworker", name: "The caseworker", role: "caseworker" },
        submittedOn: null,
      });
      await expectRefused(test, s, Y.encodeStateAsUpdate(copy, before), {
        reason: /^the update writes outside the plan$/,
        code: "content",
        marker,
      });
      const listed = await callApi(test.url, "GET", `/plans/${s.id}/advice-requests`, "caseworker");
      expect(listed.json.requests).toEqual([]);
    },
  );
});
