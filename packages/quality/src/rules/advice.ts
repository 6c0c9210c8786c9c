import type { Advice, Plan } from "@ehcp/schema";
import type { RuleCheck } from "../Rule.js";

export const noAdvice: RuleCheck = ({ plan }) =>
  plan.sections.K.advice.length > 0
    ? []
    : [
        {
          section: "K",
          target: "K",
          path: "sections.K.advice",
          message:
            "Section K lists no advice. List the advice and information gathered during the assessment (reg 6(1); CoP 9.62, section K).",
        },
      ];

const isPsychological = (a: Advice) => /psycholog/i.test(`${a.from.role} ${a.title}`);

/**
 * Educational advice is the child's own setting's (reg 6(1)(b)): the nursery's, the school's or
 * the college's. Named so, as "education" read as if an educational psychologist's advice, listed
 * beside it, were not there.
 */
function ownSetting(plan: Plan): string {
  const year = plan.meta.child.yearGroup;
  const setting = /nursery|pre-?school|early years/i.test(year)
    ? "nursery"
    : /college|post-16|year 1[2-4]/i.test(year)
      ? "college"
      : "school";
  const educational = plan.sections.K.advice.some((a) => a.agency === "education");
  return `the ${setting}'s own staff${educational ? ` (the educational psychologist's is not the ${setting}'s)` : ""}`;
}

// The advice the council must seek for an assessment (SEND Regulations 2014, reg 6(1)).
const SOURCES: readonly {
  name: string | ((plan: Plan) => string);
  found: (a: Advice) => boolean;
}[] = [
  {
    name: "the parent or young person",
    found: (a) => a.agency === "family" || a.agency === "young-person",
  },
  { name: ownSetting, found: (a) => a.agency === "education" && !isPsychological(a) },
  { name: "health (medical)", found: (a) => a.agency === "health" },
  { name: "an educational psychologist", found: isPsychological },
  { name: "social care", found: (a) => a.agency === "social-care" },
];

export const missingAdvice: RuleCheck = ({ plan }) => {
  const advice = plan.sections.K.advice;
  if (advice.length === 0) return [];
  const missing = SOURCES.filter((s) => !advice.some(s.found)).map((s) =>
    typeof s.name === "string" ? s.name : s.name(plan),
  );
  if (missing.length === 0) return [];
  const list =
    missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
  return [
    {
      section: "K",
      target: "K",
      path: "sections.K.advice",
      message: `Section K has no advice from ${list}. The assessment must seek advice from each of these (reg 6(1)); list it, or say why it was not needed.`,
    },
  ];
};
