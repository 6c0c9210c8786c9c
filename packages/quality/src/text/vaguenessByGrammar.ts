import { hasDuration, hasFrequency } from "./findFrequency.js";
import { isNumberWord, numberValue } from "./numbers.js";
import { readClauses } from "./readClauses.js";
import type { LanguageReading, LanguageWord } from "./readLanguage.js";
import { isNegated, sentenceAround } from "./textHelpers.js";
import type { Token } from "./tokenize.js";
import { tokenSentences } from "./tokenSentences.js";

/** A span of a provision's words that leaves room for doubt, with the kind of doubt. */
export interface GrammarSpan {
  readonly kind: "condition" | "hedge" | "deferral" | "empty";
  readonly start: number;
  readonly end: number;
}

/*
 * Ways of not deciding provision that are read from a sentence's grammar, not from a phrase:
 *
 * - a condition whose clause is about the child's state, need or progress, or someone's later
 *   judgement ("if feeling anxious", "whenever his body needs one", "if he falls further behind",
 *   "where it is felt to be of benefit", "if eligible"); a condition on an event ("if the fire
 *   alarm sounds", "when he arrives") is a decision of what to do, and so is a state that
 *   triggers a response whose amount the sentence gives ("when he becomes distressed, the TA
 *   takes him to the sensory room for 10 minutes");
 * - a main clause whose verb is an attitude toward the duty, not the duty ("staff will try
 *   their hardest", "the setting will endeavour", "the school intends to", "staff will
 *   encourage her", "the TA is expected to");
 * - provision defined by someone else's document or advice ("informed by the specialist
 *   teacher's assessment", "in keeping with the hospital's advice", "following advice from");
 * - a noun phrase that names a kind of support only by what it is like ("an individual behaviour
 *   plan", "a nurturing and calm environment", "use of assistive technology", "strategies put in
 *   place"), in a sentence that gives no amount, time, name or deliverer.
 */

const OPENERS = new Set([
  "if",
  "when",
  "whenever",
  "where",
  "wherever",
  "as",
  "while",
  "whilst",
  "unless",
  "should",
]);
// The child's state, need or progress, or a judgement of it.
const STATE_LEMMAS = new Set(
  (
    "feel seem appear need require demand dictate warrant struggle deteriorate worsen improve stall " +
    "slow plateau fall regress decline get show consider think judge deem believe find " +
    "benefit help wish want prefer request ask"
  ).split(" "),
);
// Words of eligibility, of capacity and of a judgement of need. A feeling the child shows ("when
// he becomes distressed") is a trigger anyone can see, and the response to it a decision; a
// feeling as a need ("if feeling anxious", "when he feels dysregulated") is read by its verb.
const STATE_WORDS =
  /^(?:eligible|entitled|qualifies|qualify|criteria|criterion|policy|threshold|thresholds|eligibility|ready|unable|behind|stuck|slow|struggling|necessary|helpful|beneficial|appropriate)$/;
const CLAUSE_END = /[.,;:!?)]/;
// The model leaves some verbs as written ("worsens"): their stems are tried as well.
const lemmasOf = (w: LanguageWord): string[] => [
  w.lemma,
  w.norm.replace(/ies$/, "y"),
  w.norm.replace(/e?s$/, ""),
  w.norm.replace(/s$/, ""),
  w.norm.replace(/e?d$/, ""),
  w.norm.replace(/ing$/, ""),
];

