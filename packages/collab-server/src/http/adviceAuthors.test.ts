import { examplePlan } from "@ehcp/fixtures";
import {
  adviceDocumentName,
  PLAN_FRAGMENT_NAME,
  parsePlan,
  planToYDoc,
  type Role,
} from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { adviceAsked } from "../../test/adviceAsked.js";
import { until } from "../../test/attack.js";
import { connect, disconnect } from "../../test/connect.js";
import { rawClient } from "../../test/rawClient.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { testStores } from "../../test/testStores.js";
import { tokenOf } from "../../test/tokens.js";
import { answerOf } from "../../test/answerOf.js";

const good = parsePlan(examplePlan("plan-good.json"));

const ana = { id: "user-ana", name: "Dr Ana Ruiz", role: "educational-psychologist" as const };
const ben = { id: "user-ben", name: "Ben Cole", role: "educational-psychologist" as const };
const pat = { id: "user-pat", name: "Pat Castell", role: "parent" as const };
const mallory = { id: "user-mallory", name: "Mallory", role: "educational-psychologist" as const };

const section = (doc: Y.Doc, key: string) =>
  doc
    .getXmlFragment(PLAN_FRAGMENT_NAME)
    .toArray()
    .find((e) => e instanceof Y.XmlElement && e.nodeName === `section${key}`) as Y.XmlElement;

