import type { RuleCheck, RuleFinding } from "../Rule.js";
import { matcherFor } from "../text/matcherFor.js";
import { inRanges, quotedRanges } from "../text/textHelpers.js";

export const blandDescription: RuleCheck = ({ fields, config, childName }) => {
  const matcher = matcherFor(config.blandPhrases);
  const findings: RuleFinding[] = [];
  for (const field of fields) {
    if (field.section !== "A" || field.quoted) continue;
    const quotes = quotedRanges(field.text);
    for (const match of matcher.find(field.tokens)) {
      if (inRanges(quotes, match.start)) continue;
      findings.push({
        section: "A",
        target: field.target,
        path: field.path,
        range: { from: match.start, to: match.end },
        message: `${field.label} says '${field.text.slice(match.start, match.end)}', which tells a reader little about ${childName}. Say what ${childName} enjoys, is good at and cares about, with examples.`,
      });
    }
  }
  return findings;
};
