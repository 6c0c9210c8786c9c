import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkPlan } from "@ehcp/quality";
import { PLAN_FRAGMENT_NAME, parsePlan, type Plan, planToYDoc } from "@ehcp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { acknowledged, connect, disconnect } from "../../test/connect.js";
import { callApi, startTestServer } from "../../test/testServer.js";
import { TEST_SECRET, tokenFor } from "../../test/tokens.js";
import {
  type CollabServer,
  createCollabServer,
  type DocumentStore,
  SqliteDocumentStore,
} from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const good = parsePlan(examplePlan("plan-good.json"));
let dir: string;
let server: CollabServer;
let url: string;
let http: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ehcp-http-"));
  server = createCollabServer({
    port: 0,
    db: join(dir, "plans.sqlite"),
    signIn: { jwtSecret: TEST_SECRET },
    allowedOrigins: ["https://case.council.example"],
  });
  url = await server.start();
  http = url.replace(/^ws/, "http");
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function call(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(http + path, {
    method,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const caseworker = () => tokenFor("caseworker");

/** Imports a copy of the good plan under a new id. */
async function imported(id: string): Promise<Plan> {
  const plan = { ...good, id };
  const { status } = await call("POST", "/plans", await caseworker(), plan);
  expect(status).toBe(201);
  return plan;
}

describe("the HTTP API", () => {
  it("answers /healthz without sign-in, and nothing else", async () => {
    expect(await call("GET", "/healthz", null)).toEqual({ status: 200, json: { status: "ok" } });
    expect(await call("GET", "/plans", null)).toEqual({
      status: 401,
      json: { error: "sign in first: send Authorization: Bearer <token>" },
    });
    // Signed out is not "no plans": a client must be able to tell.
    expect(await call("GET", "/plans", "forged")).toEqual({
      status: 401,
      json: { error: "the token is not valid (ERR_JWS_INVALID)" },
    });
  });

  it("imports Plan JSON keeping its ids, and explains what is wrong with a bad plan", async () => {
    const token = await caseworker();
    const notJson = await call("POST", "/plans", token, "{ not json");
    expect(notJson.status).toBe(400);
    expect(notJson.json.error).toMatch(/^Invalid plan: \(top level\): .*line 1, column 3/);

    const wrongType = await call("POST", "/plans", token, {
      ...good,
      id: "http-bad",
      meta: { ...good.meta, status: 7 },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json.issues).toEqual([
      expect.objectContaining({
        path: "meta.status",
        message: expect.stringMatching(/got number 7/),
      }),
    ]);

    const hidden = await call("POST", "/plans", token, {
      ...good,
      id: "http-hidden",
      meta: { ...good.meta, child: { ...good.meta.child, fullName: "Sam \u202Erofako" } },
    });
    expect(hidden.status).toBe(400);
    expect(hidden.json.issues).toEqual([
      { path: "meta.child.fullName", message: "the character U+202E is not allowed" },
    ]);

    const poor = await call("POST", "/plans", token, examplePlan("plan-poor.json"));
    expect(poor.status).toBe(422);
    expect(poor.json.error).toMatch(/^the plan's links are broken: /);

    expect(await call("POST", "/plans", token, { ...good, id: "http-import" })).toEqual({
      status: 201,
      json: { id: "http-import", location: "/plans/http-import" },
    });
    expect((await call("POST", "/plans", token, { ...good, id: "http-import" })).status).toBe(409);
    const school = await call("POST", "/plans", await tokenFor("school"), {
      ...good,
      id: "http-school",
    });
    expect(school).toEqual({
      status: 403,
      json: { error: "school may not manage plans, their versions or their audit trail" },
    });
    const fetched = await call("GET", "/plans/http-import", token);
    expect(fetched).toEqual({ status: 200, json: { ...good, id: "http-import" } });
    expect((await call("GET", "/plans/http-missing", token)).status).toBe(404);
  });

  it("lists and opens only the plans a token opens", async () => {
    await imported("http-mine");
    await imported("http-theirs");
    const mine = await tokenFor("parent", ["http-mine"]);
    expect((await call("GET", "/plans", mine)).json).toMatchObject({
      plans: [{ id: "http-mine", child: good.meta.child.fullName, status: good.meta.status }],
    });
    expect((await call("GET", "/plans", mine)).json.plans).toHaveLength(1);
    expect(await call("GET", "/plans/http-theirs", mine)).toEqual({
      status: 403,
      json: { error: "this token does not open the plan http-theirs" },
    });
  });

  it("exports DOCX, PDF and JSON, in either layout, and checks the plan", async () => {
    await imported("http-export");
    const token = await tokenFor("viewer");
    const get = (path: string) =>
      fetch(`${http}/plans/http-export${path}`, { headers: { Authorization: `Bearer ${token}` } });
    const docx = await get("/export.docx?layout=areas-of-need");
    expect(docx.status).toBe(200);
    // Named for the child where the browser reads it, with the id as the plain fallback.
    const disposition = docx.headers.get("content-disposition") ?? "";
    expect(
      disposition.startsWith("attachment; filename=\"http-export.docx\"; filename*=UTF-8''"),
    ).toBe(true);
    expect(decodeURIComponent(disposition.split("''")[1] ?? "")).toMatch(
      /^[\p{L} '-]+, (draft|final) plan, issue \d+\.docx$/u,
    );
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    const pdf = await get("/export.pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(await (await get("/export.json")).json()).toEqual({ ...good, id: "http-export" });
    expect((await get("/export.docx?layout=chapters")).status).toBe(400);

    const checked = await call("GET", "/plans/http-export/check", token);
    expect(checked.status).toBe(200);
    expect(checked.json.findings).toEqual(expect.any(Array));
    expect(checked.json.summary).toMatchObject({ counts: expect.any(Object) });
  });

  it("takes named versions that later edits leave alone, and starts a new draft from one", async () => {
    const plan = await imported("http-versions");
    const token = await caseworker();
    expect((await call("POST", "/plans/http-versions/versions", token, {})).status).toBe(400);
    expect(
      (await call("POST", "/plans/http-versions/versions", await tokenFor("health"), { name: "x" }))
        .status,
    ).toBe(403);
    const made = await call("POST", "/plans/http-versions/versions", token, {
      name: "Draft issued 13 October 2026",
    });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({
      id: expect.stringMatching(/^v-/),
      name: "Draft issued 13 October 2026",
      createdBy: { id: "user-caseworker", name: "A caseworker", role: "caseworker" },
    });

    // An edit after the version changes the plan, not the version.
    const client = await connect(url, plan.id);
    const section = client.document.getXmlFragment("default").get(6) as Y.XmlElement;
    section.delete(0, 1);
    await acknowledged(client);
    disconnect(client);
    const now = await call("GET", "/plans/http-versions", token);
    expect((now.json as unknown as Plan).sections.F.provisions).toHaveLength(
      plan.sections.F.provisions.length - 1,
    );

    const listed = await call("GET", "/plans/http-versions/versions", await tokenFor("parent"));
    expect(listed.json.versions).toEqual([made.json]);
    const version = await call("GET", `/plans/http-versions/versions/${made.json.id}`, token);
    expect(version).toEqual({ status: 200, json: plan });

    const draft = await call("POST", `/plans/http-versions/versions/${made.json.id}/draft`, token, {
      id: "http-versions-2027",
    });
    expect(draft).toMatchObject({ status: 201, json: { id: "http-versions-2027" } });
    const started = await call("GET", "/plans/http-versions-2027", token);
    expect(started.json).toEqual({
      ...plan,
      id: "http-versions-2027",
      meta: { ...plan.meta, status: "draft" },
    });
    expect((await call("GET", "/plans/http-versions/versions/v-none", token)).status).toBe(404);
    expect((await call("GET", "/plans/http-versions/export.json?since=v-none", token)).status).toBe(
      404,
    );
  });

  it("keeps an audit trail of who changed which sections and items, without their words", async () => {
    const plan = await imported("http-audit");
    const school = await connect(url, plan.id, await tokenFor("school"));
    const provision = (school.document.getXmlFragment("default").get(6) as Y.XmlElement).get(
      0,
    ) as Y.XmlElement;
    const who = (provision.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    for (const ch of "Zanzibar ") {
      who.insert(0, ch);
      await acknowledged(school);
    }
    const entries = async () =>
      (await call("GET", "/plans/http-audit/audit", await caseworker())).json.entries as unknown[];
    expect(await entries()).toEqual([
      {
        user: { id: "user-school", role: "school" },
        minute: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/),
        parts: ["F"],
        items: [plan.sections.F.provisions[0]?.id],
        changes: expect.any(Number),
      },
    ]);
    expect(JSON.stringify(await entries())).not.toMatch(/Zanzibar|anzi/);
    expect((await call("GET", "/plans/http-audit/audit", await tokenFor("school"))).status).toBe(
      403,
    );

    // When the last client leaves, the plan is stored and unloaded, and the trail is written.
    disconnect(school);
    for (let i = 0; i < 500 && server.hocuspocus.documents.has(plan.id); i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(server.hocuspocus.documents.has(plan.id)).toBe(false);
    const store = new SqliteDocumentStore(join(dir, "plans.sqlite"));
    expect(await store.listAudit(plan.id)).toHaveLength(1);
    await store.close();
  });

  it("refuses to export a stored plan whose structure is broken, naming the items, unless a draft copy is asked for", async () => {
    // POST /plans refuses such a plan, so it is put straight into the store, as an older server might have.
    const poor = { ...parsePlan(examplePlan("plan-poor.json")), id: "http-broken" };
    const store = new SqliteDocumentStore(join(dir, "plans.sqlite"));
    await store.append(poor.id, Y.encodeStateAsUpdate(planToYDoc(poor)));
    await store.close();
    const token = await tokenFor("viewer");
    for (const format of ["pdf", "docx"]) {
      const refused = await call("GET", `/plans/http-broken/export.${format}`, token);
      expect(refused.status).toBe(422);
      expect(refused.json.error).toMatch(
        /^the plan's structure has 2 problems: sections\.F\.provisions\[2\]\.id: F3 has the id "p-2"/,
      );
      expect(refused.json.findings).toEqual([
        expect.objectContaining({ rule: "duplicate-id", target: "p-2" }),
        expect.objectContaining({
          rule: "dangling-link",
          target: "o-3",
          path: "sections.E.outcomes[2].needIds[0]",
        }),
      ]);
    }
    const copy = await fetch(`${http}/plans/http-broken/export.pdf?allowFindings=true`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(copy.status).toBe(200);
    expect(copy.headers.get("content-type")).toBe("application/pdf");
  });

  it("answers unknown methods and bad ids as JSON errors", async () => {
    expect(await call("DELETE", "/plans", await caseworker())).toEqual({
      status: 405,
      json: { error: "use GET or POST" },
    });
    expect((await call("GET", "/plans/%E0%A4%A", await caseworker())).status).toBe(400);
  });
});

describe("pages from other origins", () => {
  it("may call the API only from the origins the server allows", async () => {
    const ask = (origin: string) =>
      fetch(`${http}/plans`, {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization, content-type",
        },
      });
    const allowed = await ask("https://case.council.example");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://case.council.example");
    expect(allowed.headers.get("access-control-allow-headers")).toBe("Authorization, Content-Type");
    const other = await ask("https://elsewhere.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const read = await fetch(`${http}/plans`, {
      headers: {
        Origin: "https://case.council.example",
        Authorization: `Bearer ${await tokenFor("caseworker")}`,
      },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get("access-control-allow-origin")).toBe("https://case.council.example");
  });
});

describe("the plan list", () => {
  it("says of each plan its issue, the dates the law sets and the checker's findings by severity", async () => {
    const list = await startTestServer("list-summary");
    const plan: Plan = {
      ...good,
      id: "list-summary",
      meta: {
        ...good.meta,
        status: "draft",
        dates: {
          ...good.meta.dates,
          requestReceived: "2026-03-02",
          draftIssued: null,
          finalIssued: null,
        },
        signOff: null,
      },
      sections: { ...good.sections, I: { placement: null } },
    };
    expect((await callApi(list.url, "POST", "/plans", "caseworker", plan)).status).toBe(201);
    const today = new Date().toISOString().slice(0, 10);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of checkPlan(plan, { today })) counts[finding.severity] += 1;
    const [listed] = (await callApi(list.url, "GET", "/plans", "caseworker")).json.plans as {
      dates: { key: string; due: string; done: string | null }[];
    }[];
    expect(listed).toMatchObject({
      id: "list-summary",
      child: good.meta.child.fullName,
      status: "draft",
      issue: good.meta.issue,
      draftIssued: null,
      findings: counts,
    });
    // Six weeks for the decision, sixteen for the draft, twenty for the final plan.
    expect(listed?.dates.slice(0, 3)).toEqual([
      expect.objectContaining({ key: "decision", due: "2026-04-13", done: null }),
      expect.objectContaining({ key: "draft", due: "2026-06-22", done: null }),
      expect.objectContaining({ key: "final", due: "2026-07-20", done: null }),
    ]);
    await list.stop();
  });

  it("lists plans from the summaries kept with them, a plan being written as it stands, and an older plan by reading it", async () => {
    let loads = 0;
    let sqlite: SqliteDocumentStore | undefined;
    // The SQLite store on the server's file, counting the documents it reads.
    const list = await startTestServer("list", {
      openStore: (file) => {
        sqlite = new SqliteDocumentStore(file);
        return new Proxy(sqlite, {
          get(target, key) {
            if (key === "load") {
              return (name: string) => {
                loads++;
                return target.load(name);
              };
            }
            const value = Reflect.get(target, key) as unknown;
            return typeof value === "function" ? value.bind(target) : value;
          },
        }) as DocumentStore;
      },
    });
    const listed = async () =>
      (
        (await callApi(list.url, "GET", "/plans", "caseworker")).json.plans as {
          id: string;
          child: string;
        }[]
      ).map(({ id, child }) => [id, child]);
    for (const [id, fullName] of [
      ["list-ash", "Ash Patel"],
      ["list-bo", "Bo Lindqvist"],
    ] as const) {
      const plan = { ...good, id, meta: { ...good.meta, child: { ...good.meta.child, fullName } } };
      expect((await callApi(list.url, "POST", "/plans", "caseworker", plan)).status).toBe(201);
    }
    // A plan written before summaries were kept: only in the log.
    await sqlite!.append("list-cy", Y.encodeStateAsUpdate(planToYDoc({ ...good, id: "list-cy" })));

    loads = 0;
    expect(await listed()).toEqual([
      ["list-ash", "Ash Patel"],
      ["list-bo", "Bo Lindqvist"],
      ["list-cy", good.meta.child.fullName],
    ]);
    expect(loads).toBe(1);

    // A caseworker corrects a name in the meeting: the list says it at once.
    const writer = await connect(list.url, "list-bo");
    const details = writer.document.getXmlFragment(PLAN_FRAGMENT_NAME).get(0) as Y.XmlElement;
    details.setAttribute("child", {
      ...(details.getAttribute("child") as unknown as object),
      fullName: "Bo Lindqvist-Hart",
    } as never);
    await acknowledged(writer);
    expect(await listed()).toContainEqual(["list-bo", "Bo Lindqvist-Hart"]);
    disconnect(writer);

    // Stored when the plan was left, the new name is listed after a restart without reading it.
    await list.restart();
    loads = 0;
    expect(await listed()).toContainEqual(["list-bo", "Bo Lindqvist-Hart"]);
    expect(loads).toBe(1);
    await list.stop();
  });
});
