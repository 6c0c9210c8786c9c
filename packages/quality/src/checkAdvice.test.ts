import { examplePlan } from "@ehcp/fixtures";
import { blankAdvice, type Plan, parsePlan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { checkAdvice } from "./checkAdvice.js";
import { checkPlan } from "./checkPlan.js";

const good = parsePlan(examplePlan("plan-good.json"));
const [therapy] = good.sections.F.provisions as [Plan["sections"]["F"]["provisions"][number]];
const TODAY = { today: "2026-11-20" };

/** A therapist's advice recommending one piece of provision. */
const adviceWith = (provision: Partial<typeof therapy>): Plan => {
  const advice = blankAdvice(good);
  return {
    ...advice,
    sections: {
      ...advice.sections,
      F: {
        provisions: [{ ...therapy, outcomeIds: [], needIds: [], adviceIds: [], ...provision }],
      },
    },
  };
};

describe("checking advice", () => {
  it("holds nothing against advice not yet written, where a plan would break a dozen rules", () => {
    expect(checkPlan(blankAdvice(good), TODAY).filter((f) => f.severity === "error")).not.toEqual(
      [],
    );
    expect(checkAdvice(blankAdvice(good), TODAY)).toEqual([]);
  });

  it("flags a vague, unquantified recommendation to its author in the advice's terms", () => {
    const vague = adviceWith({
      what: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "Access to speech and language therapy as required" }],
        },
      ],
      frequency: null,
      deliveredBy: "",
    });
    const findings = checkAdvice(vague, TODAY);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual(
      expect.arrayContaining([
        ["provision-not-quantified", "error"],
        ["provision-missing-who", "error"],
        ["vague-wording", "warning"],
      ]),
    );
    const unquantified = findings.find((f) => f.rule === "provision-not-quantified");
    expect(unquantified?.message).toMatch(/^Recommended provision F1 does not say how much/);
    // Rules about a whole plan are not the adviser's: no school, no section K, no links.
    expect(findings.map((f) => f.rule)).not.toContain("no-advice");
    expect(findings.map((f) => f.rule)).not.toContain("provision-without-outcome");
  });

  it("finds nothing wrong with a recommendation that says what, who, how often and for how long", () => {
    expect(checkAdvice(adviceWith({}), TODAY).filter((f) => f.severity === "error")).toEqual([]);
  });
});
