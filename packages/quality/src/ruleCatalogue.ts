import type { Severity } from "@ehcp/schema";

interface RuleInfo {
  readonly severity: Severity;
  readonly source: string;
}

/** Every rule the checker knows, with its default severity and what it rests on. */
export const RULE_CATALOGUE = {
  "duplicate-id": { severity: "error", source: "integrity" },
  "dangling-link": { severity: "error", source: "integrity" },
  "placement-in-draft": { severity: "error", source: "CFA s.38(5); CoP 9.77" },
  "placement-missing-in-final": { severity: "error", source: "CoP 9.79, 9.84" },
  "school-named-in-draft": { severity: "error", source: "CFA s.38(5)(a); CoP 9.77" },
  "need-without-provision": { severity: "error", source: "CoP 9.69" },
  "provision-not-quantified": { severity: "error", source: "CoP 9.69" },
  "provision-hours-only": {
    severity: "error",
    source: "CoP 9.69; EC v North East Lincolnshire [2015] UKUT 648",
  },
  "provision-missing-who": { severity: "error", source: "CoP 9.69; DfE template" },
  "pfa-outcomes-missing": { severity: "error", source: "reg 12(3); CoP 9.66, chapter 8" },
  "no-advice": { severity: "error", source: "reg 6(1); CoP 9.62 (section K)" },
  "statutory-section-empty": {
    severity: "error",
    source: "CFA s.37(2)(a)-(c); reg 12(1)(b), (e), (f)",
  },
  "need-without-outcome": { severity: "warning", source: "CoP 9.66; DfE template" },
  "health-need-without-provision": { severity: "warning", source: "reg 12(1)(g)" },
  "social-care-need-without-provision": { severity: "warning", source: "reg 12(1)(h)" },
  "outcome-without-provision": { severity: "warning", source: "CoP 9.69" },
  "provision-without-outcome": { severity: "warning", source: "CoP 9.69" },
  "provision-missing-expertise": { severity: "warning", source: "CoP 9.69" },
  "vague-wording": {
    severity: "warning",
    source: "L v Clarke [1998]; Worcestershire v SE [2020] UKUT 217; IPSEA",
  },
  "therapy-in-health-section": { severity: "warning", source: "CoP 9.73-9.76" },
  "outcome-not-time-bound": { severity: "warning", source: "CoP 9.66" },
  "outcome-not-measurable": { severity: "warning", source: "CoP 9.66" },
  "outcome-is-provision": { severity: "warning", source: "CoP 9.64-9.66" },
  "no-child-voice": { severity: "warning", source: "CoP 9.69; CoP 1.3" },
  "missing-advice": { severity: "warning", source: "reg 6(1)" },
  "specialist-advice-missing": { severity: "warning", source: "reg 6(2); CoP 9.49" },
  "advice-recommendation-undecided": {
    severity: "warning",
    source: "SEND Regs 2014 reg 6; CoP 9.49, 9.61",
  },
  "need-is-diagnosis": { severity: "warning", source: "reg 12(1)(b); CoP 9.69" },
  "view-in-third-person": { severity: "warning", source: "CoP 9.62 (section A); DfE template" },
  "frequency-contradicts-field": { severity: "warning", source: "CoP 9.69; L v Clarke [1998]" },
  "personal-budget-no-detail": { severity: "warning", source: "reg 12(1)(j); CoP 9.95-9.124" },
  "wrong-pronouns": {
    severity: "warning",
    source: "CoP 9.61; parents' feedback on copy-and-paste plans",
  },
  "another-childs-name": {
    severity: "warning",
    source: "CoP 9.61; parents' feedback on copy-and-paste plans",
  },
  "health-or-social-care-in-f": {
    severity: "warning",
    source: "CFA s.21(3)-(5); reg 12(1)(f)-(h); CoP 9.69-9.73",
  },
  "outcome-not-linked-to-aspiration": {
    severity: "warning",
    source: "CoP 9.64, 9.66; reg 12(1)(a)",
  },
  "provision-session-length-missing": {
    severity: "warning",
    source: "CoP 9.69; L v Clarke [1998]",
  },
  "social-care-section-confused": {
    severity: "warning",
    source: "reg 12(1)(h); CFA s.37(2)(e)-(f); CSDPA 1970 s.2",
  },
  "provision-ratio-missing": { severity: "warning", source: "DfE template" },
  "outcome-framework-unknown": { severity: "warning", source: "the council's outcomes framework" },
  jargon: { severity: "info", source: "CoP 9.61; DfE template" },
  "bland-description": { severity: "info", source: "DfE template guidance for A" },
  "personal-budget-not-explained": { severity: "info", source: "CoP 9.95-9.124" },
  "copied-text": { severity: "info", source: "Parents' feedback on copy-and-paste plans" },
  "long-history": { severity: "info", source: "DfE template (A1)" },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULE_CATALOGUE;

export const RULE_IDS = Object.keys(RULE_CATALOGUE) as RuleId[];
