import { parsePlan, type Plan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { checkPlan, summarizeQuality } from "./index.js";
import { examplePlan } from "@ehcp/fixtures";

const summaryOf = (name: string) => {
  const plan = parsePlan(examplePlan(name)) as Plan;
  return summarizeQuality(plan, checkPlan(plan, { today: "2026-11-22" }));
};

describe("summarizeQuality", () => {
  it("counts findings by severity and by section", () => {
    const summary = summaryOf("plan-poor.json");
    const total = summary.counts.error + summary.counts.warning + summary.counts.info;
    expect(total).toBe(
      Object.values(summary.bySection).reduce((n, c) => n + c.error + c.warning + c.info, 0),
    );
    expect(summary.bySection.I).toEqual({ error: 1, warning: 0, info: 0 });
    expect(summary.bySection.K).toEqual({ error: 0, warning: 1, info: 0 });
  });

  it("traces each need to its outcomes and their provisions, and marks where the chain breaks", () => {
    const rows = summaryOf("plan-poor.json").traceability;
    const row = (id: string) => rows.find((r) => r.need.id === id);
    expect(rows.map((r) => r.need.label)).toEqual(["B1", "B2", "B3", "C1", "D1"]);
    expect(row("n-1")).toMatchObject({
      need: { label: "B1", title: "ASC" },
      outcomes: [
        { id: "o-1", label: "E1", provisions: [{ id: "p-1", label: "F1", section: "F" }] },
      ],
      directProvisions: [{ id: "p-4", label: "G1" }],
      breaks: [],
    });
    expect(row("n-3")?.breaks).toEqual(["no-outcome", "no-provision"]);
    expect(row("n-4")?.breaks).toEqual(["no-outcome", "no-provision"]);
    expect(summaryOf("plan-poor.json").provisionsWithoutOutcome.map((p) => p.label)).toEqual([
      "G1",
    ]);
  });

  it("finds the thread unbroken in the good plan", () => {
    const summary = summaryOf("plan-good.json");
    expect(summary.traceability.every((r) => r.breaks.length === 0)).toBe(true);
    expect(summary.counts).toEqual({ error: 0, warning: 0, info: expect.any(Number) });
  });
});
