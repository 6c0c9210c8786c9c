import { formatJsonPath, type Outcome } from "@ehcp/schema";
import type { RuleCheck, RuleContext, RuleFinding } from "../Rule.js";
import { accessedThing } from "../text/accessedThing.js";
import { hasFrequency } from "../text/findFrequency.js";
import { isNumberWord } from "../text/numbers.js";
import { PhraseMatcher } from "../text/PhraseMatcher.js";
import { isNegated } from "../text/textHelpers.js";
import { readClauses } from "../text/readClauses.js";
import { type SettingWords, settingWords } from "../text/settingWords.js";
import { findVagueness, regularHasInterval } from "../text/vagueness.js";
import type { LanguageReading, LanguageWord } from "../text/readLanguage.js";
import type { Token } from "../text/tokenize.js";

function eachOutcome(
  { thread, fieldAt, perField, languageAt, plan }: RuleContext,
  check: (
    o: Outcome,
    label: string,
    path: string,
    text: string,
    tokens: readonly Token[],
    language: () => LanguageReading,
    where: SettingWords,
  ) => RuleFinding | readonly RuleFinding[] | null,
  // A rule that reads only the statement's words is remembered by them between checks.
  wordsOnly?: string,
): RuleFinding[] {
  // The examples in messages name the child's setting, so it is part of what they depend on.
  const where = settingWords(plan);
  // Remembered apart for each setting, so no statement's key is built again for it.
  const remembered = `${wordsOnly}\u0000${where.setting}`;
  return thread.outcomes.flatMap(({ outcome: o, index, label }) => {
    const path = formatJsonPath(["sections", "E", "outcomes", index]);
    const { text, tokens } = fieldAt(`${path}.statement`);
    const run = () =>
      check(o, label, path, text, tokens, () => languageAt(`${path}.statement`), where);
    const found = wordsOnly
      ? perField(remembered, { path: `${path}.statement`, text, label, target: o.id }, run)
      : run();
    return found ?? [];
  });
}

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december";
const TIME_IN_WORDS = new RegExp(
  `\\b(?:by|before|within|until|at the end of)\\b[^.;]{0,40}?\\b(?:${MONTHS}|20\\d\\d|year \\d+|key stage \\d|the end of|age \\d+|\\d+ (?:weeks|months)|(?:one|two|three|four|five|six|nine|twelve) (?:weeks|months)|christmas|easter|summer|autumn|spring)\\b`,
  "i",
);

export const outcomeNotTimeBound: RuleCheck = (context) =>
  eachOutcome(context, (o, label, path, text, _tokens, _language, where) =>
    o.byWhen !== null || TIME_IN_WORDS.test(text)
      ? null
      : {
          section: "E",
          target: o.id,
          path: `${path}.byWhen`,
          message: `${label} has no date by which it should be met. Set "by when", e.g. the end of the ${where.setting} year or the next key stage.`,
        },
  );

// Change with no yardstick: "will improve", "will be happier", "will manage her emotions".
const VAGUE_CHANGE = new PhraseMatcher([
  "improve",
  "improves",
  "improved",
  "improving",
  "improvement",
  "improvements",
  "develop",
  "develops",
  "developed",
  "developing",
  "progress",
  "make progress",
  "increase",
  "increased",
  "increasing",
  "enhance",
  "enhanced",
  "reduce",
  "reduced",
  "decrease",
  // A change named as a thing shown: "show a reduction in", "an increase in".
  "reduction",
  "reductions",
  "decreases",
  "increases",
  "good listening",
  "good attention",
  "good social",
  "good communication",
  "appropriate behaviour",
  "appropriately",
  "build",
  "build on",
  "strengthen",
  "extend",
  "gain",
  "work towards",
  "working towards",
  "work on",
  "working on",
  "get better",
  "grow",
  "grows",
  "begin to",
  "start to",
  "happier",
  "calmer",
  "settled",
  "happy",
  "content",
  "included",
  "secure",
  "positive",
  "motivated",
  "greater",
  "more",
  "less",
  "fewer",
  "better",
  "confident",
  "confidence",
  "self-esteem",
  "wellbeing",
  "well-being",
  "resilience",
  "resilient",
  "be aware",
  "awareness",
  "feel",
  "feels",
  "understand",
  "understanding",
  "enjoy",
  "engage",
  "engagement",
  "participate",
  "interact",
  "manage",
  "regulate",
  "cope",
  "potential",
  "maintain",
  "know",
  "appreciate",
  "achieve",
  "be ready",
  "be prepared",
  "be able to access",
]);

const MEASURE = new Set([
  "out",
  "independently",
  "unaided",
  "every",
  "each",
  "all",
  "always",
  "level",
  "levels",
  "age-related",
  "standard",
  "score",
  "scores",
  "percent",
  "accurately",
  "consistently",
  "daily",
  "weekly",
  "termly",
  "grade",
  "band",
  "phase",
  "criteria",
  "criterion",
  "measured",
]);

