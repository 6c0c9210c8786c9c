import { adviceDocumentName, type Finding } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { adviceAsked } from "../../test/adviceAsked.js";
import { adviceProvision, sectionF } from "../../test/adviceProvision.js";
import { acknowledged, connect, disconnect } from "../../test/connect.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { TEST_SECRET } from "../../test/tokens.js";
import { SignIn } from "../signIn.js";

const ana = { id: "user-ana", name: "Dr Ana Ruiz", role: "educational-psychologist" as const };
let test: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  test = await startTestServer("advice-submit", { today: () => "2026-11-20" });
});
afterAll(() => test.stop());

/** Ana's own HTTP calls, with a token that opens no plan: only her request lets her in. */
async function asAna(method: string, path: string, body?: unknown) {
  const token = await new SignIn({ jwtSecret: TEST_SECRET }).mint({ ...ana, plans: [] });
  const response = await fetch(test.url.replace(/^ws/, "http") + path, {
    method,
    headers: { Authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("submitting advice", () => {
  it("flags vague advice, takes it only with a reason, and keeps each submission as a version", async () => {
    const {
      id,
      requests: [requestId],
    } = await adviceAsked(test.url, "plan-submit", [ana], { requestedOn: "2026-10-01" });
    const token = await new SignIn({ jwtSecret: TEST_SECRET }).mint({ ...ana, plans: [] });
    const writer = await connect(test.url, adviceDocumentName(id, requestId), token);

    // She writes provision no one could hold a council to.
    sectionF(writer.document).insert(0, [
      adviceProvision("Access to speech and language therapy as required", {
        frequency: null,
        deliveredBy: "",
        expertise: "",
      }),
    ]);
    await acknowledged(writer);
    const refused = await asAna("POST", `/plans/${id}/advice/${requestId}/submit`);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatch(
      /^the advice has \d+ things? to put right: put (it|them) right, or give a reason for submitting it as it is$/,
    );
    const findings = refused.json.findings as Finding[];
    expect(findings.map((f) => [f.rule, f.message])).toEqual([
      [
        "provision-not-quantified",
        "Recommended provision F1 does not say how much: give how often and for how long (e.g. 3 × 20 minutes a week) or the hours a week. Provision must be quantified (CoP 9.69).",
      ],
      [
        "provision-missing-who",
        'Recommended provision F1 does not say who delivers it. Name the role, e.g. "teaching assistant" or "speech and language therapist".',
      ],
    ]);
    // While she writes, the checker also flags her words.
    const checked = await asAna("GET", `/plans/${id}/advice/${requestId}/check`);
    expect(
      (checked.json.findings as Finding[])
        .filter((f) => f.rule === "vague-wording")
        .map((f) => f.message)
        .join(" "),
    ).toMatch(/as required/);

    // Only she submits: not the caseworker, who reads, nor the parent, who cannot open it.
    const byCaseworker = await callApi(
      test.url,
      "POST",
      `/plans/${id}/advice/${requestId}/submit`,
      "caseworker",
      { reason: "on her behalf" },
    );
    expect([byCaseworker.status, byCaseworker.json.error]).toEqual([
      403,
      "only the adviser asked for this advice submits it",
    ]);
    expect(
      (await callApi(test.url, "POST", `/plans/${id}/advice/${requestId}/submit`, "parent", {}))
        .status,
    ).toBe(403);

    const reason = "The therapy service has not yet set how often it can see him.";
    const first = await asAna("POST", `/plans/${id}/advice/${requestId}/submit`, { reason });
    expect(first.status).toBe(200);
    expect(first.json.request).toMatchObject({
      submittedOn: "2026-11-20",
      submissions: [{ on: "2026-11-20", reason }],
    });
    expect(first.json.version).toMatchObject({ name: "Advice submitted 20 November 2026" });

    // Given late: due on 12 November.
    const listed = await callApi(test.url, "GET", `/plans/${id}/advice-requests`, "caseworker");
    expect(listed.json.requests).toMatchObject([{ status: "late", submittedOn: "2026-11-20" }]);

    // She revises it with the frequency and the deliverer, and submits again, no reason needed.
    Y.transact(writer.document, () => {
      sectionF(writer.document).delete(0, 1);
      sectionF(writer.document).insert(0, [
        adviceProvision(
          "Direct speech and language therapy on following two-step instructions, using Blank's levels of questioning",
        ),
      ]);
    });
    await acknowledged(writer);
    const second = await asAna("POST", `/plans/${id}/advice/${requestId}/submit`, {});
    expect([second.status, second.json.findings]).toEqual([200, []]);
    expect(second.json.version).toMatchObject({ name: "Revision 2 submitted 20 November 2026" });
    expect(second.json.request).toMatchObject({
      submittedOn: "2026-11-20",
      submissions: [{ reason }, { reason: null }],
    });

    // The earlier advice is kept as it was submitted.
    const versions = await callApi(
      test.url,
      "GET",
      `/plans/${id}/advice/${requestId}/versions`,
      "caseworker",
    );
    const kept = versions.json.versions as { id: string; name: string }[];
    expect(kept.map((v) => v.name)).toEqual([
      "Advice submitted 20 November 2026",
      "Revision 2 submitted 20 November 2026",
    ]);
    const earlier = await asAna("GET", `/plans/${id}/advice/${requestId}/versions/${kept[0]?.id}`);
    expect(JSON.stringify(earlier.json)).toContain("as required");
    const now = await callApi(test.url, "GET", `/plans/${id}/advice/${requestId}`, "caseworker");
    expect(JSON.stringify(now.json)).not.toContain("as required");
    expect(JSON.stringify(now.json)).toContain("two-step instructions");
    disconnect(writer);
  });
});