function stateConditions(reading: LanguageReading, tokens: readonly Token[]): GrammarSpan[] {
  const spans: GrammarSpan[] = [];
  for (const sentence of reading.sentences) {
    const words = sentence.words;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as LanguageWord;
      const eventThat =
        w.norm === "that" && words[i - 1]?.norm === "event" && words[i - 3]?.norm === "in";
      if (!OPENERS.has(w.norm) && !eventThat) continue;
      // "Should" opens a condition only where a clause begins; "as" only before a clause
      // ("as his regulation demands"), not in "as well as", "such as", "as a group".
      if (w.norm === "should" && i > 0 && words[i - 1]?.pos !== "PUNCT") continue;
      if (
        w.norm === "as" &&
        /^(?:well|such|same|long|soon|far|much|part|a|an|the)$/.test(words[i - 1]?.norm ?? "")
      )
        continue;
      if (
        w.norm === "as" &&
        /^(?:a|an|part|well|soon|far|much|long|if|though|per)$/.test(words[i + 1]?.norm ?? "")
      )
        continue;
      let end = i + 1;
      let state: LanguageWord | null = null;
      while (end < words.length && end <= i + 9) {
        const x = words[end] as LanguageWord;
        if (x.pos === "PUNCT" && CLAUSE_END.test(x.text)) break;
        if (
          !state &&
          ((lemmasOf(x).some((l) => STATE_LEMMAS.has(l)) &&
            (x.pos === "VERB" || x.pos === "AUX" || x.pos === "NOUN")) ||
            STATE_WORDS.test(x.norm) ||
            (x.pos === "ADJ" && end === i + 1))
        )
          state = x;
        end++;
      }
      if (!state) continue;
      // "As" is a condition only when a clause with a verb follows ("as his attention requires").
      if (
        w.norm === "as" &&
        state.pos !== "VERB" &&
        !(state.pos === "NOUN" && words.indexOf(state) === end - 1)
      )
        continue;
      // "Get" is a state only with a word of state after it ("gets worse", "get too much").
      if (
        state.lemma === "get" &&
        !words
          .slice(i, end)
          .some((x) => x.pos === "ADJ" || x.pos === "ADV" || STATE_WORDS.test(x.norm))
      )
        continue;
      // A response the sentence decides, with its amount: the condition is its trigger.
      const rest = tokens.filter(
        (t) =>
          t.start >= sentence.start &&
          t.end <= sentence.end &&
          (t.start < w.start || t.start > (words[end - 1] as LanguageWord).end),
      );
      if (hasDuration(rest, isNumberWord) || hasFrequency(rest)) continue;
      // "Teach her to ask for a break when she feels overwhelmed": the condition is the cue for
      // the skill taught, which is what the child will do, not a condition on the teaching.
      if (cuesTaughtSkill(words, i)) continue;
      // The span runs to the word of state, and the word it takes ("feeling anxious", "is slow").
      const at = words.indexOf(state);
      const taken = words[at + 1];
      const last =
        taken &&
        at + 1 < end &&
        (taken.pos === "ADJ" || taken.pos === "NOUN" || taken.pos === "ADV")
          ? taken
          : state;
      spans.push({ kind: "condition", start: w.start, end: last.end });
      i = end;
    }
  }
  return spans;
}

// Verbs of teaching a skill, and the words that open the skill taught ("to", "how", "what").
const TEACH =
  /^(?:teach|teaches|teaching|taught|learn|learns|learning|learnt|learned|practise|practises|practising|practice|rehearse|rehearses|rehearsing|model|models|modelling|modeling|coach|coaches|coaching|show|shows|showing|help|helps|helping)$/;
const SKILL_OPENS = /^(?:to|how|what|so)$/;

/** Whether the condition opened at `i` follows a skill taught earlier in the sentence. */
function cuesTaughtSkill(words: readonly LanguageWord[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (!SKILL_OPENS.test((words[k] as LanguageWord).norm)) continue;
    if (words.slice(0, k).some((w) => TEACH.test(w.norm))) return true;
  }
  return false;
}

// Verbs that state an attitude toward doing it, in place of doing it.
const ATTITUDE = new Set(
  "try endeavour endeavor aim intend hope strive attempt seek encourage expect".split(" "),
);
const CHILD = new Set(["she", "he", "they", "i"]);

