import { describe, expect, it } from "vitest";
import { findingsOf } from "../../test/findingsOf.js";
import { need, wellWrittenPlan } from "@ehcp/fixtures";

describe("the thread from need to outcome to provision", () => {
  it("finds a need in B with no provision in F, and no outcome", () => {
    const plan = wellWrittenPlan();
    const lonely = need("Writing", { area: "cognition-learning" });
    plan.sections.B.needs.push(lonely);
    expect(findingsOf(plan, "need-without-provision")).toMatchObject([
      { target: lonely.id, section: "B", path: "sections.B.needs[1]" },
    ]);
    expect(findingsOf(plan, "need-without-outcome")[0]?.message).toBe(
      "No outcome in section E names B2 (Writing). Add an outcome that says what difference meeting this need will make.",
    );
  });

  it("counts provision linked straight to the need, without an outcome, as serving it", () => {
    const plan = wellWrittenPlan();
    const direct = need("Writing", { area: "cognition-learning" });
    plan.sections.B.needs.push(direct);
    plan.sections.F.provisions[0]!.needIds = [direct.id];
    expect(findingsOf(plan, "need-without-provision")).toEqual([]);
    expect(findingsOf(plan, "need-without-outcome")).toHaveLength(1);
  });

  it("wants B met in F: provision in G for a B need does not count", () => {
    const plan = wellWrittenPlan();
    const b1 = plan.sections.B.needs[0]!;
    plan.sections.F.provisions = [];
    plan.sections.G.provisions[0]!.needIds = [b1.id];
    expect(findingsOf(plan, "need-without-provision").map((f) => f.target)).toEqual([b1.id]);
  });

  it("warns of health needs without G and social care needs without H1 or H2", () => {
    const plan = wellWrittenPlan();
    plan.sections.G.provisions = [];
    plan.sections.H2.provisions = [];
    expect(findingsOf(plan, "health-need-without-provision").map((f) => f.target)).toEqual([
      plan.sections.C.needs[0]!.id,
    ]);
    expect(findingsOf(plan, "social-care-need-without-provision").map((f) => f.target)).toEqual([
      plan.sections.D.needs[0]!.id,
    ]);
    plan.sections.H1.provisions = [
      {
        ...wellWrittenPlan().sections.H2.provisions[0]!,
        outcomeIds: [plan.sections.E.outcomes[2]!.id],
      },
    ];
    expect(findingsOf(plan, "social-care-need-without-provision")).toEqual([]);
  });

  it("finds outcomes no provision serves and provisions that serve no outcome", () => {
    const plan = wellWrittenPlan();
    plan.sections.F.provisions[0]!.outcomeIds = [];
    expect(findingsOf(plan, "outcome-without-provision").map((f) => f.message)).toEqual([
      "No provision names E1 as an outcome it serves, so the plan does not show how it will be achieved. Link the provision that works towards it.",
    ]);
    expect(findingsOf(plan, "provision-without-outcome").map((f) => f.path)).toEqual([
      "sections.F.provisions[0].outcomeIds",
    ]);
  });
});
