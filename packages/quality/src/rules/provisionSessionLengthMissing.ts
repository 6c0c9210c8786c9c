import { formatJsonPath } from "@ehcp/schema";
import type { RuleCheck, RuleFinding } from "../Rule.js";
import { hasDuration, hasFrequency } from "../text/findFrequency.js";
import { isNumberWord } from "../text/numbers.js";
import type { Token } from "../text/tokenize.js";

// A session whose length is its own name: "every lesson", "each school day", "a whole morning".
const LENGTH_IN_ITS_NAME =
  /\b(?:lessons?|school days?|mornings?|afternoons?|evenings?|nights?|overnights?|full days?|half[- ]days?|weekends?|lunchtimes?|breaks?|playtimes?)\b/i;

/**
 * Health and social care provision in G, H1 and H2 that says how often but not for how long
 * ("weekly physiotherapy", "a support worker twice a month"), with no frequency or hours given
 * in the item's fields: how much the child gets is still open (CoP 9.69; L v Clarke [1998]).
 * In F, provision-not-quantified already reports it.
 */
export const provisionSessionLengthMissing: RuleCheck = ({ thread, fieldAt, childName }) => {
  const findings: RuleFinding[] = [];
  for (const e of thread.provisions) {
    if (e.section === "F") continue;
    const p = e.provision;
    if (p.frequency || (p.hoursPerWeek !== null && p.hoursPerWeek > 0)) continue;
    const path = formatJsonPath(["sections", e.section, "provisions", e.index, "what"]);
    const { text, tokens } = fieldAt(path);
    if (!hasFrequency(tokens) || hasDuration(tokens, isNumberWord)) continue;
    if (LENGTH_IN_ITS_NAME.test(text)) continue;
    const often = frequencyWords(tokens);
    findings.push({
      section: e.section,
      target: p.id,
      path,
      ...(often ? { range: { from: often.start, to: often.end } } : {}),
      message: `${e.label} says how often ${childName} gets it${often ? ` ('${text.slice(often.start, often.end)}')` : ""} but not for how long. Give the length of each session (e.g. 45 minutes), or fill in how often and for how long, so the amount is fixed (CoP 9.69).`,
    });
  }
  return findings;
};

const PERIOD_ADVERB =
  /^(?:daily|weekly|fortnightly|monthly|termly|half-termly|yearly|annually|nightly|twice-weekly|twice-daily)$/;

function frequencyWords(tokens: readonly Token[]): { start: number; end: number } | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (PERIOD_ADVERB.test(t.norm)) return { start: t.start, end: t.end };
    if (
      /^(?:every|each|per|a|an)$/.test(t.norm) &&
      tokens[i + 1] &&
      hasFrequency([t, tokens[i + 1] as Token])
    ) {
      const before = tokens[i - 1];
      const from =
        before && (isNumberWord(before.norm) || before.norm === "times")
          ? tokens[i - 2] && before.norm === "times"
            ? (tokens[i - 2] as Token)
            : before
          : t;
      return { start: from.start, end: (tokens[i + 1] as Token).end };
    }
  }
  return null;
}