function attitudeHedges(reading: LanguageReading, child: string): GrammarSpan[] {
  const spans: GrammarSpan[] = [];
  for (const sentence of reading.sentences) {
    const words = sentence.words;
    // "Staff are to encourage her", "the key worker is to try": a duty put as an attitude.
    words.forEach((w, k) => {
      const verb = words[k + 2];
      if (!/^(?:is|are)$/.test(w.norm) || words[k + 1]?.norm !== "to" || !verb) return;
      const subject = words[k - 1];
      if (subject && (CHILD.has(subject.norm) || subject.norm === child)) return;
      if (ATTITUDE.has(verb.lemma) || ATTITUDE.has(verb.norm))
        spans.push({ kind: "hedge", start: w.start, end: verb.end });
    });
    for (const clause of readClauses(sentence)) {
      const verb = clause.verb;
      if (!verb || clause.negated || clause.subordinate) continue;
      const head = clause.subject[clause.subject.length - 1];
      const childIsSubject = head !== undefined && (CHILD.has(head.norm) || head.norm === child);
      if (childIsSubject && !clause.passive) continue;
      const lemma = verb.lemma.replace(/s$/, "");
      let hit = ATTITUDE.has(lemma) || ATTITUDE.has(verb.norm.replace(/(?:ed|s)$/, ""));
      // "Will do her best", "do their utmost".
      if (!hit && lemma === "do") {
        const k = words.indexOf(verb);
        hit = /^(?:best|utmost)$/.test(words[k + 2]?.norm ?? "");
      }
      if (!hit) continue;
      // "Encouraged to" in a passive of the child is found by the phrases; "expected" of a date
      // ("is expected in May") is not a duty hedged.
      const start = clause.auxiliaries[0]?.start ?? verb.start;
      spans.push({ kind: "hedge", start: Math.min(start, verb.start), end: verb.end });
    }
  }
  return spans;
}

// Someone else's document or advice, which the provision then only follows.
const DOCUMENT =
  /^(?:advice|guidance|report|reports|recommendations?|findings|assessments?|letter|suggestions|instructions|direction|directions|input)$/;
const CONFORM =
  /^(?:accordance|keeping|line|per|follow|follows|followed|following|informed|guided|based|drawn|according|act|acting|implement|implements|implementing|reflect|reflects|reflecting|account|using|uses|from|under|within|set|outlined|specified|detailed)$/;

function documentDeferrals(tokens: readonly Token[], text: string): GrammarSpan[] {
  const spans: GrammarSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!DOCUMENT.test(t.norm)) continue;
    for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
      const c = tokens[k] as Token;
      if (/[.;:]/.test(text.slice(c.end, (tokens[k + 1] as Token).start))) break;
      if (!CONFORM.test(c.norm)) continue;
      // "Input" is a document only as someone's input followed: "informed by SALT input".
      if (t.norm === "input" && !/^(?:informed|guided|following|based|according)$/.test(c.norm))
        break;
      if (isNegated(tokens, k, text)) break;
      // Instructions and directions are also what a child learns to follow ("to follow
      // three-step instructions", "follows simple directions"): someone else's only when whose
      // they are is said, before ("the therapist's instructions") or after ("from the OT").
      if (/^(?:instructions|direction|directions|suggestions)$/.test(t.norm)) {
        const owned =
          tokens.slice(k + 1, i).some((w) => /(?:'s|’s|s'|’)$/.test(w.norm)) ||
          /^(?:from|of|by|given|set|in|written|provided|left|made)$/.test(
            tokens[i + 1]?.norm ?? "",
          );
        if (!owned) break;
      }
      spans.push({ kind: "deferral", start: c.start, end: t.end });
      i = i + 1;
      break;
    }
  }
  return spans;
}

