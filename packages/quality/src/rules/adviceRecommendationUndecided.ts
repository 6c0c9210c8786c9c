import { recommendationUse } from "@ehcp/schema";
import type { RuleCheck, RuleFinding } from "../Rule.js";

/**
 * A recommendation of submitted advice that the plan does not account for: no item lifted from
 * it, and no decision to merge it or leave it out. The plan must be built on the advice sought
 * (reg 6) and show how it was taken into account (CoP 9.49, 9.61); a tribunal's first question is
 * often why a recommendation is not in the plan. The advice comes from `config.advice`.
 */
export const adviceRecommendationUndecided: RuleCheck = ({ plan, config }) => {
  const findings: RuleFinding[] = [];
  for (const advice of config.advice) {
    for (const rec of advice.recommendations) {
      if (recommendationUse(plan, advice.requestId, rec.id).state !== "undecided") continue;
      findings.push({
        section: "K",
        target: "K",
        path: "sections.K.decisions",
        message: `Recommendation ${rec.label} of the advice from ${advice.from} is not accounted for: add it to the plan, merge it into an item, or record why it is not included.`,
      });
    }
  }
  return findings;
};
