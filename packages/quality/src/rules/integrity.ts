import { checkIntegrity, type Finding, type Plan } from "@ehcp/schema";
import type { RuleCheck, RuleFinding } from "../Rule.js";

// Both rules read one integrity check, made once per plan.
const cache = new WeakMap<Plan, Finding[]>();
const integrityOf = (plan: Plan): Finding[] => {
  let findings = cache.get(plan);
  if (!findings) cache.set(plan, (findings = checkIntegrity(plan)));
  return findings;
};

const findingsOf =
  (rule: "duplicate-id" | "dangling-link"): RuleCheck =>
  ({ plan }) =>
    integrityOf(plan)
      .filter((f) => f.rule === rule)
      .map(({ rule: _r, severity: _s, source: _o, ...rest }): RuleFinding => rest);

export const duplicateId = findingsOf("duplicate-id");
export const danglingLink = findingsOf("dangling-link");
