import type { RuleCheck } from "../Rule.js";
import { plainText } from "../text/plainText.js";
import { wordCount } from "../text/textHelpers.js";

const LIMIT = 500;

export const longHistory: RuleCheck = ({ plan }) => {
  const history = plan.sections.A.views.filter((v) => v.topic === "history");
  const words = history.reduce((sum, v) => sum + wordCount(plainText(v.content)), 0);
  if (words <= LIMIT) return [];
  return [
    {
      section: "A",
      target: history.length === 1 ? (history[0]?.id ?? "A") : "A",
      path: "sections.A.views",
      message: `The history in section A runs to ${words} words. Keep it under ${LIMIT}: the key events only, with the reports in section K for the detail.`,
    },
  ];
};
