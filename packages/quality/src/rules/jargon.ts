import type { RuleCheck, RuleFinding } from "../Rule.js";
import type { PlanField } from "../planFields.js";
import { PhraseMatcher } from "../text/PhraseMatcher.js";
import { inRanges, quotedRanges } from "../text/textHelpers.js";
import { type Token, tokenize } from "../text/tokenize.js";

/** Words for jargon: "ASD-related" also yields "ASD", and "ASD's" is read as "ASD". */
function jargonTokens(text: string): Token[] {
  return tokenize(text).flatMap((t) => {
    const parts: Token[] = [t];
    if (t.text.includes("-")) {
      let offset = t.start;
      for (const part of t.text.split("-")) {
        parts.push({
          text: part,
          norm: part.toLowerCase(),
          start: offset,
          end: offset + part.length,
        });
        offset += part.length + 1;
      }
    }
    return parts.map((p) =>
      p.norm.endsWith("'s")
        ? { ...p, text: p.text.slice(0, -2), norm: p.norm.slice(0, -2), end: p.end - 2 }
        : p,
    );
  });
}

const isAcronym = (term: string) => (term.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether the plan explains the term somewhere: "ASD (autism…)", "autism… (ASD)", "ASD means…". */
function explainedIn(fields: readonly PlanField[], term: string): boolean {
  const t = escape(term);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${t}(?![\\p{L}\\p{N}])\\s*(?:\\(|,? (?:which )?(?:means|stands for|is short for))|\\(\\s*${t}\\s*\\)`,
    isAcronym(term) ? "u" : "iu",
  );
  return fields.some((f) => pattern.test(f.text));
}

const cache = new WeakMap<object, { matcher: PhraseMatcher; terms: Map<string, string> }>();
function matcherFor(glossary: Readonly<Record<string, string>>) {
  let entry = cache.get(glossary);
  if (!entry) {
    const terms = new Map(Object.keys(glossary).map((t) => [t.toLowerCase(), t]));
    entry = { matcher: new PhraseMatcher(Object.keys(glossary)), terms };
    cache.set(glossary, entry);
  }
  return entry;
}

export const jargon: RuleCheck = ({ fields, config }) => {
  const { matcher, terms } = matcherFor(config.glossary);
  const explained = new Map<string, boolean>();
  const reported = new Set<string>();
  const findings: RuleFinding[] = [];
  for (const field of fields) {
    // A person's own quoted words are never corrected.
    if (field.quoted) continue;
    const quotes = quotedRanges(field.text);
    const tokens = jargonTokens(field.text);
    for (const match of matcher.find(tokens)) {
      const term = terms.get(match.phrase.toLowerCase()) ?? match.phrase;
      const written = field.text.slice(match.start, match.end);
      // "TA" is jargon, "ta" is not: acronyms count only when written in capitals.
      if (isAcronym(term) && (written.match(/\p{Lu}/gu)?.length ?? 0) < 2) continue;
      if (inRanges(quotes, match.start)) continue;
      const key = `${field.target}\u0000${term}`;
      if (reported.has(key)) continue;
      if (!explained.has(term)) explained.set(term, explainedIn(fields, term));
      if (explained.get(term)) continue;
      reported.add(key);
      findings.push({
        section: field.section,
        target: field.target,
        path: field.path,
        range: { from: match.start, to: match.end },
        message: `${field.label} uses '${written}'. Say it in plain words, or explain it once in the plan, e.g. "${config.glossary[term]} (${written})".`,
      });
    }
  }
  return findings;
};