const MONTH_WORDS = new Set(MONTHS.split("|"));
// Words after which a count is a time, not a measure: "Year 5", "Key Stage 2", "age 11".
const TIME_BEFORE = new Set(["year", "years", "y", "stage", "ks", "age", "aged", "term"]);
const SPAN_UNITS = new Set(["weeks", "months", "terms", "years", "week", "month", "term", "year"]);
const SPAN_BEFORE = new Set(["within", "in", "after", "over", "next", "the", "for"]);

/** A count that is a date or a span of time: a date says when, not how much. */
function isTimeCount(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (/^(?:19|20)\d\d$/.test(t.norm)) return true;
  const prev = tokens[i - 1]?.norm ?? "";
  const next = tokens[i + 1]?.norm ?? "";
  if (TIME_BEFORE.has(prev)) return true;
  if (MONTH_WORDS.has(prev) || MONTH_WORDS.has(next)) return true;
  if (SPAN_UNITS.has(next) && SPAN_BEFORE.has(prev)) return true;
  return false;
}

// "Her current level", "his present levels of attainment": a level no one has stated, which the
// reviewer cannot check against; "level 3", "his level 3 reading book" state one.
const UNSTATED_LEVEL = /^(?:current|present|existing|usual|same|previous|own)$/;
const isStatedMeasure = (tokens: readonly Token[], i: number): boolean => {
  const t = tokens[i] as Token;
  if (!MEASURE.has(t.norm)) return false;
  if (t.norm !== "level" && t.norm !== "levels") return true;
  const before = tokens.slice(Math.max(0, i - 3), i).map((w) => w.norm);
  if (!before.some((w) => UNSTATED_LEVEL.test(w))) return true;
  return /^\d/.test(tokens[i + 1]?.norm ?? "") || isNumberWord(tokens[i + 1]?.norm ?? "");
};

// A change from one stated step to another: "from book band 4 to book band 6", "from two-word
// to four-word sentences". Where the child ends is counted, so the reviewer can check it.
const FROM_TO = /\bfrom\s+([^.;:,]{1,40}?)\s+to\s+([^.;:,]{1,30})/i;
const COUNTED_STEP =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|single|first|second|third)\b/i;
const fromStepToStep = (text: string): boolean => {
  const m = FROM_TO.exec(text);
  return !!m && COUNTED_STEP.test(m[2] ?? "") && COUNTED_STEP.test(m[1] ?? "");
};

const hasMeasure = (tokens: readonly Token[], text: string): boolean =>
  fromStepToStep(text) ||
  /%|\bwithout (?:any )?(?:prompting|prompts|prompt|adult|help|support|reminders|reminder|assistance)\b|\breading age\b|\bspelling age\b|\bat least\b|\bno more than\b|\bwords (?:a|per) minute\b|\bon his own\b|\bon her own\b|\bon their own\b/i.test(
    text,
  ) ||
  hasFrequency(tokens) ||
  tokens.some(
    (_, i) => (isCount(tokens, i, text) && !isTimeCount(tokens, i)) || isStatedMeasure(tokens, i),
  );

/** A number that counts something: not "one" standing for a thing ("when she needs one"). */
function isCount(tokens: readonly Token[], i: number, text: string): boolean {
  const t = tokens[i] as Token;
  if (!isNumberWord(t.norm)) return false;
  if (t.norm !== "one") return true;
  const next = tokens[i + 1];
  return next !== undefined && !/[,.;:!?]/.test(text.slice(t.end, next.start));
}

// Verbs of a change in the child that no one can observe as such, in any of their forms
// ("strengthens", "has broadened", "deepening"): the lemma decides, not a list of spellings.
const CHANGE_LEMMAS = new Set(
  (
    "improve develop progress increase enhance reduce decrease build strengthen extend gain grow " +
    "understand enjoy engage participate interact manage regulate cope maintain know appreciate " +
    "achieve boost consolidate broaden widen deepen expand foster nurture promote embed " +
    "strengthen lessen minimise minimize raise advance heighten sustain secure establish"
  ).split(" "),
);

const lemmasOf = (w: LanguageWord): string[] => [
  w.lemma,
  w.norm.replace(/ied$/, "y"),
  w.norm.replace(/ed$/, ""),
  w.norm.replace(/d$/, ""),
];

/** The first verb of change in the statement's clauses that no negation governs. */
function changeVerb(reading: LanguageReading): { start: number; end: number } | null {
  for (const sentence of reading.sentences) {
    for (let i = 0; i < sentence.words.length; i++) {
      const w = sentence.words[i] as LanguageWord;
      // The model can take a participle after "will have" for an adjective ("consolidated").
      const verbal = w.pos === "VERB" || (w.pos === "ADJ" && sentence.words[i - 1]?.pos === "AUX");
      if (!verbal || w.negated || !lemmasOf(w).some((l) => CHANGE_LEMMAS.has(l))) continue;
      // "Her key worker will understand…": the adults' doing, not a change in the child.
      const before = sentence.words[i - 1];
      const subject = sentence.words[i - 2];
      if (before?.norm === "will" && subject && ADULT_SUBJECT.has(subject.norm)) continue;
      return { start: w.start, end: w.end };
    }
  }
  return null;
}

