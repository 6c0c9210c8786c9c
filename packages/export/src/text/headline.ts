/** Words a short heading may stop before: each starts a phrase that says how, why or where. */
const BREAK_WORDS = new Set([
  "after",
  "as",
  "at",
  "because",
  "before",
  "during",
  "for",
  "from",
  "given",
  "how",
  "if",
  "in",
  "on",
  "so",
  "that",
  "through",
  "to",
  "until",
  "using",
  "what",
  "when",
  "where",
  "which",
  "while",
  "who",
  "with",
  "within",
  "without",
]);
/** Words a heading cut at its word limit must not end on: it would read as broken off. */
const DANGLING = new Set([
  ...BREAK_WORDS,
  "a",
  "an",
  "and",
  "be",
  "but",
  "by",
  "her",
  "his",
  "is",
  "its",
  "of",
  "or",
  "the",
  "their",
  "will",
]);
/**
 * Words that describe a noun rather than name one: compounds ("play-based", "child-led",
 * "one-to-one"), the commonest endings of English adjectives ("intensive", "sensory") and
 * participles ("structured"; not "need", "speed").
 */
const DESCRIBES_A_NOUN = /^[a-z]+-[a-z-]+$|(?:ive|ous|ful|ical|ional|ual|ory)$|^[a-z]{3,}[^e]ed$/;
/** Openings of a clause that says when, which an outcome's heading passes over ("By July 2027,"). */
const WHEN_OPENING = /^(?:by|when|if|after|before|once|until|from|at|in|during|every|each)\b/i;
/** A date an outcome opens with, comma or not: "By July 2027", "By the end of Year 5". */
const BY_DATE = /^by\s+(?:the\s+end\s+of\s+)?(?:(?:[a-z]+\s+)?\d{4}|year\s+\d+)\b,?\s*/i;
/** Where a clause ends: a comma, a semicolon, a colon, a full stop, a bracket or a dash. */
const CLAUSE_END = /[,;:.!?]\s|[,;:.!?]$|\s[([–—-]\s?/u;

/**
 * A heading's few words from the start of a text, never cutting a word and never ending on a word
 * that leaves it hanging: the first clause when it is short, else the words before the first
 * phrase of how, why or where, else as many words as allowed. `skipWhen` passes over opening
 * clauses that say when (an outcome's "By July 2027, when a plan changes, Tilly will …").
 */
export function headline(text: string, { maxWords = 8, skipWhen = false } = {}): string {
  let rest = (text.split("\n").find((line) => line.trim() !== "") ?? "").trim();
  if (skipWhen) rest = rest.replace(BY_DATE, "") || rest;
  for (;;) {
    const end = CLAUSE_END.exec(rest);
    const clause = end ? rest.slice(0, end.index) : rest;
    const next = end ? rest.slice(end.index + end[0].length).trim() : "";
    const whenClause =
      WHEN_OPENING.test(clause) && clause.split(/\s+/).length <= 8 && !/\bwill\b/i.test(clause);
    if (skipWhen && whenClause && end?.[0].startsWith(",") && next) rest = next;
    else break;
  }
  const end = CLAUSE_END.exec(rest);
  const words = (end ? rest.slice(0, end.index) : rest).split(/\s+/).filter(Boolean);
  if (words.length <= maxWords) return words.join(" ");
  const minWords = Math.min(4, maxWords);
  for (let i = minWords; i <= maxWords; i++) {
    if (BREAK_WORDS.has((words[i] ?? "").toLowerCase())) return words.slice(0, i).join(" ");
  }
  const kept = words.slice(0, maxWords);
  const hanging = () => {
    const last = (kept[kept.length - 1] ?? "").toLowerCase();
    // A word that describes a noun the cut left out ("a programme of play-based") hangs too.
    return DANGLING.has(last) || (kept.length > minWords && DESCRIBES_A_NOUN.test(last));
  };
  while (kept.length > 1 && hanging()) kept.pop();
  return kept.join(" ");
}
