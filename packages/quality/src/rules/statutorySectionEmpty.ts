import type { RuleCheck } from "../Rule.js";

// A plan must specify the child's special educational needs, the outcomes sought and the special
// educational provision (CFA 2014 s.37(2)(a)-(c); sections B, E and F, reg 12(1)(b), (e), (f)).
// The thread rules start from an item, so an empty section gave no finding at all, and a plan with
// nothing in B, E or F could be issued as final.
const REQUIRED = [
  {
    section: "B",
    path: "sections.B.needs",
    what: "the child's special educational needs",
    count: (p: Parameters<RuleCheck>[0]["plan"]) => p.sections.B.needs.length,
  },
  {
    section: "E",
    path: "sections.E.outcomes",
    what: "the outcomes sought",
    count: (p: Parameters<RuleCheck>[0]["plan"]) => p.sections.E.outcomes.length,
  },
  {
    section: "F",
    path: "sections.F.provisions",
    what: "the special educational provision",
    count: (p: Parameters<RuleCheck>[0]["plan"]) => p.sections.F.provisions.length,
  },
] as const;

export const statutorySectionEmpty: RuleCheck = ({ plan }) =>
  REQUIRED.filter((r) => r.count(plan) === 0).map((r) => ({
    section: r.section,
    target: r.section,
    path: r.path,
    message: `Section ${r.section} is empty. A plan must set out ${r.what} (Children and Families Act 2014 s.37(2); reg 12(1)): write them before the plan is final.`,
  }));
