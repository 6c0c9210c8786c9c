import type { Finding, Plan, SectionKey } from "@ehcp/schema";
import { checkPlan, type PlanChecker } from "./checkPlan.js";
import type { QualityConfig } from "./QualityConfig.js";
import type { RuleId } from "./ruleCatalogue.js";

/**
 * The rules that hold for a piece of advice as they hold for a plan: what a recommendation says
 * and how precisely (the wording rules, and the provision rules of CoP 9.69: what, who, with what
 * expertise, how often, for how long), and the document's integrity. The rest are about a whole
 * plan (every need met, a school named, advice listed in K, outcomes for adulthood) and are the
 * caseworker's to meet when the advice is lifted into one.
 */
export const ADVICE_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
  "duplicate-id",
  "dangling-link",
  "provision-not-quantified",
  "provision-hours-only",
  "provision-missing-who",
  "provision-missing-expertise",
  "provision-ratio-missing",
  "frequency-contradicts-field",
  "vague-wording",
  "jargon",
  "outcome-not-time-bound",
  "outcome-not-measurable",
  "outcome-is-provision",
  "need-is-diagnosis",
  "wrong-pronouns",
  "therapy-in-health-section",
]);

/** What each part of an advice document is, to its author. */
const PART_NAMES: Readonly<Partial<Record<SectionKey, string>>> = {
  A: "view",
  B: "need",
  C: "health need",
  D: "social care need",
  E: "recommended outcome",
  F: "recommended provision",
  G: "recommended health provision",
  H1: "recommended social care provision",
  H2: "recommended social care provision",
};

const LABEL = /\b(H1|H2|[A-G])(\d+)\b/g;

/** "F1 does not say who…" as its author reads it: "Recommended provision F1 does not say who…". */
function inAuthorsTerms(message: string): string {
  const said = message.replace(LABEL, (label, section: SectionKey) => {
    const name = PART_NAMES[section];
    return name ? `${name} ${label}` : label;
  });
  return said.charAt(0).toUpperCase() + said.slice(1);
}

/**
 * Checks a piece of advice (a document in the plan's format, see `ADVICE_SECTIONS` of
 * `@ehcp/schema`) against the rules that hold for advice, its findings worded for its author.
 * Pass a `checker` of `createPlanChecker` to re-read only what changed, as the editor does.
 */
export function checkAdvice(
  advice: Plan,
  config: QualityConfig = {},
  checker?: PlanChecker,
): Finding[] {
  const findings = checker ? checker.check(advice, config) : checkPlan(advice, config);
  return findings
    .filter((finding) => ADVICE_RULES.has(finding.rule as RuleId))
    .map((finding) => ({ ...finding, message: inAuthorsTerms(finding.message) }));
}
