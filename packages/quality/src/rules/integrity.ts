import { checkIntegrity, type Finding } from "@ehcp/schema";
import type { RuleCheck, RuleContext, RuleFinding } from "../Rule.js";

// Both rules read one integrity check, made once per check (by the check's context, not the
// plan, as a caller may change a plan in place and check it again) and remembered while the
// plan's ids and links are as they were.
const cache = new WeakMap<RuleContext, Finding[]>();
const integrityOf = (context: RuleContext): Finding[] => {
  let findings = cache.get(context);
  if (!findings) {
    findings = context.byKey("integrity", context.threadKey(), () => checkIntegrity(context.plan));
    cache.set(context, findings);
  }
  return findings;
};

const findingsOf =
  (rule: "duplicate-id" | "dangling-link"): RuleCheck =>
  (context) =>
    integrityOf(context)
      .filter((f) => f.rule === rule)
      .map(({ rule: _r, severity: _s, source: _o, ...rest }): RuleFinding => rest);

export const duplicateId = findingsOf("duplicate-id");
export const danglingLink = findingsOf("dangling-link");