// A norm named as the yardstick: the level typical of an age, the child's peers, the expected.
const NORM =
  /^(?:age-related|age-appropriate|age-expected|age-typical|expected|typical|potential|peers|peer)$/;
// What places the child against the norm: a test, a score, an assessment, a count.
const INSTRUMENT =
  /\b(?:assess\w*|tests?|tested|scores?|scored|standardi[sz]ed|screening|checklist|profile|reading age|spelling age|%|percent|sats?|gcses?|grades?)\b/i;

function normOnly(tokens: readonly Token[], text: string): { start: number; end: number } | null {
  const i = tokens.findIndex(
    (t, k) =>
      NORM.test(t.norm) ||
      (t.norm === "line" && tokens[k - 1]?.norm === "in" && tokens[k + 1]?.norm === "with") ||
      (t.norm === "catch" && tokens[k + 1]?.norm === "up"),
  );
  if (i < 0 || INSTRUMENT.test(text)) return null;
  if (
    tokens.some((t, k) => (isNumberWord(t.norm) || /^\d/.test(t.norm)) && !isTimeCount(tokens, k))
  )
    return null;
  const t = tokens[i] as Token;
  return { start: t.start, end: t.end };
}

// "Will have ways to calm himself", "a range of strategies", "the skills to make friends": means
// the child holds, which no one can see until the child uses them.
const MEANS =
  /^(?:ways?|tools?|strategies|strategy|skills?|techniques?|methods?|means|ideas?|range)$/;
function havesMeans(tokens: readonly Token[], text: string): { start: number; end: number } | null {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]?.norm !== "will" || tokens[i + 1]?.norm !== "have") continue;
    const next = tokens
      .slice(i + 2, i + 5)
      .find((t) => !/^(?:a|an|the|some|more|new|his|her|their|own)$/.test(t.norm));
    if (next && MEANS.test(next.norm) && !isNegated(tokens, i, text))
      return { start: (tokens[i] as Token).start, end: next.end };
  }
  return null;
}

// A condition on whether the act can be done ("if possible", "when places allow") makes the act
// doubtful, not its measure: when it is done, the reviewer can still check it. One that leaves
// to a judgement whether the act is due at all ("when appropriate", "if she wants to", "as
// needed", "as agreed") leaves the reviewer nothing to check it against.
const ON_MEANS =
  /\b(?:possible|is able|are able|can|could|availab\w*|allows?|permit\w*|staffing|staff|capacity|funding|places|resources)\b/;
const HOW_OFTEN_OPEN = /^(?:as and when|whenever)\b/;
// "As much as he can", "as far as she is able": the amount is whatever the child manages.
const HOW_MUCH_OPEN = /^(?:as much as|as far as|as best|as well as)\b/;
const REGULAR = new Set(["regular", "regularly"]);
// Hedges that say "most times", not "perhaps" ("ideally", "hopefully" hedge whether it happens).
const MOST_TIMES = /^(?:usually|generally|normally|typically|mostly|mainly|largely|commonly)$/;

/**
 * The words that leave an outcome's measure to whoever reviews it, when nothing else in the
 * statement gives one (CoP 9.66: at the review anyone must be able to tell whether the outcome
 * was met): a vague frequency ("sometimes", "most days"), an amount that counts nothing ("a few
 * sentences", "a range of words", "appropriate behaviour"), or a condition that leaves to a
 * judgement whether the act is due ("when appropriate"). Support given with a checkable act
 * ("with appropriate help") and an approximate count ("about 10 minutes") leave the act itself
 * checkable, which vague-wording reports.
 */
