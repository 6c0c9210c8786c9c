import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { frozenJson } from "@ehcp/fixtures/node";
import { formatIssues } from "../../test/formatIssues.js";
import {
  checkPlanNode,
  docToPlan,
  type Plan,
  parsePlan,
  planToDoc,
  planToYDoc,
  yDocToPlan,
} from "../index.js";

const sourcesPlan = () => frozenJson("v1.2/plan-sources.json") as Plan;

describe("an item's source and the decisions on advice (format version 1.2)", () => {
  it("keeps each source and decision through the ProseMirror document and Yjs, and back", () => {
    const plan = parsePlan(sourcesPlan());
    const doc = planToDoc(plan);
    const provision = doc.child(6).child(0);
    expect(provision.attrs.source).toEqual({
      requestId: "req-salt",
      recommendationId: "salt-prov-1",
      version: 2,
      liftedOn: "2026-12-01",
    });
    const decisions: string[] = [];
    doc.child(12).forEach((n) => {
      if (n.type.name === "adviceDecision") decisions.push(n.attrs.decision as string);
    });
    expect(decisions).toEqual(["merged", "declined", "kept"]);
    expect(docToPlan(doc)).toStrictEqual(plan);

    const ydoc = planToYDoc(plan);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    expect(yDocToPlan(copy)).toStrictEqual(plan);
  });

  it("writes a plan with no source nor decision at the lower version, as before", () => {
    const plan = parsePlan(sourcesPlan());
    const plain = structuredClone(plan);
    for (const need of plain.sections.B.needs) delete need.source;
    for (const outcome of plain.sections.E.outcomes) delete outcome.source;
    for (const provision of plain.sections.F.provisions) delete provision.source;
    delete plain.sections.K.decisions;
    const back = docToPlan(planToDoc(parsePlan({ ...plain, formatVersion: 1 })));
    expect(back.formatVersion).toBe(1);
    expect(back.sections.K).toStrictEqual({ advice: plan.sections.K.advice });
    expect(JSON.stringify(back)).not.toContain('"source"');
    // An empty list of decisions says nothing a plan of 1.1 cannot.
    const empty = parsePlan({
      ...plain,
      sections: { ...plain.sections, K: { ...plain.sections.K, decisions: [] } },
    });
    expect(empty.sections.K).toStrictEqual({ advice: plan.sections.K.advice });
  });

  it("refuses a source or a decision in a plan that says 1.1, naming where it is", () => {
    expect(formatIssues({ ...sourcesPlan(), formatVersion: 1.1 })).toEqual([
      'sections.B.needs[0].source: a plan that records where an item came from ("source") or decisions on advice is format version 1.2; this one says 1.1',
    ]);
    const onlyDecisions = parsePlan(sourcesPlan());
    for (const need of onlyDecisions.sections.B.needs) delete need.source;
    for (const outcome of onlyDecisions.sections.E.outcomes) delete outcome.source;
    for (const provision of onlyDecisions.sections.F.provisions) delete provision.source;
    expect(formatIssues({ ...onlyDecisions, formatVersion: 1 })).toEqual([
      'sections.K.decisions[0]: a plan that records where an item came from ("source") or decisions on advice is format version 1.2; this one says 1',
    ]);
  });

  it("says what is wrong with a source or a decision, and where", () => {
    const plan = sourcesPlan();
    const provision = plan.sections.F.provisions[0] as Plan["sections"]["F"]["provisions"][number];
    provision.source = { ...provision.source, version: 0, liftedOn: "1 December" } as never;
    const decisions = plan.sections.K.decisions ?? [];
    decisions[1] = { ...decisions[1], reason: "  " } as never;
    delete (decisions[0] as { into?: string }).into;
    decisions[2] = { ...decisions[2], decision: "ignored" } as never;
    expect(formatIssues(plan)).toEqual([
      "sections.F.provisions[0].source.version: must be at least 1",
      "sections.F.provisions[0].source.liftedOn: expected a calendar date written YYYY-MM-DD",
      "sections.K.decisions[0].into: is missing; this field is required",
      "sections.K.decisions[1].reason: give the reason in words",
      `sections.K.decisions[2].decision: Invalid discriminator value. Expected 'merged' | 'declined' | 'kept' (got "ignored")`,
    ]);
  });

  it("checks a decision on its own, as the server does for an item an edit touches", () => {
    const doc = planToDoc(parsePlan(sourcesPlan()));
    const sectionK = doc.child(12);
    const declined = sectionK.child(sectionK.childCount - 2);
    expect(() => checkPlanNode(declined, "sectionK")).not.toThrow();
    const bad = declined.type.create({ ...declined.attrs, reason: null });
    expect(() => checkPlanNode(bad, "sectionK")).toThrow(/reason/);
  });
});
