import { describe, expect, it } from "vitest";
import { checkIntegrity, type Plan, parsePlan } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const load = (name: string) => parsePlan(examplePlan(name)) as Plan;

describe("checkIntegrity", () => {
  it("finds nothing wrong in the good fixture", () => {
    expect(checkIntegrity(load("plan-good.json"))).toEqual([]);
  });

  it("finds the repeated id and the broken link in the poor fixture, and nothing else", () => {
    expect(checkIntegrity(load("plan-poor.json"))).toEqual([
      {
        rule: "duplicate-id",
        severity: "error",
        section: "F",
        target: "p-2",
        path: "sections.F.provisions[2].id",
        message:
          'F3 has the id "p-2", which F2 already uses. Give each item its own id so links point to one item.',
        source: "integrity",
      },
      {
        rule: "dangling-link",
        severity: "error",
        section: "E",
        target: "o-3",
        path: "sections.E.outcomes[2].needIds[0]",
        message:
          'E3 links to the need "n-9", which is not in the plan. Link it to an existing need or remove the link.',
        source: "integrity",
      },
    ]);
  });

  it("finds a link to an item of the wrong kind", () => {
    const plan = load("plan-good.json");
    plan.sections.F.provisions[0]!.outcomeIds = ["need-slc"];
    const [finding, ...rest] = checkIntegrity(plan);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: "dangling-link",
      target: plan.sections.F.provisions[0]!.id,
      path: "sections.F.provisions[0].outcomeIds[0]",
    });
    expect(finding?.message).toBe(
      'F1 names "need-slc" as an outcome, but B1 is a need. Link it to an outcome instead.',
    );
  });

  it("checks every kind of link: advice, needs of provisions and budget items", () => {
    const plan = load("plan-good.json");
    plan.sections.B.needs[0]!.adviceIds = ["k-missing"];
    plan.sections.G.provisions[0]!.needIds = ["gone"];
    plan.sections.J.items[0]!.provisionId = "out-instructions";
    expect(checkIntegrity(plan).map((f) => [f.target, f.path])).toEqual([
      ["need-slc", "sections.B.needs[0].adviceIds[0]"],
      [plan.sections.G.provisions[0]!.id, "sections.G.provisions[0].needIds[0]"],
      ["J", "sections.J.items[0].provisionId"],
    ]);
  });

  it("counts ids across kinds: a step may not reuse a need's id", () => {
    const plan = load("plan-good.json");
    plan.sections.E.outcomes[0]!.steps[0]!.id = "need-slc";
    const findings = checkIntegrity(plan);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "duplicate-id",
      target: "need-slc",
      section: "E",
      path: "sections.E.outcomes[0].steps[0].id",
    });
    expect(findings[0]?.message).toMatch(/^E1\.1 has the id "need-slc", which B1 already uses/);
  });
});