// A noun phrase that says only what a support is like: evaluative words before a noun of a kind
// of support.
const EVALUATIVE = new Set(
  (
    "personalised personalized individual individualised individualized tailored bespoke targeted " +
    "evidence-based research-based alternative nurturing calm structured consistent predictable " +
    "careful close informal low high assistive appropriate suitable relevant specialist specialised " +
    "specialized differentiated flexible catch-up booster supportive positive multi-sensory " +
    "multisensory adapted modified reduced enhanced additional extra regular frequent increased " +
    "intensive small"
  ).split(" "),
);
const KIND_OF_SUPPORT = new Set(
  (
    "plan plans timetable timetables environment environments ways methods method routine routines " +
    "technology approaches approach interventions intervention sessions groups teaching strategies " +
    "resources support provision arrangements check-ins programme programmes curriculum monitoring " +
    "liaison ratio supervision adjustments aids equipment"
  ).split(" "),
);
// Things used that name no thing: "use of technology", "use of visual aids".
const GENERIC_THING =
  /^(?:technology|ict|it|aac|aids|resources|equipment|strategies|prompts|visuals|materials|tools|apparatus|devices|supports)$/;
const SCHOOL_SUBJECTS =
  /^(?:english|maths|mathematics|science|pe|re|history|geography|art|music|computing|french|spanish|pshe|rse|i)$/;
const ROLE =
  /^(?:teacher|teachers|assistant|assistants|ta|tas|lsa|senco|therapist|therapists|psychologist|nurse|mentor|worker|practitioner|specialist|counsellor|coordinator|elsa|keyworker|tutor|interpreter|physiotherapist|supervisor|lead|officer)$/;
const STOP =
  /^(?:the|a|an|and|or|of|to|in|on|for|with|by|at|his|her|their|its|this|that|will|be|is|are)$/;

// What follows a kind of support to say which it is: "using colourful semantics", "called Lego
// therapy", "devised by the speech and language therapist".
const NAMED_AFTER = /^(?:using|called|named|following|devised|designed|written|set|based|from)$/;

function sentenceIsSpecific(text: string, words: readonly Token[], child: string): boolean {
  if (hasFrequency(words) || hasDuration(words, isNumberWord)) return true;
  return words.some(
    (t, i) =>
      /\d/.test(t.norm) ||
      numberValue(t.norm) !== null ||
      ROLE.test(t.norm) ||
      /^(?:every|each|all|always|whole|named)$/.test(t.norm) ||
      (i > 0 &&
        /^\p{Lu}/u.test(text.slice(t.start, t.end)) &&
        !SCHOOL_SUBJECTS.test(t.norm) &&
        !GENERIC_THING.test(t.norm) &&
        t.norm !== child &&
        t.norm !== `${child}'s`),
  );
}

function emptyNounPhrases(text: string, tokens: readonly Token[], child: string): GrammarSpan[] {
  const spans: GrammarSpan[] = [];
  for (const words of tokenSentences(text, tokens)) {
    if (words.length > 16 || sentenceIsSpecific(text, words, child)) continue;
    for (let i = 0; i < words.length; i++) {
      const t = words[i] as Token;
      // "Use of assistive technology", "use of visual aids and prompts".
      if ((t.norm === "use" || t.norm === "using") && words[i + 1]?.norm === "of") {
        const thing = words.slice(i + 2, i + 5).findIndex((w) => GENERIC_THING.test(w.norm));
        if (thing >= 0) {
          spans.push({ kind: "empty", start: t.start, end: (words[i + 2 + thing] as Token).end });
          break;
        }
      }
      // "Strategies put in place", "put in place interventions".
      if (t.norm === "place" && words[i - 1]?.norm === "in") {
        const near = words
          .slice(Math.max(0, i - 5), i + 4)
          .find((w) => KIND_OF_SUPPORT.has(w.norm));
        if (near) {
          spans.push({
            kind: "empty",
            start: Math.min(near.start, t.start),
            end: Math.max(near.end, t.end),
          });
          break;
        }
      }
      if (!EVALUATIVE.has(t.norm)) continue;
      // Evaluative words, "and" between them, at most two words of subject, then the kind.
      let k = i + 1;
      let between = 0;
      while (k < words.length) {
        const w = words[k] as Token;
        if (KIND_OF_SUPPORT.has(w.norm)) break;
        if (EVALUATIVE.has(w.norm) || w.norm === "and") {
          k++;
          continue;
        }
        if (STOP.test(w.norm) || between >= 2) {
          k = words.length;
          break;
        }
        between++;
        k++;
      }
      const head = words[k];
      if (!head) continue;
      // Named after all: "a structured language programme using colourful semantics".
      if (NAMED_AFTER.test(words[k + 1]?.norm ?? "")) continue;
      spans.push({ kind: "empty", start: t.start, end: head.end });
      break;
    }
  }
  return spans;
}

