import type { RuleCheck, RuleFinding } from "../Rule.js";
import { inRanges, quotedRanges } from "../text/textHelpers.js";

const isAcronym = (term: string) => (term.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordCharAt = (text: string, i: number) =>
  i >= 0 && i < text.length && WORD_CHAR.test(text[i] as string);

const EXPLAINED_AFTER = /\s*(?:\(|,? (?:which )?(?:means|stands for|is short for)\b)/y;

/**
 * Whether a text explains the term: "ASD (autism…)", "autism… (ASD)", "ASD means…". Looks only
 * where the term occurs.
 */
function explainedIn(text: string, lowerText: string, term: string): boolean {
  const acronym = isAcronym(term);
  const haystack = acronym ? text : lowerText;
  const needle = acronym ? term : term.toLowerCase();
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (isWordCharAt(haystack, at - 1) || isWordCharAt(haystack, end)) continue;
    EXPLAINED_AFTER.lastIndex = end;
    if (EXPLAINED_AFTER.test(haystack)) return true;
    const before = haystack.slice(Math.max(0, at - 4), at);
    if (/\(\s*$/.test(before) && /^\s*\)/.test(haystack.slice(end, end + 4))) return true;
  }
  return false;
}

// One regex of every term, longest first, compiled once per glossary. Matching whole text with it
// finds "ASD" inside "ASD-related" and "ASD's" too; word edges are checked where it matches.
const patterns = new Map<string, { regex: RegExp; terms: Map<string, string> }>();
function patternFor(glossary: Readonly<Record<string, string>>) {
  const list = Object.keys(glossary).sort((a, b) => b.length - a.length);
  const key = list.join("\u0000");
  let entry = patterns.get(key);
  if (!entry) {
    if (patterns.size >= 16) patterns.clear();
    // \b keeps the regex from stopping inside words ("ta" in "start"); letters beyond ASCII are
    // checked where it matches.
    const source = `\\b(?:${list.map((t) => escape(t).replace(/\s+/g, "\\s+")).join("|")})\\b`;
    entry = {
      // Without the u flag, case-insensitive matching of the ASCII terms is several times faster.
      regex: new RegExp(list.length ? source : "(?!)", "gi"),
      terms: new Map(list.map((t) => [t.toLowerCase().replace(/\s+/g, " "), t])),
    };
    patterns.set(key, entry);
  }
  return entry;
}

interface TermAt {
  readonly from: number;
  readonly to: number;
  readonly term: string;
}

interface JargonIn {
  /** Where a glossary term stands in the text, outside quotation marks. */
  readonly terms: readonly TermAt[];
  /** The terms the text explains ("ASD (autism…)", "autism… (ASD)", "ASD means…"). */
  readonly explains: readonly string[];
}

/**
 * What one field says of the glossary's terms. A term counts as explained in the plan when a
 * field explains it, so a re-check reads only the fields that changed, not the plan's whole text.
 */
function jargonIn(text: string, regex: RegExp, terms: ReadonlyMap<string, string>): JargonIn {
  const found: TermAt[] = [];
  const named = new Set<string>();
  let quotes: ReturnType<typeof quotedRanges> | undefined;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    const from = m.index;
    const to = from + m[0].length;
    if (isWordCharAt(text, from - 1) || isWordCharAt(text, to)) continue;
    const term = terms.get(m[0].toLowerCase().replace(/\s+/g, " ")) ?? m[0];
    named.add(term);
    // "TA" is jargon, "ta" is not: acronyms count only when written with capitals.
    if (isAcronym(term) && (m[0].match(/\p{Lu}/gu)?.length ?? 0) < 2) continue;
    quotes ??= quotedRanges(text);
    if (inRanges(quotes, from)) continue;
    found.push({ from, to, term });
  }
  const lower = named.size > 0 ? text.toLowerCase() : "";
  return { terms: found, explains: [...named].filter((t) => explainedIn(text, lower, t)) };
}

export const jargon: RuleCheck = ({ fields, config, perField }) => {
  const { regex, terms } = patternFor(config.glossary);
  const read = fields.map((field) =>
    perField("jargon", field, () => jargonIn(field.text, regex, terms)),
  );
  // Explained anywhere counts everywhere, a person's quoted words included.
  const explained = new Set(read.flatMap((r) => r.explains));
  const reported = new Set<string>();
  const findings: RuleFinding[] = [];
  fields.forEach((field, i) => {
    // A person's own quoted words are never corrected.
    if (field.quoted) return;
    const { text } = field;
    for (const { from, to, term } of read[i]!.terms) {
      const key = `${field.target}\u0000${term}`;
      if (reported.has(key) || explained.has(term)) continue;
      reported.add(key);
      const written = text.slice(from, to);
      findings.push({
        section: field.section,
        target: field.target,
        path: field.path,
        range: { from, to },
        message: `${field.label} uses '${written}'. Say it in plain words, or explain it once in the plan, e.g. "${config.glossary[term]} (${written})".`,
      });
    }
  });
  return findings;
};
