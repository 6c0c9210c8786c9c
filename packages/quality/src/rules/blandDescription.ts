import type { RuleCheck, RuleFinding } from "../Rule.js";
import { PhraseMatcher } from "../text/PhraseMatcher.js";
import { inRanges, quotedRanges } from "../text/textHelpers.js";
import { tokenize } from "../text/tokenize.js";

const matchers = new WeakMap<readonly string[], PhraseMatcher>();

export const blandDescription: RuleCheck = ({ fields, config, childName }) => {
  let matcher = matchers.get(config.blandPhrases);
  if (!matcher)
    matchers.set(config.blandPhrases, (matcher = new PhraseMatcher(config.blandPhrases)));
  const findings: RuleFinding[] = [];
  for (const field of fields) {
    if (field.section !== "A" || field.quoted) continue;
    const quotes = quotedRanges(field.text);
    for (const match of matcher.find(tokenize(field.text))) {
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
