import { examplePlan } from "@ehcp/fixtures";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../json/parsePlan.js";
import { blankAdvice } from "./adviceDocument.js";

describe("blankAdvice", () => {
  it("names the plan's child and keeps its dates, with every section empty, as a draft of its own", () => {
    const plan = parsePlan(examplePlan("plan-good.json"));
    const advice = blankAdvice(plan);
    expect(parsePlan(advice)).toStrictEqual(advice);
    expect(advice.id).toMatch(/^advice-/);
    expect(advice.meta).toStrictEqual({
      ...plan.meta,
      status: "draft",
      issue: 1,
      dates: { ...plan.meta.dates, draftIssued: null, finalIssued: null },
      signOff: null,
    });
    expect(Object.values(advice.sections).map((s) => JSON.stringify(s))).not.toContainEqual(
      expect.stringMatching(/"id"/),
    );
  });
});
