import type { PlanField } from "../planFields.js";
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
interface Pattern {
  readonly regex: RegExp;
  readonly terms: ReadonlyMap<string, string>;
}
const patterns = new Map<string, Pattern>();
// The checker gives the very glossary object while the settings stay, so most checks find the
// pattern by identity without joining the glossary into a key.
const byGlossary = new WeakMap<object, Pattern>();
function patternFor(glossary: Readonly<Record<string, string>>): Pattern {
  const known = byGlossary.get(glossary);
  if (known) return known;
  const entry = patternOf(glossary);
  byGlossary.set(glossary, entry);
  return entry;
}

function patternOf(glossary: Readonly<Record<string, string>>): Pattern {
  const list = Object.keys(glossary).sort((a, b) => b.length - a.length);
  // The explanations too: what is remembered by the pattern (readings, findings) says them.
  const key = list.map((t) => `${t}\u0001${glossary[t]}`).join("\u0000");
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

interface RunFindings {
  /** The terms the run reported: an item with the same id later in the plan skips them. */
  readonly reported: ReadonlySet<string>;
  readonly explained: string;
  readonly fields: readonly PlanField[];
  readonly read: readonly JargonIn[];
  readonly findings: readonly RuleFinding[];
}

// What a run of one item's fields gave, by its first field: an unchanged item keeps its field
// objects and their readings, so a re-check after typing elsewhere rebuilds none of its findings.
const byRun = new WeakMap<PlanField, RunFindings>();

function findingsOf(
  fields: readonly PlanField[],
  read: readonly JargonIn[],
  from: number,
  explained: ReadonlySet<string>,
  reported: Set<string>,
  glossary: Readonly<Record<string, string>>,
  out: RuleFinding[],
): void {
  for (let i = 0; i < read.length; i++) {
    const field = fields[from + i]!;
    // A person's own quoted words are never corrected.
    if (field.quoted) continue;
    const { text } = field;
    for (const { from, to, term } of read[i]!.terms) {
      // Once per item: the same term again in it is the same advice.
      if (reported.has(term) || explained.has(term)) continue;
      reported.add(term);
      const written = text.slice(from, to);
      out.push({
        section: field.section,
        target: field.target,
        path: field.path,
        range: { from, to },
        message: `${field.label} uses '${written}'. Say it in plain words, or explain it once in the plan, e.g. "${glossary[term]} (${written})".`,
      });
    }
  }
}

// What each field says of the glossary's terms, by the field object and the glossary's pattern:
// an unchanged item keeps its field objects between checks, so this is a lookup, no closure.
const readings = new WeakMap<PlanField, { readonly pattern: Pattern; readonly read: JargonIn }>();
function readingOf(field: PlanField, pattern: Pattern): JargonIn {
  const known = readings.get(field);
  if (known?.pattern === pattern) return known.read;
  const read = jargonIn(field.text, pattern.regex, pattern.terms);
  readings.set(field, { pattern, read });
  return read;
}

// The terms the plan explains, as a key, kept while no field's explanations change: a re-check
// after typing builds no key from the whole plan.
let lastExplains: readonly (readonly string[])[] = [];
let lastExplained = { set: new Set<string>(), key: "" };
const NONE: readonly string[] = [];

function explainedTerms(fields: readonly PlanField[], pattern: Pattern) {
  const explainsAt = (i: number) => {
    const e = readingOf(fields[i]!, pattern).explains;
    return e.length === 0 ? NONE : e;
  };
  let same = lastExplains.length === fields.length;
  for (let i = 0; i < fields.length && same; i++) same = lastExplains[i] === explainsAt(i);
  if (same) return lastExplained;
  const explains = fields.map((_, i) => explainsAt(i));
  lastExplains = explains;
  // Explained anywhere counts everywhere, a person's quoted words included.
  const set = new Set<string>();
  for (const e of explains) for (const term of e) set.add(term);
  lastExplained = { set, key: [...set].sort().join("\u0000") };
  return lastExplained;
}

export const jargon: RuleCheck = ({ fields, config }) => {
  const pattern = patternFor(config.glossary);
  const { set: explained, key: explainedKey } = explainedTerms(fields, pattern);
  // Each item's fields are one run; an id two items share is reported once in all of them.
  let reportedOf: Map<string, ReadonlySet<string>> | undefined;
  const findings: RuleFinding[] = [];
  for (let start = 0; start < fields.length;) {
    const first = fields[start]!;
    let end = start + 1;
    while (end < fields.length && fields[end]!.target === first.target) end++;
    const again = reportedOf?.get(first.target);
    const known = again ? undefined : byRun.get(first);
    let same = known !== undefined && known.explained === explainedKey;
    if (same && known!.fields.length === end - start)
      for (let i = start; i < end && same; i++)
        same =
          known!.fields[i - start] === fields[i] &&
          known!.read[i - start] === readingOf(fields[i]!, pattern);
    else same = false;
    if (same) {
      for (const f of known!.findings) findings.push(f);
      if (known!.reported.size > 0) (reportedOf ??= new Map()).set(first.target, known!.reported);
    } else {
      const reported = new Set<string>(again);
      const own: RuleFinding[] = [];
      const run = fields.slice(start, end);
      const read = run.map((f) => readingOf(f, pattern));
      findingsOf(fields, read, start, explained, reported, config.glossary, own);
      if (!again)
        byRun.set(first, { reported, explained: explainedKey, fields: run, read, findings: own });
      if (reported.size > 0) (reportedOf ??= new Map()).set(first.target, reported);
      for (const f of own) findings.push(f);
    }
    start = end;
  }
  return findings;
};
