import type { Plan } from "@ehcp/schema";
import { PLAIN_ABBREVIATIONS } from "../defaults/plainAbbreviations.js";
import type { CheckedItem } from "../FieldCache.js";
import type { ResolvedConfig } from "../QualityConfig.js";
import type { RuleCheck, RuleFinding } from "../Rule.js";
import { inRanges, quotedRanges } from "../text/textHelpers.js";

const isAcronym = (term: string) => (term.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordCharAt = (text: string, i: number) =>
  i >= 0 && i < text.length && WORD_CHAR.test(text[i] as string);

/**
 * A run of two or more capitals, digits and "&" between them ("ELKLAN", "KS2", "A&E"), as its own
 * word: what a reader takes for an acronym. A plural or possessive ending is not part of it.
 */
const ACRONYM =
  /(?<![\p{L}\p{N}&])\p{Lu}[\p{Lu}\p{N}&]*\p{Lu}[\p{Lu}\p{N}]*(?=(?:s|'s|’s)?(?![\p{L}\p{N}]))/gu;
const ROMAN_NUMERAL = /^(?=[MDCLXVI])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

/** Whether a text is written mostly in capitals, where capitals say nothing of acronyms. */
function shouted(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 12 && capitals > letters / 2;
}

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

const NONE: readonly string[] = [];

// One regex of every term, longest first, compiled once per glossary. Matching whole text with it
// finds "ASD" inside "ASD-related" and "ASD's" too; word edges are checked where it matches.
interface Pattern {
  readonly regex: RegExp;
  readonly terms: ReadonlyMap<string, string>;
  /**
   * What each of an item's fields says of the terms: one function for each pattern, as it is
   * the key of what an item remembers.
   */
  readonly readItem: (item: CheckedItem) => readonly JargonIn[];
  /** The terms an item's fields explain. */
  readonly explainsOfItem: (item: CheckedItem) => readonly string[];
}
const patterns = new Map<string, Pattern>();
// The checker gives the very glossary object while the settings stay, so most checks find the
// pattern by identity without joining the glossary into a key.
const byGlossary = new WeakMap<object, Pattern>();
function patternFor(config: ResolvedConfig): Pattern {
  // The allowed terms and whether acronyms are judged come from the same settings as the glossary.
  const known = byGlossary.get(config.glossary);
  if (known) return known;
  const entry = patternOf(config);
  byGlossary.set(config.glossary, entry);
  return entry;
}

function patternOf(config: ResolvedConfig): Pattern {
  const { glossary } = config;
  const list = Object.keys(glossary).sort((a, b) => b.length - a.length);
  const acronyms: AcronymRule | null = config.judgeAcronyms
    ? { allowed: new Set(config.glossaryAllowed) }
    : null;
  // The explanations too: what is remembered by the pattern (readings, findings) says them.
  const key = [
    list.map((t) => `${t}\u0001${glossary[t]}`).join("\u0000"),
    acronyms ? [...acronyms.allowed].sort().join("\u0000") : "\u0002",
  ].join("\u0003");
  let entry = patterns.get(key);
  if (!entry) {
    if (patterns.size >= 16) patterns.clear();
    // \b keeps the regex from stopping inside words ("ta" in "start"); letters beyond ASCII are
    // checked where it matches.
    const source = `\\b(?:${list.map((t) => escape(t).replace(/\s+/g, "\\s+")).join("|")})\\b`;
    // Without the u flag, case-insensitive matching of the ASCII terms is several times faster.
    const regex = new RegExp(list.length ? source : "(?!)", "gi");
    const terms = new Map(list.map((t) => [t.toLowerCase().replace(/\s+/g, " "), t]));
    const readItem = (item: CheckedItem) =>
      item.fields.map((f) => jargonIn(f.text, regex, terms, acronyms));
    const explainsOfItem = (item: CheckedItem) => {
      const explains = item.derived(readItem).flatMap((read) => read.explains);
      return explains.length === 0 ? NONE : explains;
    };
    entry = { regex, terms, readItem, explainsOfItem };
    patterns.set(key, entry);
  }
  return entry;
}

/** How acronyms the glossary does not know are judged: every one but those allowed. */
interface AcronymRule {
  readonly allowed: ReadonlySet<string>;
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
function jargonIn(
  text: string,
  regex: RegExp,
  terms: ReadonlyMap<string, string>,
  acronyms: AcronymRule | null,
): JargonIn {
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
  if (acronyms) {
    const glossaryFound = found.length;
    let loud: boolean | undefined;
    for (const m of text.matchAll(ACRONYM)) {
      const word = m[0];
      const from = m.index;
      if (terms.has(word.toLowerCase()) || acronyms.allowed.has(word)) continue;
      if (PLAIN_ABBREVIATIONS.has(word) || ROMAN_NUMERAL.test(word)) continue;
      // Counted only once a field has a run of capitals, as few have.
      if ((loud ??= shouted(text))) break;
      named.add(word);
      quotes ??= quotedRanges(text);
      if (inRanges(quotes, from)) continue;
      found.push({ from, to: from + word.length, term: word });
    }
    if (found.length > glossaryFound) found.sort((a, b) => a.from - b.from);
  }
  const lower = named.size > 0 ? text.toLowerCase() : "";
  return { terms: found, explains: [...named].filter((t) => explainedIn(text, lower, t)) };
}

/**
 * The words of the names the plan gives people, in capitals: "Noah ADEYEMI" writes a surname,
 * not an acronym.
 */
function namesOf(plan: Plan): { set: ReadonlySet<string>; key: string } {
  const { child, caseworker } = plan.meta;
  const words = [child.fullName, child.preferredName, caseworker.name]
    .join(" ")
    .toUpperCase()
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((w) => w.length > 1);
  const set = new Set(words);
  return { set, key: [...set].sort().join(" ") };
}

interface RunFindings {
  /** The terms the run reported: an item with the same id later in the plan skips them. */
  readonly reported: ReadonlySet<string>;
  readonly explained: string;
  readonly names: string;
  readonly pattern: Pattern;
  readonly items: readonly CheckedItem[];
  readonly findings: readonly RuleFinding[];
}

// What a run of items with one target gave, by its first item: an unchanged item keeps its
// entry, so a re-check after typing elsewhere rebuilds none of its findings.
const byRun = new WeakMap<CheckedItem, RunFindings>();

function findingsOf(
  items: readonly CheckedItem[],
  pattern: Pattern,
  explained: ReadonlySet<string>,
  reported: Set<string>,
  glossary: Readonly<Record<string, string>>,
  names: ReadonlySet<string>,
  out: RuleFinding[],
): void {
  for (const item of items) {
    const read = item.derived(pattern.readItem);
    item.fields.forEach((field, i) => {
      // A person's own quoted words are never corrected.
      if (field.quoted) return;
      const { text } = field;
      for (const { from, to, term } of read[i]!.terms) {
        // Once per item: the same term again in it is the same advice.
        if (reported.has(term) || explained.has(term) || names.has(term)) continue;
        reported.add(term);
        const written = text.slice(from, to);
        const meaning = glossary[term];
        out.push({
          section: field.section,
          target: field.target,
          path: field.path,
          range: { from, to },
          message: meaning
            ? `${field.label} uses '${written}'. Say it in plain words, or explain it once in the plan, e.g. "${meaning} (${written})".`
            : `${field.label} uses '${written}', which the plan does not explain. Say it in plain words, or write once what it stands for in brackets after it: "${written} (…)".`,
        });
      }
    });
  }
}

// The terms the plan explains, as a key, kept while no item's explanations change: a re-check
// after typing builds no key from the whole plan, and compares one array for each item.
let lastExplains: readonly (readonly string[])[] = [];
let lastExplained = { set: new Set<string>(), key: "" };
let lastPattern: Pattern | undefined;

function explainedTerms(items: readonly CheckedItem[], pattern: Pattern) {
  let same = lastPattern === pattern && lastExplains.length === items.length;
  for (let i = 0; i < items.length && same; i++)
    same = lastExplains[i] === items[i]!.derived(pattern.explainsOfItem);
  if (same) return lastExplained;
  const explains = items.map((item) => item.derived(pattern.explainsOfItem));
  lastExplains = explains;
  lastPattern = pattern;
  // Explained anywhere counts everywhere, a person's quoted words included.
  const set = new Set<string>();
  for (const e of explains) for (const term of e) set.add(term);
  lastExplained = { set, key: [...set].sort().join("\u0000") };
  return lastExplained;
}

export const jargon: RuleCheck = ({ plan, items, config }) => {
  const pattern = patternFor(config);
  const names = namesOf(plan);
  const { set: explained, key: explainedKey } = explainedTerms(items, pattern);
  // Items in a row with one target are one run (the budget's items and notes are all Section
  // J); an id two items share is reported once in all of them.
  let reportedOf: Map<string, ReadonlySet<string>> | undefined;
  const findings: RuleFinding[] = [];
  for (let start = 0; start < items.length;) {
    const target = items[start]!.fields[0]?.target;
    let end = start + 1;
    if (target === undefined) {
      start = end;
      continue;
    }
    while (end < items.length && (items[end]!.fields[0]?.target ?? target) === target) end++;
    const first = items[start]!;
    const again = reportedOf?.get(target);
    const known = again ? undefined : byRun.get(first);
    let same =
      known !== undefined &&
      known.explained === explainedKey &&
      known.names === names.key &&
      known.pattern === pattern &&
      known.items.length === end - start;
    for (let i = start; i < end && same; i++) same = known!.items[i - start] === items[i];
    if (same) {
      for (const f of known!.findings) findings.push(f);
      if (known!.reported.size > 0) (reportedOf ??= new Map()).set(target, known!.reported);
    } else {
      const reported = new Set<string>(again);
      const own: RuleFinding[] = [];
      const run = items.slice(start, end);
      findingsOf(run, pattern, explained, reported, config.glossary, names.set, own);
      if (!again)
        byRun.set(first, {
          reported,
          explained: explainedKey,
          names: names.key,
          pattern,
          items: run,
          findings: own,
        });
      if (reported.size > 0) (reportedOf ??= new Map()).set(target, reported);
      for (const f of own) findings.push(f);
    }
    start = end;
  }
  return findings;
};