// Working with others, said with nothing of what is done or when: "staff will liaise with the
// paediatrician", "home and school to work together", "keep an eye on her progress".
const COOPERATION =
  /\b(?:liais(?:e|es|ed|ing)|liaison|communicat(?:e|es|ed|ing)|collaborat(?:e|es|ed|ing)|work(?:s|ing)?\s+(?:closely\s+)?together|keep(?:s|ing)?\s+an\s+eye\s+on|(?:keep|keeps|kept|keeping)\s+(?:\w+\s+){0,2}informed|in\s+close\s+contact)\b/gi;

function cooperationOnly(text: string, tokens: readonly Token[]): GrammarSpan[] {
  const spans: GrammarSpan[] = [];
  for (const m of text.matchAll(COOPERATION)) {
    const sentence = sentenceAround(text, m.index, m.index + m[0].length);
    const words = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
    if (hasFrequency(words) || hasDuration(words, isNumberWord)) continue;
    if (words.some((t) => /\d/.test(t.norm) || numberValue(t.norm) !== null)) continue;
    const at = tokens.findIndex((t) => t.start === m.index);
    if (at >= 0 && isNegated(tokens, at, text)) continue;
    spans.push({ kind: "empty", start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

// Programmes and interventions not named: "a reading programme, three times a week", "an
// intervention for his spelling". A name ("Toe by Toe"), an owner ("the therapist's programme",
// "set by the OT") or a discipline ("occupational therapy programme") says which.
const UNNAMED = /^(?:programme|programmes|program|intervention|interventions|scheme|package)$/;
const OWNED_AFTER =
  /^(?:from|by|of|set|following|using|written|devised|designed|called|named|which|that|with|including|involving|at|in)$/;

function unnamedProgrammes(text: string, tokens: readonly Token[], child: string): GrammarSpan[] {
  const spans: GrammarSpan[] = [];
  const capitalised = tokens.some(
    (w, k) =>
      k > 0 &&
      /^\p{Lu}/u.test(text.slice(w.start, w.end)) &&
      !SCHOOL_SUBJECTS.test(w.norm) &&
      !GENERIC_THING.test(w.norm) &&
      w.norm !== child,
  );
  if (capitalised) return spans;
  tokens.forEach((t, i) => {
    if (!UNNAMED.test(t.norm)) return;
    const before = tokens.slice(Math.max(0, i - 4), i);
    const named =
      before.some((w) => /(?:'s|’s)$/.test(w.norm) || /(?:therapy|ology|physio)$/.test(w.norm)) ||
      OWNED_AFTER.test(tokens[i + 1]?.norm ?? "") ||
      /^(?:the|this|that|her|his|their|its)$/.test(tokens[i - 1]?.norm ?? "");
    // "A reading scheme at book band 5": a level or a count names which.
    if (named || tokens.slice(i + 1, i + 5).some((w) => /\d/.test(w.norm))) return;
    // From the article or the first describing word: "a reading programme".
    let k = i;
    while (k > 0 && i - k < 3 && !PHRASE_EDGE.test(tokens[k - 1]?.norm ?? "")) k--;
    const article = tokens[k - 1];
    const first = article && /^(?:a|an)$/.test(article.norm) ? article : (tokens[k] as Token);
    spans.push({ kind: "empty", start: first.start, end: t.end });
  });
  return spans;
}
const PHRASE_EDGE = /^(?:a|an|the|and|or|of|with|to|will|provide|deliver|in|for|on|by)$/;

const CLAUSE_BREAK = /[.,;:!?()]/;

/** The tokens from `i` to the end of its clause, at most `max` of them. */
function clauseFrom(tokens: readonly Token[], text: string, i: number, max: number): Token[] {
  const out: Token[] = [tokens[i] as Token];
  for (let k = i + 1; k < tokens.length && k <= i + max; k++) {
    if (CLAUSE_BREAK.test(text.slice((tokens[k - 1] as Token).end, (tokens[k] as Token).start)))
      break;
    out.push(tokens[k] as Token);
  }
  return out;
}

// A start that waits on things settling, which no one can date: "once the new timetable has
// bedded in", "when things have settled", "after things calm down". An event ("once the plan
// is issued", "when she starts at the secondary school") is a date anyone can tell.
const START_OPENERS = /^(?:once|when|after|until)$/;
const SETTLING =
  /^(?:settle|settled|settles|settling|settle-in|bedded|calm|calms|calmed|calmer|stabilised|stabilized|stabilises|stabilizes|stable|eased|eases|easier|clearer|improved|improves|feet|way)$/;
// "Under way" and "found her feet" are settling only whole; "passed" only of a period.
const SETTLING_NEEDS: Readonly<Record<string, RegExp>> = {
  way: /^under$/,
  feet: /^(?:her|his|their)$/,
};
const PERIOD_NOUN = /^(?:period|phase|stage|while)$/;
// "When" and "until" are also cues ("when she is calm, the TA gives the instruction"): they
// leave a start open only after a verb of starting, or of a change to be complete ("have settled").
const START_VERB =
  /^(?:begin|begins|beginning|start|starts|starting|commence|commences|introduced|resume|resumes)$/;
const PERFECT = /^(?:has|have|had)$/;

function unsettledStarts(text: string, tokens: readonly Token[]): GrammarSpan[] {
  const spans: GrammarSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!START_OPENERS.test(t.norm)) continue;
    // "Once a week" is a frequency.
    if (t.norm === "once" && /^(?:a|an|per|each|every|more)$/.test(tokens[i + 1]?.norm ?? ""))
      continue;
    const clause = clauseFrom(tokens, text, i, 9);
    // "Stays with him until he is settled at his table, each morning": an end each day brings,
    // not a time left open; a start is open whatever interval follows it.
    if (hasFrequency(clause)) continue;
    if (t.norm === "until") {
      const sentence = sentenceAround(text, t.start, t.end);
      if (hasFrequency(tokens.filter((w) => w.start >= sentence.start && w.end <= sentence.end)))
        continue;
    }
    const at = clause.findIndex(
      (w, k) =>
        k > 0 &&
        ((SETTLING.test(w.norm) &&
          (SETTLING_NEEDS[w.norm]?.test(clause[k - 1]?.norm ?? "") ?? true)) ||
          (w.norm === "passed" && clause.slice(0, k).some((x) => PERIOD_NOUN.test(x.norm)))),
    );
    if (at < 0 || isNegated(tokens, i, text)) continue;
    if (
      (t.norm === "when" || t.norm === "until") &&
      !clause.some((w) => PERFECT.test(w.norm)) &&
      !tokens.slice(Math.max(0, i - 6), i).some((w) => START_VERB.test(w.norm))
    )
      continue;
    // The particle that completes it: "bedded in", "calm down".
    const after = clause[at + 1];
    const last =
      after && /^(?:in|down)$/.test(after.norm) && !SETTLING_NEEDS[(clause[at] as Token).norm]
        ? after
        : (clause[at] as Token);
    spans.push({ kind: "condition", start: t.start, end: last.end });
    i += at;
  }
  return spans;
}

// How long it lasts handed to someone's view: "for as long as the school feels they are useful",
// "until the therapist is satisfied". The amount may be given; the end is not.
const JUDGED =
  /^(?:feel|feels|felt|think|thinks|thought|judge|judges|judged|consider|considers|considered|believe|believes|believed|decide|decides|decided|deem|deems|deemed|satisfied|confident|happy|agree|agrees|want|wants|wish|wishes|choose|chooses)$/;

function judgedEnds(text: string, tokens: readonly Token[]): GrammarSpan[] {
  const spans: GrammarSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const asLongAs =
      (t.norm === "as" || t.norm === "so") &&
      tokens[i + 1]?.norm === "long" &&
      tokens[i + 2]?.norm === "as";
    if (t.norm !== "until" && !asLongAs) continue;
    const clause = clauseFrom(tokens, text, i, 10);
    const judged = clause.find((w, k) => k > 0 && JUDGED.test(w.norm));
    if (!judged || isNegated(tokens, i, text)) continue;
    spans.push({ kind: "deferral", start: t.start, end: judged.end });
  }
  return spans;
}

// An amount said to vary: "the length of which will vary", "at a frequency that will vary",
// "varies from week to week", "of varying length". What is taught may vary; how much may not.
const VARY =
  /^(?:vary|varies|varied|varying|variable|differ|differs|differing|fluctuate|fluctuates|fluctuating)$/;
const AMOUNT_NOUN =
  /^(?:length|lengths|frequency|number|amount|duration|time|hours|intensity|level|sessions)$/;
// A verb of varying with what it varies by: "varies from week to week", "will vary each term".
const VARY_BY = /^(?:from|according|depending|with|each|every|through|between|on|in|by|week|day)$/;

function varyingAmounts(text: string, tokens: readonly Token[]): GrammarSpan[] {
  const spans: GrammarSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!VARY.test(t.norm)) continue;
    // An amount named near it, in the same clause: before ("the length of which will vary") or
    // after ("of varying length", "vary in length").
    let start = t.start;
    let end = t.end;
    let found = false;
    for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
      if (CLAUSE_BREAK.test(text.slice((tokens[k] as Token).end, (tokens[k + 1] as Token).start)))
        break;
      if (AMOUNT_NOUN.test((tokens[k] as Token).norm)) {
        start = (tokens[k] as Token).start;
        found = true;
        break;
      }
    }
    const ahead = clauseFrom(tokens, text, i, 3);
    const noun = ahead.find((w, k) => k > 0 && AMOUNT_NOUN.test(w.norm));
    if (noun) {
      end = noun.end;
      found = true;
    }
    // "Support in class, which varies from week to week": the provision itself varies.
    const verb = /^(?:vary|varies|differ|differs|fluctuate|fluctuates)$/.test(t.norm);
    if (!found && !(verb && VARY_BY.test(tokens[i + 1]?.norm ?? ""))) continue;
    if (isNegated(tokens, i, text)) continue;
    spans.push({ kind: "empty", start, end });
  }
  return spans;
}

/** The spans of a provision's description that the grammar shows leave room for doubt. */
export function vaguenessByGrammar(
  text: string,
  tokens: readonly Token[],
  reading: LanguageReading,
  child: string,
): GrammarSpan[] {
  return [
    ...stateConditions(reading, tokens),
    ...attitudeHedges(reading, child),
    ...documentDeferrals(tokens, text),
    ...emptyNounPhrases(text, tokens, child),
    ...cooperationOnly(text, tokens),
    ...unnamedProgrammes(text, tokens, child),
    ...unsettledStarts(text, tokens),
    ...judgedEnds(text, tokens),
    ...varyingAmounts(text, tokens),
  ];
}
