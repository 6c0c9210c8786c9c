import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { adviceDocumentName, parseAdviceExport, type Role } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { adviceAsked } from "../../test/adviceAsked.js";
import { adviceProvision, sectionF } from "../../test/adviceProvision.js";
import { acknowledged, connect, disconnect } from "../../test/connect.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { TEST_SECRET, tokenFor } from "../../test/tokens.js";
import { SignIn } from "../signIn.js";

const ana = { id: "user-ana", name: "Dr Ana Ruiz", role: "educational-psychologist" as const };
let test: Awaited<ReturnType<typeof startTestServer>>;
let dir: string;
beforeAll(async () => {
  test = await startTestServer("advice-export", { today: () => "2026-11-20" });
  dir = mkdtempSync(join(tmpdir(), "ehcp-advice-export-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await test.stop();
});

const http = () => test.url.replace(/^ws/, "http");
/** A download as the app makes it, with the text a reader of the PDF would get. */
async function downloadPdf(role: Role, path: string) {
  const response = await fetch(http() + path, {
    headers: { Authorization: `Bearer ${await tokenFor(role, "*", `The ${role}`)}` },
  });
  expect(response.status).toBe(200);
  const file = join(dir, `${role}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

describe("the plan's export with its submitted advice", () => {
  it("appends the latest submitted version of each advice for the caseworker and the family, and gives it as JSON", async () => {
    const {
      id,
      requests: [requestId],
    } = await adviceAsked(test.url, "plan-adv-export", [ana], { requestedOn: "2026-10-01" });
    const token = await new SignIn({ jwtSecret: TEST_SECRET }).mint({ ...ana, plans: [] });
    const submit = (body: unknown) =>
      fetch(`${http()}/plans/${id}/advice/${requestId}/submit`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });

    // Before anything is submitted, the plan exports alone.
    expect(await downloadPdf("caseworker", `/plans/${id}/export.pdf`)).not.toContain("Appendix 1");

    const writer = await connect(test.url, adviceDocumentName(id, requestId), token);
    sectionF(writer.document).insert(0, [adviceProvision("Precision teaching of sight words")]);
    await acknowledged(writer);
    expect((await submit({})).status).toBe(200);
    // A revision, submitted the same day: the export holds this one, not the first.
    Y.transact(writer.document, () => {
      sectionF(writer.document).delete(0, 1);
      sectionF(writer.document).insert(0, [
        adviceProvision("Precision teaching of the first hundred high-frequency words"),
      ]);
    });
    await acknowledged(writer);
    expect((await submit({})).status).toBe(200);
    disconnect(writer);

    const heading =
      "Appendix 1: Educational psychology advice from Dr Ana Ruiz, submitted 20 November 2026";
    for (const role of ["caseworker", "parent"] as const) {
      const text = await downloadPdf(role, `/plans/${id}/export.pdf`);
      expect(text, role).toContain(heading);
      expect(text).toContain("(revision 2)");
      expect(text).toContain("Precision teaching of the first hundred high-frequency words");
      expect(text).not.toContain("Precision teaching of sight words");
    }
    // Another professional reading the plan cannot open the advice, so gets the plan alone;
    // and ?advice=false leaves it out for anyone.
    expect(await downloadPdf("school", `/plans/${id}/export.pdf`)).not.toContain(heading);
    expect(await downloadPdf("caseworker", `/plans/${id}/export.pdf?advice=false`)).not.toContain(
      heading,
    );

    // The advice on its own, as the published schema describes it: the latest version, or one named.
    const latest = await callApi(
      test.url,
      "GET",
      `/plans/${id}/advice/${requestId}/export.json`,
      "caseworker",
    );
    expect(latest.status).toBe(200);
    const read = parseAdviceExport(latest.json);
    expect(read).toMatchObject({
      planId: id,
      request: {
        id: requestId,
        adviser: { name: "Dr Ana Ruiz", role: "educational-psychologist" },
        requestedOn: "2026-10-01",
        due: "2026-11-12",
        submittedOn: "2026-11-20",
        version: { number: 2 },
      },
    });
    const versions = await callApi(
      test.url,
      "GET",
      `/plans/${id}/advice/${requestId}/versions`,
      "caseworker",
    );
    const first = (versions.json.versions as { id: string }[])[0]?.id;
    const earlier = await callApi(
      test.url,
      "GET",
      `/plans/${id}/advice/${requestId}/export.json?version=${first}`,
      "caseworker",
    );
    expect(JSON.stringify(earlier.json)).toContain("Precision teaching of sight words");
    expect((earlier.json.request as { version: unknown }).version).toEqual({
      id: first,
      number: 1,
    });
    // The parent cannot open the advice document itself, so not its JSON either.
    expect(
      (await callApi(test.url, "GET", `/plans/${id}/advice/${requestId}/export.json`, "parent"))
        .status,
    ).toBe(403);
  }, 120_000);
});