function measureLeftOpen(
  text: string,
  tokens: readonly Token[],
  childName: string,
): { start: number; end: number; condition: boolean } | null {
  const spans: { start: number; end: number; kind: string }[] = [
    ...findVagueness(text, tokens, childName, false, false),
  ];
  tokens.forEach((t, i) => {
    if (REGULAR.has(t.norm) && !regularHasInterval(tokens, i, text) && !isNegated(tokens, i, text))
      spans.push({ kind: "frequency", start: t.start, end: t.end });
  });
  if (spans.length === 0) return null;
  // What the statement says once every vague span is set aside.
  const inSpan = (t: Token) => spans.some((s) => t.start < s.end && t.end > s.start);
  const rest = tokens.filter((t) => !inSpan(t));
  let restText = text;
  for (const s of spans)
    restText = restText.slice(0, s.start) + " ".repeat(s.end - s.start) + restText.slice(s.end);
  // A criterion ("without a prompt", "on his own") checks an act; only a count checks how often
  // or how many ("writes a few sentences independently" is still a few).
  const criterion = hasMeasure(rest, restText);
  if (criterion) {
    const counted =
      /%/.test(restText) ||
      hasFrequency(rest) ||
      rest.some(
        (t) =>
          (isCount(tokens, tokens.indexOf(t), restText) &&
            !isTimeCount(tokens, tokens.indexOf(t))) ||
          /^(?:every|each|all|always|daily|weekly|termly|out)$/.test(t.norm),
      );
    if (counted) return null;
  }
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const words = text.slice(span.start, span.end).toLowerCase();
    const amount =
      span.kind === "frequency" ||
      // "Will generally follow the routine": a hedge on how often, not on whether.
      (span.kind === "hedge" && MOST_TIMES.test(words)) ||
      (span.kind === "estimate" && !/\d/.test(words) && !words.split(/\s+/).some(isNumberWord)) ||
      (span.kind === "empty" && !/^with\b/.test(words)) ||
      // "Will access the curriculum": no act of the child's to check.
      (span.kind === "access" &&
        /access$/.test(words) &&
        accessedThing(
          tokens,
          tokens.findIndex((t) => t.end === span.end),
          text,
        ) === "learning");
    const judged =
      (span.kind === "condition" || span.kind === "deferral") &&
      (HOW_OFTEN_OPEN.test(words) || HOW_MUCH_OPEN.test(words) || !ON_MEANS.test(words)) &&
      // "With support as needed": the condition is on the help, not on the child's act.
      !spans.some(
        (s) =>
          s.kind === "empty" &&
          /^with\b/i.test(text.slice(s.start, s.end)) &&
          s.end <= span.start &&
          /^\s*$/.test(text.slice(s.end, span.start)),
      );
    if (amount || (judged && !criterion))
      return { start: span.start, end: span.end, condition: judged && !amount };
  }
  return null;
}

// An example of a measure in the area the outcome is about, so the advice fits the item: a
// handwriting outcome is not told to count words read a minute.
const EXAMPLES: readonly [RegExp, (pronoun: string, where: SettingWords) => string][] = [
  [/\b(?:read\w*|phonics|books?)\b/i, (p) => `will read 40 words a minute in a book at ${p} level`],
  [
    /\b(?:writ\w*|handwriting|spell\w*)\b/i,
    () => "will write three sentences with capital letters and full stops",
  ],
  [
    /\b(?:maths|number\w*|count\w*)\b/i,
    () => "will recall number bonds to 10 in 8 of 10 questions",
  ],
  [
    /\b(?:friend\w*|social|peers?|play\w*|relationships?)\b/i,
    (_, w) => `will play a game with a friend at ${w.play} on 3 days a week`,
  ],
  [
    /\b(?:communicat\w*|language|speech|vocabulary|talk\w*|speak\w*|words?)\b/i,
    () => "will use 50 new words to ask for things at snack time",
  ],
  [
    /\b(?:emotion\w*|feel\w*|anxi\w*|calm\w*|behaviour|frustration|anger|regulat\w*|resilien\w*|confiden\w*|worr\w*)\b/i,
    (p, w) =>
      `will use ${p} calm card and come back to ${w.room} within 10 minutes on 4 of 5 occasions`,
  ],
  [
    /\b(?:independen\w*|self-care|dress\w*|organis\w*|organiz\w*|routine)\b/i,
    (p, w) =>
      w.setting === "nursery"
        ? `will put on ${p} coat and shoes for outdoor play without help`
        : "will get dressed after PE without help in under ten minutes",
  ],
];

function exampleFor(text: string, pronoun: string, where: SettingWords): string {
  const found = EXAMPLES.find(([area]) => area.test(text));
  if (found) return found[1](pronoun, where);
  return where.setting === "nursery"
    ? "will answer a question at group time in 3 sessions a week"
    : `will answer a question in front of the class in 3 ${where.periods} a week`;
}

