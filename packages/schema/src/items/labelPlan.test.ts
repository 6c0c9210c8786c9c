import { describe, expect, it } from "vitest";
import { labelPlan, type Plan, parsePlan } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

describe("labelPlan", () => {
  it("labels items by section and position", () => {
    const labels = labelPlan(parsePlan(examplePlan("plan-poor.json")));
    expect(Object.fromEntries(labels)).toEqual({
      "a-1": "A1",
      "n-1": "B1",
      "n-2": "B2",
      "n-3": "B3",
      "n-4": "C1",
      "n-5": "D1",
      "o-1": "E1",
      "o-2": "E2",
      "o-3": "E3",
      "p-1": "F1",
      "p-2": "F2",
      "p-4": "G1",
      "k-1": "K1",
    });
  });

  it("follows items as they move, and numbers H1, H2 and outcome steps with a point", () => {
    const plan = parsePlan(examplePlan("plan-good.json")) as Plan;
    const first = plan.sections.F.provisions[0]!;
    const last = plan.sections.F.provisions.at(-1)!;
    plan.sections.F.provisions.reverse();
    const labels = labelPlan(plan);
    expect(labels.get(first.id)).toBe(`F${plan.sections.F.provisions.length}`);
    expect(labels.get(last.id)).toBe("F1");
    plan.sections.H2.provisions.push({ ...first, id: "h2-new" });
    expect(labelPlan(plan).get("h2-new")).toBe(`H2.${plan.sections.H2.provisions.length}`);
    expect(labels.get(plan.sections.E.outcomes[0]!.steps[0]!.id)).toBe("E1.1");
  });
});