/** A view of the child (section A), as an editor would add it, under client `client`. */
function addView(doc: Y.Doc, client: number, words: string): Uint8Array {
  const copy = new Y.Doc();
  copy.clientID = client;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  const view = (section(planToYDoc(good), "A").get(0) as Y.XmlElement).clone();
  section(copy, "A").insert(0, [view]);
  (((section(copy, "A").get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(
    0,
    words,
  );
  return Y.encodeStateAsUpdate(copy, before);
}

/** An HTTP call as one person, with their own token. */
async function as(
  who: { id: string; name: string; role: Role },
  method: string,
  path: string,
  body?: unknown,
  plans: readonly string[] | "*" = [],
) {
  const response = await fetch(test.url.replace(/^ws/, "http") + path, {
    method,
    headers: { Authorization: `Bearer ${await tokenOf(who, plans)}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

let test: Awaited<ReturnType<typeof startTestServer>>;

/** A plan with advice asked of Ana and of Pat, the parent. */
async function scene() {
  const {
    id,
    requests: [anaRequest, patRequest],
  } = await adviceAsked(test.url, "plan-authors", [ana, pat]);
  return { id, anaRequest, patRequest, anaAdvice: adviceDocumentName(id, anaRequest) };
}

describe.each(testStores)("advice's authors, on %s", (_name, available, openStore) => {
  beforeAll(async () => {
    if (available) {
      test = await startTestServer("advice-authors", {
        today: () => "2026-11-20",
        ...(openStore ? { openStore } : {}),
      });
    }
  });
  afterAll(() => test?.stop());

  describe("co-authors of advice, on a real server", () => {
    it.runIf(available)(
      "the adviser invites a named co-author, who then writes in that advice and nothing else; no one else may, by hand-made requests or updates",
      async () => {
        const { id, anaRequest, patRequest, anaAdvice } = await scene();
        const invite = (who: typeof ana, body: unknown) =>
          as(who, "POST", `/plans/${id}/advice/${anaRequest}/co-authors`, body);

        // Before he is invited, Ben may not open her advice.
        await expect(rawClient(test.url, anaAdvice, await tokenOf(ben))).rejects.toThrow(
          "refused: only Dr Ana Ruiz, who was asked for this advice, writes it (with the co-authors they invite), and only the caseworker reads it while it is written",
        );

        // Only she invites: not the caseworker, not the parent, not someone the request never named.
        const byCaseworker = await callApi(
          test.url,
          "POST",
          `/plans/${id}/advice/${anaRequest}/co-authors`,
          "caseworker",
          { coAuthor: { id: ben.id, name: ben.name } },
        );
        expect([byCaseworker.status, byCaseworker.json.error]).toEqual([
          403,
          "only Dr Ana Ruiz, who was asked for this advice, chooses who writes it with them",
        ]);
        expect(
          (await invite(mallory, { coAuthor: { id: mallory.id, name: "Mallory" } })).status,
        ).toBe(403);
        expect((await invite(ana, { coAuthor: { id: ben.id, name: " " } })).json.error).toBe(
          "coAuthor.name: give the name of the person invited",
        );
        expect((await invite(ana, { coAuthor: { id: ana.id, name: ana.name } })).status).toBe(409);

        const invited = await invite(ana, { coAuthor: { id: ben.id, name: ben.name } });
        expect(invited.status).toBe(201);
        expect(invited.json.request).toMatchObject({
          coAuthors: [{ id: ben.id, name: ben.name, invitedOn: "2026-11-20" }],
        });
        expect((await invite(ana, { coAuthor: { id: ben.id, name: ben.name } })).json.error).toBe(
          "Ben Cole writes this advice already",
        );

        // Ben, with a token that opens no plan, writes in her advice.
        const caseworker = await connect(test.url, anaAdvice);
        const benWriter = await rawClient(test.url, anaAdvice, await tokenOf(ben));
        expect(
          await answerOf(benWriter, anaAdvice, addView(caseworker.document, 0xbe1, "#BEN#")),
        ).toBe("taken");
        await until(() => section(caseworker.document, "A").length === 1, "his words");
        // And nothing else: not the plan, not the parent's advice; he invites no one either.
        await expect(rawClient(test.url, id, await tokenOf(ben))).rejects.toThrow(
          `refused: this token does not open the plan ${id}`,
        );
        await expect(
          rawClient(test.url, adviceDocumentName(id, patRequest), await tokenOf(ben)),
        ).rejects.toThrow(/^refused: only Pat Castell, who was asked for this advice, writes it/);
        expect((await as(ben, "GET", `/plans/${id}`)).status).toBe(403);
        expect(
          (await invite(ben, { coAuthor: { id: mallory.id, name: "Mallory" } })).json.error,
        ).toBe("only Dr Ana Ruiz, who was asked for this advice, chooses who writes it with them");

        // Mallory, whom no one invited, is refused on the socket and over HTTP, whatever her token
        // opens; her update sent on the parent's socket is not taken.
        await expect(rawClient(test.url, anaAdvice, await tokenOf(mallory, "*"))).rejects.toThrow(
          /^refused: only Dr Ana Ruiz, who was asked for this advice, writes it/,
        );
        const mallorySubmit = await as(
          mallory,
          "POST",
          `/plans/${id}/advice/${anaRequest}/submit`,
          { reason: "mine now" },
          "*",
        );
        expect(mallorySubmit.status).toBe(403);
        expect(
          (await as(mallory, "GET", `/plans/${id}/advice/${anaRequest}`, undefined, "*")).status,
        ).toBe(403);

        // Removed, his open connection ends with the reason, and he may not come back.
        const closed = benWriter.closed;
        const removed = await as(
          ana,
          "POST",
          `/plans/${id}/advice/${anaRequest}/co-authors/${ben.id}/remove`,
        );
        expect([removed.status, removed.json.request]).toMatchObject([200, { coAuthors: [] }]);
        expect((await closed).reason).toBe(
          "only Dr Ana Ruiz, who was asked for this advice, writes it (with the co-authors they invite)",
        );
        await expect(rawClient(test.url, anaAdvice, await tokenOf(ben))).rejects.toThrow(
          /^refused: only Dr Ana Ruiz/,
        );

        disconnect(caseworker);
        await test.restart();
        const stored = await callApi(
          test.url,
          "GET",
          `/plans/${id}/advice/${anaRequest}`,
          "caseworker",
        );
        expect(JSON.stringify(stored.json)).toContain("#BEN#");
        const audit = await callApi(test.url, "GET", `/plans/${id}/audit`, "caseworker");
        expect(JSON.stringify(audit.json)).not.toContain("Ben Cole");
      },
    );
  });

  describe("withdrawing a request for advice, on a real server", () => {
    it.runIf(available)(
      "the caseworker withdraws a request: its adviser and co-author stop writing at once, the plan closes to her, and it is due nothing",
      async () => {
        const { id, anaRequest, anaAdvice } = await scene();
        expect(
          (
            await as(ana, "POST", `/plans/${id}/advice/${anaRequest}/co-authors`, {
              coAuthor: { id: ben.id, name: ben.name },
            })
          ).status,
        ).toBe(201);
        const caseworker = await connect(test.url, anaAdvice);
        const anaWriter = await rawClient(test.url, anaAdvice, await tokenOf(ana));
        const benWriter = await rawClient(test.url, anaAdvice, await tokenOf(ben));
        const anaReader = await rawClient(test.url, id, await tokenOf(ana));
        expect(
          await answerOf(anaWriter, anaAdvice, addView(caseworker.document, 0xa1, "#ANA#")),
        ).toBe("taken");

        // Only the caseworker withdraws.
        for (const role of ["parent", "educational-psychologist", "school"] as const) {
          const refused = await callApi(
            test.url,
            "POST",
            `/plans/${id}/advice/${anaRequest}/withdraw`,
            role,
            {},
          );
          expect(refused.status).toBe(403);
        }
        expect(
          (await as(ana, "POST", `/plans/${id}/advice/${anaRequest}/withdraw`, {}, "*")).status,
        ).toBe(403);

        const closings = [anaWriter.closed, benWriter.closed, anaReader.closed];
        const withdrawn = await callApi(
          test.url,
          "POST",
          `/plans/${id}/advice/${anaRequest}/withdraw`,
          "caseworker",
          { reason: "The school's advice from last term is enough (reg 6(4))." },
        );
        expect(withdrawn.status).toBe(200);
        expect(withdrawn.json.request).toMatchObject({
          status: "withdrawn",
          withdrawn: {
            on: "2026-11-20",
            by: { role: "caseworker" },
            reason: "The school's advice from last term is enough (reg 6(4)).",
          },
        });
        const reason =
          "the caseworker withdrew the request for this advice on 20 November 2026: it is no longer written";
        const [anaClosed, benClosed, readerClosed] = await Promise.all(closings);
        expect([anaClosed?.reason, benClosed?.reason]).toEqual([reason, reason]);
        expect(readerClosed?.reason).toBe(
          "the request for advice that let you read this plan was withdrawn",
        );

        // They may not come back, on the socket or over HTTP.
        for (const who of [ana, ben]) {
          await expect(rawClient(test.url, anaAdvice, await tokenOf(who))).rejects.toThrow(
            `refused: ${reason}`,
          );
          const submit = await as(who, "POST", `/plans/${id}/advice/${anaRequest}/submit`, {
            reason: "as it is",
          });
          expect([submit.status, submit.json.error]).toEqual([403, reason]);
        }
        await expect(rawClient(test.url, id, await tokenOf(ana))).rejects.toThrow(
          `refused: this token does not open the plan ${id}`,
        );

        // The caseworker still reads what she wrote; the request shows as withdrawn and is due
        // nothing, on the plan's dates or the caseload.
        const kept = await callApi(
          test.url,
          "GET",
          `/plans/${id}/advice/${anaRequest}`,
          "caseworker",
        );
        expect([kept.status, JSON.stringify(kept.json).includes("#ANA#")]).toEqual([200, true]);
        const listed = await callApi(test.url, "GET", `/plans/${id}/advice-requests`, "caseworker");
        const standing = new Map(
          (listed.json.requests as { id: string; status: string }[]).map((r) => [r.id, r.status]),
        );
        expect([...standing.values()].sort()).toEqual(["due", "withdrawn"]);
        expect(standing.get(anaRequest)).toBe("withdrawn");
        disconnect(caseworker);
        // Once the plan closes, the caseload reads the summary stored as it closed: on
        // PostgreSQL that store can end a moment after the caseworker has gone.
        const caseloadDates = async () => {
          const caseload = await callApi(test.url, "GET", "/plans", "caseworker");
          const plan = (caseload.json.plans as { id: string; dates: { key: string }[] }[]).find(
            (p) => p.id === id,
          );
          return plan?.dates.map((d) => d.key) ?? null;
        };
        await expect.poll(caseloadDates).not.toContain(`advice:${anaRequest}`);
        expect(await caseloadDates()).toContain("decision");

        // Once only; and she may be asked again.
        const again = await callApi(
          test.url,
          "POST",
          `/plans/${id}/advice/${anaRequest}/withdraw`,
          "caseworker",
          {},
        );
        expect([again.status, again.json.error]).toEqual([
          409,
          "this request was withdrawn on 20 November 2026 already",
        ]);
        const asked = await callApi(
          test.url,
          "POST",
          `/plans/${id}/advice-requests`,
          "caseworker",
          {
            adviser: ana,
          },
        );
        expect(asked.status).toBe(201);
      },
    );

    it.runIf(available)("keeps advice once given: a request met is not withdrawn", async () => {
      const { id, patRequest } = await scene();
      const writer = await rawClient(
        test.url,
        adviceDocumentName(id, patRequest),
        await tokenOf(pat),
      );
      const reader = await connect(test.url, adviceDocumentName(id, patRequest));
      expect(
        await answerOf(
          writer,
          adviceDocumentName(id, patRequest),
          addView(reader.document, 0x9a7, "He loves trains. "),
        ),
      ).toBe("taken");
      const submitted = await as(pat, "POST", `/plans/${id}/advice/${patRequest}/submit`, {
        reason: "As I see him.",
      });
      expect(submitted.status).toBe(200);
      const refused = await callApi(
        test.url,
        "POST",
        `/plans/${id}/advice/${patRequest}/withdraw`,
        "caseworker",
        {},
      );
      expect([refused.status, refused.json.error]).toEqual([
        409,
        "Pat Castell gave this advice on 20 November 2026: advice given is part of what the plan is made on, so it stays",
      ]);
      disconnect(reader);
      writer.socket.close();
    });
  });
});