export const outcomeNotMeasurable: RuleCheck = (context) =>
  eachOutcome(
    context,
    (o, label, path, text, tokens, language, where) => {
      if (text.trim() === "") {
        return {
          section: "E",
          target: o.id,
          path: `${path}.statement`,
          message: `${label} has no statement. Say what ${context.childName} will be able to do, and how anyone will know.`,
        };
      }
      // "Reach age-related expectations", "in line with his peers": a norm is a yardstick only
      // with the test or the count that says where the child stands against it.
      const open = measureLeftOpen(text, tokens, context.childName);
      // What others give the child is outcome-is-provision's to report, with its own vagueness.
      if (
        open &&
        !provisionWords(tokens, text) &&
        !provisionClause(language(), context.childName.toLowerCase())
      ) {
        const words = text.slice(open.start, open.end);
        return {
          section: "E",
          target: o.id,
          path: `${path}.statement`,
          range: { from: open.start, to: open.end },
          message: open.condition
            ? `${label} says '${words}', which leaves it to a judgement at the time whether ${context.childName} should do it, so no one can tell at the review whether it was met. Say when and how often, e.g. "each time ${context.childPossessive} ${where.adult} asks, in 4 of 5 ${where.periods}".`
            : `${label} says '${words}', which does not say how often or how many, so no one can tell at the review whether it was met. Give a count or a proportion, e.g. "on 4 of 5 days" or "three sentences".`,
        };
      }
      const norm = normOnly(tokens, text);
      // "A reduced timetable": a word describing a thing, not a change in the child.
      if (!norm && hasMeasure(tokens, text)) return null;
      const single = norm ?? havesMeans(tokens, text);
      // Every change left unmeasured is its own finding ("be happier", "make good progress"), so
      // putting one right does not uncover the next only at the next check.
      const changes: { start: number; end: number }[] = single
        ? [single]
        : VAGUE_CHANGE.find(tokens).filter(
            (m) =>
              !isNegated(tokens, m.index, text) &&
              // "Staff will understand her needs": what the adults do, which is provision.
              !(
                tokens[m.index - 1]?.norm === "will" &&
                ADULT_SUBJECT.has(tokens[m.index - 2]?.norm ?? "")
              ) &&
              !(
                /ed$/.test(tokens[m.index]?.norm ?? "") &&
                /^(?:a|an|the)$/.test(tokens[m.index - 1]?.norm ?? "")
              ),
          );
      if (changes.length === 0) {
        const verb = changeVerb(language());
        if (verb) changes.push(verb);
      }
      // "Staff will understand her needs": the adults' doing, which outcome-is-provision reports.
      const adults = provisionClause(language(), context.childName.toLowerCase());
      const findings: RuleFinding[] = [];
      let quotedTo = -1;
      for (const change of changes) {
        if (adults && change.start >= adults.start && change.end <= adults.end) continue;
        const quoted = changeQuoted(tokens, text, change, quotedTo);
        // A change inside the words already quoted ("more confident" in "become more
        // confident") is the same finding.
        if (quoted.start < quotedTo) continue;
        findings.push({
          section: "E",
          target: o.id,
          path: `${path}.statement`,
          range: rangeOf(quoted),
          message: `${label} says ${changeSaid(tokens, text, change, context.childName, quotedTo)} but not by how much. Give something anyone can observe or count, e.g. "${exampleFor(text, context.childPossessive, where)}" or "in 4 out of 5 ${where.periods}".`,
        });
        quotedTo = quoted.end;
      }
      return findings;
    },
    "outcome-not-measurable",
  );

const rangeOf = (s: { start: number; end: number }) => ({ from: s.start, to: s.end });

// Words that leave what changes to the next word: "more confident", "feel happier".
const COMPARATIVE =
  /^(?:more|less|fewer|better|greater|increasingly|feel|feels|become|becomes|seem|seems|get|gets)$/;

/**
 * The change an outcome states, quoted as the writer put it: from the word after "will" (in the
 * same sentence, a few words before) to the end of the vague words, and the word a comparative
 * leaves open ("Noah will 'become more confident'"), rather than the vague word alone after a
 * "will" it does not follow ("Noah will 'more'").
 */
function changeSaid(
  tokens: readonly Token[],
  text: string,
  change: { readonly start: number; readonly end: number },
  childName: string,
  after = -1,
): string {
  const quoted = changeQuoted(tokens, text, change, after);
  const words = `'${text.slice(quoted.start, quoted.end)}'`;
  return quoted.afterWill ? `${childName} will ${words}` : words;
}

/** Where the words `changeSaid` quotes stand, so the underline covers what the message quotes. */
function changeQuoted(
  tokens: readonly Token[],
  text: string,
  change: { readonly start: number; readonly end: number },
  // Where the change quoted before this one ends: its "will" is not this one's.
  after = -1,
): { start: number; end: number; afterWill: boolean } {
  const first = tokens.findIndex((t) => t.start >= change.start);
  let last = tokens.findIndex((t) => t.end >= change.end);
  if (first < 0 || last < 0) return { start: change.start, end: change.end, afterWill: false };
  const unbroken = (from: number, to: number) => !/[.;:!?]/.test(text.slice(from, to));
  const next = tokens[last + 1];
  if (
    COMPARATIVE.test(tokens[last]?.norm ?? "") &&
    next &&
    unbroken(tokens[last]!.end, next.start)
  ) {
    last += 1;
  }
  const end = tokens[last]!.end;
  for (let i = first - 1; i >= Math.max(0, first - 6); i--) {
    if (tokens[i]!.start < after || !unbroken(tokens[i]!.end, tokens[i + 1]!.start)) break;
    if (tokens[i]!.norm === "will" && i + 1 <= first) {
      return { start: tokens[i + 1]!.start, end, afterWill: true };
    }
  }
  return { start: tokens[first]!.start, end, afterWill: false };
}

// An outcome says what the child will do or gain; these say what the child will be given.
const GIVEN = new PhraseMatcher([
  "will receive",
  "will continue to receive",
  "will be given",
  "will be provided",
  "will be offered",
  "will be supported",
  "will be taught",
  "will be helped",
  "will be encouraged",
  "will be enabled",
  "will be allowed",
  "will be shown",
  "will be assisted",
  "will be prompted",
  "will be coached",
  "will be mentored",
  "will be seen by",
  "will be assessed by",
  "will be referred",
  "will be placed",
  "will access",
  "will continue to access",
  "will continue accessing",
  "will keep accessing",
  "will carry on accessing",
  "will still access",
  "will continue receiving",
  "will keep receiving",
  "will carry on receiving",
  "will still receive",
  "will have access",
  "will continue to have",
  "will be provided with",
  "is provided",
  "are provided",
  "will be delivered",
  "will be put in place",
  "will be in place",
  "will be made available",
  "will be available to",
  "will be implemented",
  "will be arranged",
  "will be set up",
]);

