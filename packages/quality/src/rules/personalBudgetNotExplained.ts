import type { RuleCheck } from "../Rule.js";
import { plainText } from "../text/plainText.js";

const OFFERED = /\b(?:offer\w*|discuss\w*|explain\w*|told|informed|declin\w*|chose|decided)\b/i;

export const personalBudgetNotExplained: RuleCheck = ({ plan }) => {
  const { requested, notes } = plan.sections.J;
  if (requested || OFFERED.test(plainText(notes))) return [];
  return [
    {
      section: "J",
      target: "J",
      path: "sections.J.notes",
      message:
        "Section J says no personal budget was requested but does not say one was offered. Note when the family was told about personal budgets and what they decided (CoP 9.95-9.124).",
    },
  ];
};
