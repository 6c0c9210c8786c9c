import type { SectionKey } from "@ehcp/schema";
import { RANGE_ADVICE } from "../defaults/vagueWords.js";
import type { RuleCheck, RuleFinding } from "../Rule.js";
import { hasFrequency } from "../text/findFrequency.js";
import { matcherFor } from "../text/matcherFor.js";
import { isNegated, sentenceAround } from "../text/textHelpers.js";

const SECTIONS = new Set<SectionKey>(["E", "F", "G", "H1", "H2"]);
const RANGE =
  /\b\d+(?:\.\d+)?\s*(?:-|–|—|to)\s*\d+(?:\.\d+)?\s*(?:minutes?|mins?|hours?|hrs?|sessions?|times|days?|weeks?|lessons?)\b/gi;
const HAS_DIGIT = /\d/;
// "Regular" is vague only when nothing near it says how often.
const NEEDS_FREQUENCY_NEARBY = new Set(["regular", "regularly"]);

export const vagueWording: RuleCheck = ({ fields, config }) => {
  const matcher = matcherFor(Object.keys(config.vagueWords));
  const findings: RuleFinding[] = [];
  for (const field of fields) {
    if (!SECTIONS.has(field.section)) continue;
    const { text, tokens } = field;
    const found: { start: number; end: number; advice: string }[] = [];
    for (const match of matcher.find(tokens)) {
      if (isNegated(tokens, match.index, text)) continue;
      if (NEEDS_FREQUENCY_NEARBY.has(match.phrase)) {
        const sentence = sentenceAround(text, match.start, match.end);
        if (hasFrequency(tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end)))
          continue;
      }
      found.push({
        start: match.start,
        end: match.end,
        advice: config.vagueWords[match.phrase] ?? "",
      });
    }
    for (const m of HAS_DIGIT.test(text) ? text.matchAll(RANGE) : []) {
      found.push({ start: m.index, end: m.index + m[0].length, advice: RANGE_ADVICE });
    }
    found.sort((a, b) => a.start - b.start);
    for (const { start, end, advice } of found) {
      findings.push({
        section: field.section,
        target: field.target,
        path: field.path,
        range: { from: start, to: end },
        message: `${field.label} says '${text.slice(start, end)}' — ${advice}.`,
      });
    }
  }
  return findings;
};