// The adults as the subject: "staff will model", "the TA will support Mia".
const ADULT_SUBJECT = new Set([
  "staff",
  "adults",
  "adult",
  "school",
  "teacher",
  "teachers",
  "ta",
  "tas",
  "assistant",
  "senco",
  "therapist",
  "slt",
  "salt",
  "practitioner",
  "practitioners",
  "team",
  "we",
  "keyworker",
  "key-worker",
  "lsa",
  "mentor",
  "setting",
  "professionals",
  "parents",
  "college",
  "tutor",
  "worker",
]);
const ADULT_VERBS = new Set([
  "will",
  "to",
  "provide",
  "provides",
  "support",
  "supports",
  "deliver",
  "delivers",
  "ensure",
  "ensures",
  "offer",
  "offers",
  "model",
  "models",
  "give",
  "gives",
  "use",
  "uses",
  "run",
  "runs",
  "teach",
  "teaches",
  "prompt",
  "prompts",
  "remind",
  "check",
  "read",
  "meet",
  "plan",
  "share",
  "help",
  "helps",
  "encourage",
  "monitor",
]);
const WILL_HAVE = new PhraseMatcher([
  "will have",
  "will get",
  "will need",
  "will attend",
  "will continue to attend",
]);
const SUPPORT_NOUNS = new Set([
  "support",
  "1:1",
  "one-to-one",
  "help",
  "sessions",
  "session",
  "therapy",
  "adult",
  "assistant",
  "ta",
  "lsa",
  "intervention",
  "interventions",
  "programme",
  "provision",
  "equipment",
  "input",
  "resources",
  "place",
  "laptop",
  "strategies",
  "aids",
  "supervision",
  "keyworker",
  "mentor",
  "mentoring",
  "funding",
  "timetable",
  "mentor",
  "space",
  "room",
  "card",
  "aid",
  "pass",
  "worker",
  "key",
  "scribe",
  "reader",
  // Arrangements and equipment given to the child, which the child does not achieve.
  "extra",
  "additional",
  "pen",
  "device",
  "tablet",
  "computer",
  "seat",
  "cushion",
  "breaks",
  "passport",
  // Teaching of a kind the child is given: "will have travel training twice a week".
  "training",
  "tuition",
  "coaching",
  "counselling",
  "coach",
]);

const PARTICIPLE =
  /(?:ed|en|nt|ne)$|^(?:made|built|read|met|won|begun|got|kept|held|found|left|become)$/;
// Adjectives the endings above would take for participles: "will have independent travel
// training" is training given, not something the child will have done.
const NOT_PARTICIPLE =
  /^(?:independent|different|frequent|consistent|intensive|urgent|excellent|efficient|sufficient|recent|current|patient|pleasant|silent|dependent|extended|dedicated|specialist)$/;

const SUBJECT_LEAD = new Set([
  "the",
  "a",
  "an",
  "all",
  "class",
  "teaching",
  "key",
  "named",
  "school",
  "support",
  "speech",
  "and",
  "language",
  "occupational",
  "educational",
  "learning",
  "specialist",
]);

function opensClause(tokens: readonly Token[], i: number, text: string): boolean {
  let k = i;
  while (k > 0 && i - k < 5 && SUBJECT_LEAD.has((tokens[k - 1] as Token).norm)) k--;
  const start = (tokens[k] as Token).start;
  if (k === 0 || /[.,;:!?\n]\s*$/.test(text.slice(0, start))) return true;
  const before = (tokens[k - 1] as Token).norm;
  return /^\d{4}$/.test(before) || before === "that" || MONTH_WORDS.has(before);
}

const LESS = new Set(["less", "fewer", "reduced", "no", "minimal", "decreasing", "reducing"]);

