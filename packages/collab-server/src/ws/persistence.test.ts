import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPlanChecker } from "@ehcp/quality";
import { parsePlan, planToYDoc, PLAN_FRAGMENT_NAME, yDocToPlan } from "@ehcp/schema";
import { deliveredByText, examplePlan } from "@ehcp/fixtures";
import {
  Document,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from "@hocuspocus/server";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SqliteDocumentStore } from "../store/SqliteDocumentStore.js";
import { type PlanListSummary, summarizePlan } from "../summarizePlan.js";
import { COMPACT_EVERY_MS, persistence, SUMMARY_EVERY_MS } from "./persistence.js";

const dir = mkdtempSync(join(tmpdir(), "ehcp-persistence-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("persistence", () => {
  it("folds the log of a plan clients type in at most every minute, and a change made on the server at once", async () => {
    const store = new SqliteDocumentStore(join(dir, "folding.sqlite"));
    let clock = 2_000_000;
    const extension = persistence(store, () => clock);
    const source = planToYDoc(parsePlan(examplePlan("plan-good.json")));
    await store.create("plan-folding", Y.encodeStateAsUpdate(source));
    const doc = new Document("plan-folding");
    const payload = { documentName: "plan-folding", document: doc };
    await extension.onLoadDocument?.(payload as onLoadDocumentPayload);
    doc.addDirectConnection();
    const storeNow = () => extension.onStoreDocument?.(payload as onStoreDocumentPayload);
    const storedText = async () => {
      const back = new Y.Doc();
      Y.applyUpdate(back, (await store.load("plan-folding")).snapshot as Uint8Array);
      return deliveredByText(back).toString();
    };
    await storeNow();
    const before = await storedText();

    // A client's keystroke (which planPolicy has logged as it arrived): not folded again yet.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const sent = Y.encodeStateVector(client);
    deliveredByText(client).insert(0, "Every week: ");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(client, sent), { source: "connection" });
    clock += 10_000;
    await storeNow();
    expect(await storedText()).toBe(before);
    clock += COMPACT_EVERY_MS;
    await storeNow();
    expect(await storedText()).toBe(`Every week: ${before}`);

    // A change made on the server is in no log: folded at the next store, however soon.
    deliveredByText(doc).insert(0, "From Monday: ");
    clock += 1_000;
    await storeNow();
    expect(await storedText()).toBe(`From Monday: Every week: ${before}`);
    await store.close();
  });

  it("stores the caseload summary of a plan being typed in when its child or status changes, at least every minute, and when it closes", async () => {
    const store = new SqliteDocumentStore(join(dir, "plans.sqlite"));
    let clock = 1_000_000;
    const extension = persistence(store, () => clock);
    const doc = new Document("plan-open");
    planToYDoc(parsePlan(examplePlan("plan-good.json")), doc);
    // Someone has the plan open.
    doc.addDirectConnection();
    const storeNow = () =>
      extension.onStoreDocument?.({
        documentName: "plan-open",
        document: doc,
      } as onStoreDocumentPayload);
    const listed = async () =>
      (await store.listSummaries()).find((entry) => entry.name === "plan-open")
        ?.summary as PlanListSummary;

    await storeNow();
    const first = await listed();
    expect(first).toEqual(summarizePlan(doc));
    // Typing that brings a finding (the provision no longer says who delivers it): the plan is
    // stored, and other instances' lists show the findings as they were, for up to a minute.
    const text = deliveredByText(doc);
    text.delete(0, text.length);
    expect(summarizePlan(doc).findings).not.toEqual(first.findings);
    clock += 10_000;
    await storeNow();
    const back = new Y.Doc();
    Y.applyUpdate(back, (await store.load("plan-open")).snapshot as Uint8Array);
    expect(deliveredByText(back).toString()).toBe("");
    expect(await listed()).toEqual(first);
    // The status is listed as soon as the plan is stored.
    const details = doc.getXmlFragment(PLAN_FRAGMENT_NAME).get(0) as Y.XmlElement;
    details.setAttribute("status", "final");
    clock += 10_000;
    await storeNow();
    expect(await listed()).toEqual(summarizePlan(doc));
    expect((await listed()).status).toBe("final");
    // The findings catch up within a minute.
    text.insert(0, "A speech and language therapist");
    clock += 10_000;
    await storeNow();
    expect((await listed()).findings).not.toEqual(summarizePlan(doc).findings);
    clock += SUMMARY_EVERY_MS;
    await storeNow();
    expect(await listed()).toEqual(summarizePlan(doc));
    // And at once when the last person leaves.
    text.delete(0, text.length);
    clock += 1_000;
    doc.removeDirectConnection();
    await storeNow();
    expect(await listed()).toEqual(summarizePlan(doc));
    await store.close();
  });

  it("opens a stored plan with its stored summary standing, and summarizes it while people type with a checker that remembers it, as a cold check would", async () => {
    const store = new SqliteDocumentStore(join(dir, "opened.sqlite"));
    let clock = 2_000_000;
    const extension = persistence(store, () => clock);
    const stored = planToYDoc(parsePlan(examplePlan("plan-good.json")));
    await store.create("plan-opened", Y.encodeStateAsUpdate(stored), summarizePlan(stored));
    const listed = async () =>
      (await store.listSummaries()).find((entry) => entry.name === "plan-opened")
        ?.summary as PlanListSummary;
    const atCreation = await listed();
    const doc = new Document("plan-opened");
    await extension.onLoadDocument?.({
      documentName: "plan-opened",
      document: doc,
    } as onLoadDocumentPayload);
    doc.addDirectConnection();
    const storeNow = () =>
      extension.onStoreDocument?.({
        documentName: "plan-opened",
        document: doc,
      } as onStoreDocumentPayload);
    const text = deliveredByText(doc);
    text.delete(0, text.length);
    clock += 10_000;
    await storeNow();
    expect(await listed()).toEqual(atCreation);
    clock += SUMMARY_EVERY_MS;
    await storeNow();
    expect((await listed()).findings).not.toEqual(atCreation.findings);
    expect(await listed()).toEqual(summarizePlan(doc));
    text.insert(0, "A speech and language therapist");
    clock += SUMMARY_EVERY_MS;
    await storeNow();
    expect(await listed()).toEqual(summarizePlan(doc));
    expect((await listed()).findings).toEqual(atCreation.findings);
    await store.close();
  });

  it("opens a plan whose checker fails to warm, says so in one line, and summarizes it later with a fresh checker", async () => {
    const store = new SqliteDocumentStore(join(dir, "unwarmed.sqlite"));
    let clock = 3_000_000;
    const logged: string[] = [];
    let made = 0;
    const extension = persistence(store, () => clock, {
      // The first checker made fails, as one whose language model could not be read would.
      newChecker: () =>
        made++ === 0
          ? {
              check: () => {
                throw new RangeError("the language model could not be read");
              },
            }
          : createPlanChecker(),
      log: (line) => logged.push(line),
    });
    const stored = planToYDoc(parsePlan(examplePlan("plan-good.json")));
    await store.create("plan-unwarmed", Y.encodeStateAsUpdate(stored), summarizePlan(stored));
    const doc = new Document("plan-unwarmed");
    await extension.onLoadDocument?.({
      documentName: "plan-unwarmed",
      document: doc,
    } as onLoadDocumentPayload);
    // The plan opened whole.
    expect(yDocToPlan(doc)).toStrictEqual(yDocToPlan(stored));
    expect(logged).toEqual([
      'plan "plan-unwarmed": the checker failed to warm (RangeError); it runs cold at the next summary',
    ]);
    // Typed in and closed: the summary is stored, checked by the fresh checker as a cold check.
    doc.addDirectConnection();
    const text = deliveredByText(doc);
    text.delete(0, text.length);
    clock += 1_000;
    doc.removeDirectConnection();
    await extension.onStoreDocument?.({
      documentName: "plan-unwarmed",
      document: doc,
    } as onStoreDocumentPayload);
    const listed = (await store.listSummaries()).find((entry) => entry.name === "plan-unwarmed")
      ?.summary as PlanListSummary;
    expect(listed).toEqual(summarizePlan(doc));
    expect(listed.findings).not.toEqual(summarizePlan(stored).findings);
    await store.close();
  });

  it("stores a plan whose checker fails while summarizing, keeps the last summary, says so in one line, and summarizes at the next store", async () => {
    const store = new SqliteDocumentStore(join(dir, "unsummarized.sqlite"));
    let clock = 4_000_000;
    const logged: string[] = [];
    let checks = 0;
    const extension = persistence(store, () => clock, {
      // The first checker warms, then fails on its second check; the next one works.
      newChecker: () => {
        const checker = createPlanChecker();
        return {
          check: (plan, options) => {
            if (++checks === 2) throw new TypeError("a rule met a field it did not expect");
            return checker.check(plan, options);
          },
        };
      },
      log: (line) => logged.push(line),
    });
    const stored = planToYDoc(parsePlan(examplePlan("plan-good.json")));
    await store.create("plan-unsummarized", Y.encodeStateAsUpdate(stored), summarizePlan(stored));
    const doc = new Document("plan-unsummarized");
    const payload = { documentName: "plan-unsummarized", document: doc };
    await extension.onLoadDocument?.(payload as onLoadDocumentPayload);
    // Typed into directly, so only the store's compaction can keep it.
    doc.addDirectConnection();
    const text = deliveredByText(doc);
    text.delete(0, text.length);
    clock += SUMMARY_EVERY_MS;
    await extension.onStoreDocument?.(payload as onStoreDocumentPayload);
    expect(logged).toEqual([
      'plan "plan-unsummarized": the checker failed while summarizing (TypeError); the plan is stored and its summary is made at the next store',
    ]);
    const summaryOf = async () =>
      (await store.listSummaries()).find((entry) => entry.name === "plan-unsummarized")
        ?.summary as PlanListSummary;
    expect(await summaryOf()).toEqual(summarizePlan(stored));
    // What was typed is in the store: a plan opened afresh from it holds the deletion.
    const reopened = new Document("plan-unsummarized");
    await persistence(store).onLoadDocument?.({
      documentName: "plan-unsummarized",
      document: reopened,
    } as onLoadDocumentPayload);
    expect(deliveredByText(reopened).toString()).toBe("");
    expect(yDocToPlan(reopened)).toStrictEqual(yDocToPlan(doc));
    // The next store makes the summary.
    await extension.onStoreDocument?.(payload as onStoreDocumentPayload);
    expect(await summaryOf()).toEqual(summarizePlan(doc));
    await store.close();
  });
});
