import {
  COMMENTS_MAP_NAME,
  type CommentThread,
  parsePlan,
  type Plan,
  type Role,
  readCommentThreads,
  yDocToPlan,
} from "@ehcp/schema";
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
  test = await startTestServer("comments");
});
afterAll(() => test.stop());

const call = (method: string, path: string, role: Role, body?: unknown) =>
  callApi(test.url, method, path, role, body);

/** The words a thread's anchor covers now, in a client's copy. */
const anchoredWords = (doc: Y.Doc, thread: CommentThread): string => {
  const [from, to] = [thread.anchor!.from, thread.anchor!.to].map((end) =>
    Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(end), doc),
  );
  return (from!.type as Y.XmlText).toString().slice(from!.index, to!.index);
};

const anchorAt = (text: Y.XmlText, from: number, to: number) => ({
  from: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, from)),
  // The end holds to the last word commented on, so typing after it does not stretch the anchor.
  to: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, to, -1)),
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe("comments", () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = { ...good, id: "plan-comments" };
    expect((await call("POST", "/plans", "caseworker", plan)).status).toBe(201);
  });

  it("lets a parent comment on words in section F, which they may not edit, and keeps the comment on those words through others' edits", async () => {
    const caseworker = await connect(test.url, plan.id);
    const text = deliveredByText(caseworker.document);
    expect(text.toString()).toBe("Speech and language therapist");
    const created = await call("POST", `/plans/${plan.id}/comments`, "parent", {
      section: "F",
      itemId: provision.id,
      anchor: anchorAt(text, 0, 6),
      body: "Will it be the same therapist each week?",
      // The server takes the author from the token, whatever the body says.
      author: { id: "someone-else", name: "Someone else", role: "caseworker" },
    });
    expect(created.status).toBe(201);
    const thread = created.json.thread as CommentThread;
    expect(thread).toMatchObject({
      section: "F",
      itemId: provision.id,
      quote: "Speech",
      resolved: null,
      comments: [
        {
          author: { id: "user-parent", name: "The parent", role: "parent" },
          body: "Will it be the same therapist each week?",
        },
      ],
    });

    // The caseworker's editor has it at once, beside the plan, not in it.
    await until(() => readCommentThreads(caseworker.document).length === 1);
    expect(anchoredWords(caseworker.document, readCommentThreads(caseworker.document)[0]!)).toBe(
      "Speech",
    );
    expect(JSON.stringify(yDocToPlan(caseworker.document))).not.toContain("same therapist");

    // Two people type into the field at once, before and after the words.
    const school = await connect(test.url, plan.id, await tokenFor("school"));
    deliveredByText(school.document).insert(0, "Qualified ");
    text.insert(text.length, " (NHS)");
    await Promise.all([acknowledged(caseworker), acknowledged(school)]);
    await until(
      () =>
        deliveredByText(caseworker.document).toString() ===
        deliveredByText(school.document).toString(),
    );
    expect(deliveredByText(caseworker.document).toString()).toBe(
      "Qualified Speech and language therapist (NHS)",
    );
    for (const doc of [caseworker.document, school.document]) {
      expect(anchoredWords(doc, readCommentThreads(doc)[0]!)).toBe("Speech");
    }

    // When the words go, the thread stays with its item.
    deliveredByText(caseworker.document).delete(10, 7);
    await acknowledged(caseworker);
    const gone = readCommentThreads(caseworker.document)[0]!;
    expect(anchoredWords(caseworker.document, gone)).toBe("");
    expect(gone.itemId).toBe(provision.id);
    disconnect(school);
    disconnect(caseworker);
  });

  it("takes comments on any item with an id: a view in A, advice in K", async () => {
    for (const [section, itemId] of [
      ["A", good.sections.A.views[0]!.id],
      ["K", good.sections.K.advice[0]!.id],
    ] as const) {
      const made = await call("POST", `/plans/${plan.id}/comments`, "school", {
        section,
        itemId,
        body: "Seen.",
      });
      expect(made.status).toBe(201);
      expect(made.json.thread).toMatchObject({ section, itemId, anchor: null });
    }
  });

  it("takes replies from anyone, and lets the thread be resolved only by who began it or who may edit its section", async () => {
    const begun = await call("POST", `/plans/${plan.id}/comments`, "caseworker", {
      section: "F",
      itemId: provision.id,
      body: "Please confirm the hours with the therapist.",
    });
    const id = (begun.json.thread as CommentThread).id;
    const reply = await call("POST", `/plans/${plan.id}/comments/${id}/replies`, "parent", {
      body: "We would like them to include the holidays.",
    });
    expect(reply.status).toBe(201);
    expect((reply.json.thread as CommentThread).comments.map((c) => c.author.role)).toEqual([
      "caseworker",
      "parent",
    ]);
    expect(await call("POST", `/plans/${plan.id}/comments/${id}/resolve`, "parent")).toMatchObject({
      status: 403,
      json: { error: "parent may not resolve a thread in section F that someone else began" },
    });
    const done = await call("POST", `/plans/${plan.id}/comments/${id}/resolve`, "school", {
      resolved: true,
    });
    expect(done.status).toBe(200);
    expect((done.json.thread as CommentThread).resolved?.by.role).toBe("school");
    const reopened = await call("POST", `/plans/${plan.id}/comments/${id}/resolve`, "caseworker", {
      resolved: false,
    });
    expect((reopened.json.thread as CommentThread).resolved).toBeNull();
  });

  it("refuses a comment that is empty, on an item not there, or anchored outside its item, saying which field is wrong", async () => {
    const client = await connect(test.url, plan.id);
    const otherItem = good.sections.F.provisions[1]!;
    const outside = deliveredByText(client.document);
    const cases: [Record<string, unknown>, string][] = [
      [{ section: "F", itemId: provision.id }, "body: write the comment"],
      [{ section: "F", body: "Ann says yes\u202eon" }, "body: the character U+202E is not allowed"],
      [{ section: "F", body: "a\u0000b" }, "body: the character U+0000 is not allowed"],
      [{ section: "Z", body: "Hello" }, "section: one of A, B, C, D, E, F, G, H1, H2, I, J, K"],
      [
        { section: "F", itemId: "prov-none", body: "Hello" },
        "itemId: section F has no item prov-none",
      ],
      [
        { section: "G", itemId: provision.id, body: "Hello" },
        `itemId: section G has no item ${provision.id}`,
      ],
      [
        { section: "F", itemId: otherItem.id, anchor: anchorAt(outside, 0, 3), body: "Hello" },
        `anchor.from: not a place in the text of ${otherItem.id}`,
      ],
      [
        { section: "F", itemId: provision.id, anchor: { from: 1, to: 2 }, body: "Hello" },
        `anchor.from: not a place in the text of ${provision.id}`,
      ],
    ];
    for (const [body, error] of cases) {
      expect(await call("POST", `/plans/${plan.id}/comments`, "parent", body)).toEqual({
        status: 400,
        json: { error },
      });
    }
    expect(
      (
        await call("POST", `/plans/${plan.id}/comments/thread-none/replies`, "parent", {
          body: "Hi",
        })
      ).status,
    ).toBe(404);
    const thread = await call("POST", `/plans/${plan.id}/comments`, "parent", {
      section: "F",
      body: "Fine",
    });
    const threadId = (thread.json as { thread: { id: string } }).thread.id;
    expect(
      await call("POST", `/plans/${plan.id}/comments/${threadId}/replies`, "parent", {
        body: "\u2066hidden\u2069",
      }),
    ).toEqual({ status: 400, json: { error: "body: the character U+2066 is not allowed" } });
    disconnect(client);
  });

  it("refuses a client that writes threads itself, so no one can comment as someone else", async () => {
    const client = await connect(test.url, plan.id, await tokenFor("caseworker"));
    const refusals: string[] = [];
    client.on("stateless", ({ payload }: { payload: string }) =>
      refusals.push(JSON.parse(payload).reason),
    );
    const before = (await call("GET", `/plans/${plan.id}/comments`, "viewer")).json.threads;
    client.document.getMap(COMMENTS_MAP_NAME).set("thread-forged", {
      id: "thread-forged",
      section: "F",
      itemId: null,
      anchor: null,
      quote: "",
      comments: [
        {
          id: "c",
          author: { id: "x", name: "The head", role: "caseworker" },
          at: "",
          body: "Forged",
        },
      ],
      resolved: null,
    });
    await until(() => refusals.length > 0);
    expect(refusals[0]).toBe("the update writes outside the plan");
    expect((await call("GET", `/plans/${plan.id}/comments`, "viewer")).json.threads).toEqual(
      before,
    );
    disconnect(client);
  });

  it("keeps threads when the server restarts, and leaves them out of every export", async () => {
    const before = (await call("GET", `/plans/${plan.id}/comments`, "viewer")).json
      .threads as CommentThread[];
    expect(before.length).toBeGreaterThan(0);
    await test.restart();
    expect((await call("GET", `/plans/${plan.id}/comments`, "viewer")).json.threads).toEqual(
      before,
    );
    const exported = await fetch(
      `${test.url.replace(/^ws/, "http")}/plans/${plan.id}/export.json`,
      {
        headers: { Authorization: `Bearer ${await tokenFor("viewer")}` },
      },
    );
    const json = await exported.text();
    expect(json).toContain(provision.id);
    for (const thread of before) {
      for (const comment of thread.comments) expect(json).not.toContain(comment.body);
    }
  });
});