function provisionWords(
  tokens: readonly Token[],
  text: string,
): { start: number; end: number } | null {
  const given = GIVEN.find(tokens).find(
    (m) =>
      !isNegated(tokens, m.index, text) &&
      // "Will access the library on his own", "her emails": the child's act, not a service.
      !(
        tokens[m.endIndex - 1]?.norm === "access" &&
        accessedThing(tokens, m.endIndex - 1, text) !== "service"
      ),
  );
  if (given) return given;
  const had = WILL_HAVE.find(tokens).find((m) => {
    const next = tokens[m.endIndex];
    if (!next || (PARTICIPLE.test(next.norm) && !NOT_PARTICIPLE.test(next.norm))) return false;
    if (LESS.has(next.norm)) return false;
    // "Will need to ask for help" is the child acting; "will attend 95% of sessions" a measure.
    if (next.norm === "to" || isNegated(tokens, m.index, text)) return false;
    const window = tokens.slice(m.endIndex, m.endIndex + 4);
    if (
      window.some(
        (t, k) =>
          /%$/.test(t.norm) ||
          (/^\d+$/.test(t.norm) && /^(?:of|out)$/.test(window[k + 1]?.norm ?? "")),
      )
    )
      return false;
    // "Will have ways to calm down", "a range of strategies": means the child holds.
    const first = window.find(
      (t) => !/^(?:a|an|the|some|more|new|his|her|their|own)$/.test(t.norm),
    );
    if (first && MEANS.test(first.norm)) return false;
    if (
      window.some(
        (t) => SUPPORT_NOUNS.has(t.norm) || (ADULT_SUBJECT.has(t.norm) && !FAMILY.has(t.norm)),
      )
    )
      return true;
    // "Will have his lunch with a member of staff", "his break times supervised by a midday
    // supervisor": an adult beside the child, which is what others provide.
    const clause = tokens.slice(m.endIndex, m.endIndex + 10);
    const end = clause.findIndex(
      (t, k) => k > 0 && /[.,;]/.test(text.slice((clause[k - 1] as Token).end, t.start)),
    );
    return (end < 0 ? clause : clause.slice(0, end)).some(
      (t, k, words) =>
        /^(?:with|by|beside)$/.test(t.norm) &&
        words
          .slice(k + 1, k + 5)
          .some((w) => ADULT_SUBJECT.has(w.norm) || /^(?:supervisor|member)$/.test(w.norm)),
    );
  });
  if (had) return had;
  // "Staff will provide...", "The TA will support Mia": the sentence is about the adults.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!ADULT_SUBJECT.has((tokens[i] as Token).norm)) continue;
    const verb = tokens[i + 1] as Token;
    if (!ADULT_VERBS.has(verb.norm)) continue;
    // "With her teacher, she will...", "ask an adult to help": the child acts. The adults are
    // the subject only when they open a clause ("By July 2027 the TA will support...").
    if (!opensClause(tokens, i, text)) continue;
    const after = tokens[i + 2];
    if (verb.norm === "will" || verb.norm === "to") {
      if (!after || !ADULT_VERBS.has(after.norm)) continue;
      return { start: (tokens[i] as Token).start, end: after.end };
    }
    return { start: (tokens[i] as Token).start, end: verb.end };
  }
  return null;
}

const WITNESS = new Set(
  // Adults who perceive the change in the child ("unfamiliar adults will understand her speech").
  "report record notice observe see say confirm agree describe note rate judge score assess measure find understand hear follow feel perceive recognise recognize".split(
    " ",
  ),
);
const FAMILY = new Set([
  "parents",
  "parent",
  "family",
  "carers",
  "carer",
  "mum",
  "dad",
  "mother",
  "father",
]);
const TITLES = new Set(["mr", "mrs", "ms", "miss", "mx", "dr"]);
const CHILD_PRONOUNS = new Set(["she", "he", "they", "i"]);
// Passives that describe the child's own state, not what is done to the child.
const STATES = new Set(
  (
    "include involve dress settle prepare engage motivate interest accept know toilet-train " +
    "toilet train seat qualify employ enrol enroll register understand hear invite choose " +
    "select elect pick recognise recognize assess judge rate score measure observe record report " +
    "note describe discharge test grade certify award see " +
    // Participles that are the child's state after "be": "will be settled", "be focused".
    "organise organize focus relax calm excite worry upset tire please satisfy concern attach " +
    "toilet-trained potty-train wean"
  ).split(" "),
);

/**
 * Who does what, read from the grammar: an adult as the subject ("her key adult will check in
 * with her"), or the child as the subject of a passive ("Mia will be reminded to…"), is
 * provision: what others do, not what the child achieves.
 */
