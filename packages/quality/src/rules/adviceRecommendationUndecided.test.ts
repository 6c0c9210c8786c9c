import { frozenJson } from "@ehcp/fixtures/node";
import { parsePlan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../checkPlan.js";
import type { QualityConfig } from "../QualityConfig.js";

// The frozen 1.2 plan: req-ep's ep-outcome-1 and ep-prov-2 lifted, ep-prov-1 merged and
// ep-prov-3 declined; req-salt's salt-need-1 and salt-prov-1 lifted.
const plan = parsePlan(frozenJson("v1.2/plan-sources.json"));
const undecided = (advice: QualityConfig["advice"]) =>
  checkPlan(plan, { today: "2026-12-01", advice }).filter(
    (f) => f.rule === "advice-recommendation-undecided",
  );

describe("advice-recommendation-undecided", () => {
  it("finds each recommendation of submitted advice the plan does not account for", () => {
    const findings = undecided([
      {
        requestId: "req-ep",
        from: "Dr Ana Ruiz (educational psychologist)",
        recommendations: ["ep-outcome-1", "ep-prov-1", "ep-prov-2", "ep-prov-3", "ep-prov-4"].map(
          (id, i) => ({ id, label: i === 0 ? "E1" : `F${i}` }),
        ),
      },
    ]);
    expect(findings).toEqual([
      {
        rule: "advice-recommendation-undecided",
        severity: "warning",
        source: "SEND Regs 2014 reg 6; CoP 9.49, 9.61",
        section: "K",
        target: "K",
        path: "sections.K.decisions",
        message:
          "Recommendation F4 of the advice from Dr Ana Ruiz (educational psychologist) is not accounted for: add it to the plan, merge it into an item, or record why it is not included.",
      },
    ]);
  });

  it("finds nothing when no advice is passed, since Plan JSON does not hold the advice", () => {
    expect(undecided(undefined)).toEqual([]);
  });
});