function provisionClause(
  reading: LanguageReading,
  child: string,
): { start: number; end: number } | null {
  for (const sentence of reading.sentences) {
    let subject: readonly LanguageWord[] = [];
    for (const read of readClauses(sentence)) {
      // "Staff will understand her needs and adapt her lessons": the second verb's subject is
      // the first's.
      const joined = sentence.words.find(
        (w) => w.end <= read.start && w.end >= read.start - 5 && w.norm === "and",
      );
      // "Isla's needs": a possessive before a noun the model took for a verb is no clause.
      const tail = read.subject[read.subject.length - 1];
      if (tail && (tail.norm === "'s" || tail.norm === "’s")) continue;
      const own = read.subject.length > 0 ? read.subject : joined ? subject : [];
      subject = own;
      if (read.negated || read.verb === null || read.subordinate) continue;
      // A word quoted ("signs for 'help'") is named, not done.
      const at = sentence.words.indexOf(read.verb);
      if (/^['‘’"“”]$/.test(sentence.words[at - 1]?.norm ?? "")) continue;
      const head = own[own.length - 1];
      if (!head) continue;
      const clause = { ...read, subject: own, verb: read.verb };
      const adult = isAdultHead(head) || clause.subject.some((w) => TITLES.has(w.norm));
      // "Provided a member of staff can go with him": a condition on the child's act, which
      // vague-wording reports, not what the adults do for the child.
      if (adult && insideCondition(sentence.words, clause.start)) continue;
      // "The learning mentor will see Kaya every Tuesday": a meeting, not a witness; "staff will
      // see her use her calm card" is what the adults observe.
      const meets =
        clause.verb.lemma === "see" && seesChildAtTimes(sentence.words, clause.verb, child);
      // "Her parents will report that she sleeps…": the adults as witnesses of the measure.
      if (adult && WITNESS.has(clause.verb.lemma) && !meets) {
        // "…will understand Lila's signs and support her": what the adults then do for her,
        // which the model may take for a noun.
        const words = sentence.words;
        const k = words.findIndex(
          (w, j) =>
            w.start > clause.end &&
            w.norm === "and" &&
            ADULT_VERBS.has(words[j + 1]?.norm ?? "") &&
            /^(?:her|him|them)$/.test(words[j + 2]?.norm ?? ""),
        );
        const then = words[k + 1];
        if (k >= 0 && then && !FAMILY.has(head.norm))
          return { start: (clause.subject[0] as { start: number }).start, end: then.end };
        continue;
      }
      // The family's own aims ("her parents will use the visual timetable at home") are not
      // what others provide; what they are given, the word lists above find.
      if (adult && FAMILY.has(head.norm)) continue;
      if (adult && clause.subject.every((w) => w.norm !== child))
        return { start: (clause.subject[0] as { start: number }).start, end: clause.end };
      // In an outcome a person named as the subject is the child ("Omar will be invited…").
      const isChild = head.norm === child || CHILD_PRONOUNS.has(head.norm) || head.pos === "PROPN";
      if (isChild && clause.passive && !STATES.has(clause.verb.lemma))
        return { start: clause.start, end: clause.end };
    }
  }
  return null;
}

// Institutions that act through their staff: "the nursery will give Theo…".
const INSTITUTION =
  /^(?:nursery|nurseries|pre-school|preschool|academy|provider|service|council|authority|trust|department|centre|center|base|unit|hub)$/;
// People named by what they do: "the physiotherapist", "his support worker", "the coordinator".
const ROLE_SUFFIX =
  /(?:ist|ian|worker|teacher|leader|supervisor|ordinator|instructor|coach|nurse|manager|officer|assistant|practitioner|tutor|mentor|clinician|therapist)s?$/;
const NOT_ADULT = new Set(["peers", "peer", "brother", "sister", "brothers", "sisters", "pianist"]);

/** Whether a subject's head is an adult or a body acting through its adults, not the child. */
function isAdultHead(head: LanguageWord): boolean {
  if (ADULT_SUBJECT.has(head.norm) || INSTITUTION.test(head.norm)) return true;
  return head.pos === "NOUN" && ROLE_SUFFIX.test(head.norm) && !NOT_ADULT.has(head.norm);
}

const CONDITION_OPENS = /^(?:if|when|whenever|provided|providing|unless|should|once|where)$/;

/** Whether a clause that starts at `start` stands in a condition ("…, provided a TA can go"). */
function insideCondition(words: readonly LanguageWord[], start: number): boolean {
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k] as LanguageWord;
    if (w.end > start) continue;
    if (w.pos === "PUNCT" || start - w.end > 30) return false;
    if (CONDITION_OPENS.test(w.norm)) return true;
  }
  return false;
}

/** "See Kaya every Tuesday": the child seen, then a time, not an act of the child's seen. */
function seesChildAtTimes(
  words: readonly LanguageWord[],
  verb: LanguageWord,
  child: string,
): boolean {
  const k = words.indexOf(verb);
  const object = words[k + 1];
  if (
    !object ||
    !(object.norm === child || object.pos === "PROPN" || /^(?:him|her|them)$/.test(object.norm))
  )
    return false;
  // The model may take the child's act for a noun ("see Mia use her card"), so a time must
  // follow the child for it to be a meeting.
  const next = words[k + 2];
  return !next || next.pos === "PUNCT" || MEETING_TIME.test(next.norm);
}
const MEETING_TIME =
  /^(?:every|each|on|at|once|twice|weekly|daily|fortnightly|monthly|termly|for|during|after|before|three|four|two)$/;

export const outcomeIsProvision: RuleCheck = (context) =>
  eachOutcome(
    context,
    (o, label, path, text, tokens, language) => {
      const hit =
        provisionWords(tokens, text) ??
        provisionClause(language(), context.childName.toLowerCase());
      if (!hit) return null;
      return {
        section: "E",
        target: o.id,
        path: `${path}.statement`,
        range: { from: hit.start, to: hit.end },
        message: `${label} says '${text.slice(hit.start, hit.end)}', which is provision, not an outcome. Say what difference it will make: what ${context.childName} will be able to do. Put the support itself in section F.`,
      };
    },
    "outcome-is-provision",
  );
