import { hasFrequency } from "./findFrequency.js";
import { numberValue } from "./numbers.js";
import { TokenPattern } from "./TokenPattern.js";
import { inRanges, isNegated, quotedRanges, sentenceAround } from "./textHelpers.js";
import type { Token } from "./tokenize.js";

/**
 * What makes a statement leave room for doubt (L v Clarke [1998]: provision must be "so
 * specific and clear as to leave no room for doubt as to what has been decided is necessary").
 * Each kind is one way a decision is not made: an amount not fixed, a condition, a hedge, the
 * choice handed to someone else, a frequency not given, a noun that names no support, examples in
 * place of a decision, a right to ask in place of a service, or an offer the child may not get.
 */
export type VaguenessKind =
  | "range"
  | "estimate"
  | "ceiling"
  | "condition"
  | "hedge"
  | "deferral"
  | "frequency"
  | "empty"
  | "example"
  | "access"
  | "offer";

export interface VagueSpan {
  readonly kind: VaguenessKind;
  readonly start: number;
  readonly end: number;
}

/** What to write instead, by kind; `name` is the child's name. */
export const VAGUENESS_ADVICE: Readonly<Record<VaguenessKind, (name: string) => string>> = {
  range: (n) => `give one amount, not a range: ${n} is entitled to the amount stated`,
  estimate: (n) => `give the exact amount ${n} will get, not an estimate`,
  ceiling: (n) => `give the amount ${n} will get, not a ceiling`,
  condition: (n) =>
    `say what ${n} will get and when; provision cannot depend on whether it is needed, possible or available at the time`,
  hedge: () =>
    "write what will be done: provision in a plan is a duty (CoP 9.69), not an intention or a possibility",
  deferral: (n) =>
    `decide it in the plan: say what ${n} will get, not who will decide it later or where it is written elsewhere`,
  frequency: () => "say exactly how often, e.g. three times a week or every lesson",
  empty: (n) =>
    `name the support itself: what is done with ${n}, by whom, how often and for how long`,
  example: () => "name exactly what will be used, not examples",
  access: (n) =>
    `say what ${n} will get, how often and for how long, not that ${n} may have access`,
  offer: () => "say what will be provided; provision in a plan is a duty, not a possibility",
};

const GENERIC_SUPPORT =
  "support|help|assistance|input|provision|intervention|interventions|strategies|strategy|resources|adjustments|differentiation|approaches|approach|programme|programmes|program|guidance|encouragement|supervision|scaffolding|reassurance|care|equipment|materials|activities|curriculum|package|measures|aids|tools|monitoring";
const SUPPORT_MODIFIER =
  "multi-disciplinary|multidisciplinary|multi-agency|holistic|whole-school|joined-up|consistent|nurturing|supportive|inclusive|appropriate|suitable|relevant|necessary|adequate|sufficient|additional|extra|further|targeted|specialist|specialised|specialized|individualised|individualized|individual|personalised|personalized|tailored|bespoke|enhanced|intensive|increased|continued|continuing|ongoing|general|some|adult|staff|extensive|significant|substantial|considerable|flexible|differentiated|high";

// Written as what each kind looks like in words; `#` is a count, `[x]` optional, `~N` a gap.
const PATTERNS: readonly [VaguenessKind, string][] = [
  // Conditions: whether the child gets it is decided at the time.
  [
    "condition",
    "as|when|if|where|whenever|wherever ~2needed|necessary|required|appropriate|possible|available|practicable|practical|feasible|applicable|relevant|suitable|helpful|useful|beneficial|indicated|requested",
  ],
  ["condition", "as and when"],
  [
    "condition",
    "if|when|where|whenever|while|whilst ~4available|allows|allow|permits|permit|permitting|found|sourced|recruited|secured|obtained|funded",
  ],
  [
    "condition",
    "staffing|resources|time|funding|timetable|capacity|budget|staff permitting|allowing",
  ],
  [
    "condition",
    "subject to [the] staffing|staff|funding|availability|resources|capacity|budget|approval|agreement|demand|timetabling|need|needs|assessment",
  ],
  ["condition", "depending|dependent|depends|contingent on|upon"],
  [
    "condition",
    "if|when|as|whenever she|he|they needs|need|requires|require|wants|feels it|them|this|support|help|one|extra|more|additional",
  ],
  // Hedges: an intention or a possibility, not a duty.
  ["hedge", "could|might|should"],
  ["hedge", "would benefit|help|be|need|support|allow|enable|suit|give|provide"],
  [
    "hedge",
    "will|shall|would|should|to|and|staff|school|we try|aim|endeavour|endeavor|attempt|seek|strive|hope [to]",
  ],
  ["hedge", "will|to|may|should|could look to"],
  ["hedge", "every effort"],
  ["hedge", "best endeavours|endeavors|efforts"],
  ["hedge", "hopefully|ideally|preferably"],
  ["hedge", "it|is|are|be hoped|anticipated|intended|envisaged|expected that"],
  ["hedge", "it is hoped|anticipated|intended|envisaged"],
  ["hedge", "as far|much as possible|practicable|feasible"],
  ["hedge", "consider|considered|considering|consideration"],
  ["hedge", "be|is|are|being encouraged|invited|advised|asked"],
  ["hedge", "can|could|may access|have|receive|get|attend|join|request"],
  // The decision handed to someone else, or to a document outside the plan.
  [
    "deferral",
    "as|where|when|if advised|recommended|determined|directed|decided|agreed|set|outlined|specified|described|deemed|judged|prescribed|instructed|suggested|detailed|per",
  ],
  [
    "deferral",
    "to be agreed|decided|determined|confirmed|arranged|discussed|identified|established|specified|finalised|finalized|negotiated|allocated|set|chosen|selected",
  ],
  ["deferral", "tbc|tba|tbd"],
  ["deferral", "at|under ~3discretion"],
  ["deferral", "discretion|discretionary"],
  ["deferral", "in consultation|liaison|agreement|discussion with"],
  ["deferral", "agreed with|by"],
  ["deferral", "decided|determined|chosen|selected by"],
  ["deferral", "deemed|judged|thought|felt appropriate|necessary|suitable|fit|needed|required"],
  ["deferral", "see|sees fit"],
  [
    "deferral",
    "in line with [the] ~3advice|recommendations|recommendation|report|guidance|reports|criteria|policy|policies|eligibility|thresholds",
  ],
  [
    "deferral",
    "recommend|recommended|recommends|recommendation|recommendations|suggest|suggested|suggests|advisable",
  ],
  [
    "deferral",
    "school|setting|staff|senco|teacher|teachers|professionals|team|provider|they ~2decide|determine|choose|select|judge|decides|determines|chooses|selects",
  ],
  // How often, not said.
  [
    "frequency",
    "occasional|occasionally|ongoing|periodic|periodically|frequent|frequently|often|sometimes|intermittent|intermittently|sporadic|sporadically|routinely|infrequent|infrequently",
  ],
  ["frequency", "from time to time"],
  ["frequency", "now and then|again"],
  ["frequency", "every so often"],
  ["frequency", "at various|certain|key|different|appropriate|suitable|relevant|intervals"],
  ["frequency", "at times"],
  ["frequency", "on occasion|occasions"],
  [
    "frequency",
    "most|some|many|several|certain|various|few|key days|lessons|sessions|times|weeks|occasions|points|parts|periods|mornings|afternoons|breaks|lunchtimes|visits|subjects|classes|activities|areas|situations|contexts|settings",
  ],
  ["frequency", "some|most|much|part of the time|day|week"],
  ["frequency", "a few|couple|handful|number [of]"],
  ["frequency", "several"],
  // Alternatives of an interval are a range of it: "weekly or fortnightly", "every week or fortnight".
  [
    "frequency",
    "daily|weekly|fortnightly|monthly|termly|half-termly or|and/or daily|weekly|fortnightly|monthly|termly|half-termly",
  ],
  [
    "frequency",
    "every|each|a|per|once|twice day|week|fortnight|month|term|half-term or day|week|fortnight|month|term|half-term",
  ],
  // Nouns that name no support.
  [
    "empty",
    `${SUPPORT_MODIFIER} [levels|level|amounts|amount] [of] [adult|1:1|one-to-one|in-class|class|classroom|staff|ta|small-group|group|learning|teaching|literacy|numeracy|reading|social|emotional|pastoral|behaviour|behavioural|sensory|communication|language|transition|support|therapy|therapeutic|nurture] ${GENERIC_SUPPORT}`,
  ],
  ["empty", "extra|additional|more time"],
  ["empty", "appropriate|appropriately|suitable|suitably"],
  [
    "empty",
    "a|an range|variety|selection|mixture|menu|combination|array|package|bank|toolkit|suite|programme of",
  ],
  ["empty", "various|varied"],
  ["empty", "differentiation|differentiated"],
  ["empty", "quality first teaching"],
  ["empty", "quality-first [teaching]"],
  ["empty", "high quality|high-quality teaching"],
  ["empty", "ordinarily available"],
  ["empty", "universal provision"],
  ["empty", "access|accessing [to] [the] curriculum|learning|education|lessons"],
  // Examples where a decision should be.
  ["example", "such as"],
  ["example", "e.g.|eg|e.g"],
  ["example", "for example|instance"],
  ["example", "etc.|etc"],
  ["example", "and so on|forth"],
  ["example", "or|and similar|equivalent|other"],
  ["example", "among|amongst others"],
  // An offer, which the child may never receive.
  ["offer", "opportunity|opportunities|chance|chances to|for"],
  ["offer", "the chance to"],
  ["offer", "be|is|are|being offered"],
  // Estimates of an amount.
  ["estimate", "about|around|nearly|almost #"],
  ["estimate", "about|around|nearly|almost a|an hour|half|minute|week|day|term"],
  ["estimate", "approximately|approx|approx.|roughly|circa"],
  ["estimate", "or so"],
  ["estimate", "give or take"],
  ["estimate", "more or less"],
  ["estimate", "in the region|order of"],
  ["estimate", "on average"],
  ["estimate", "an|the average of"],
  ["estimate", "averaging"],
  // A ceiling, which lets the amount be anything below it.
  ["ceiling", "up to #|a|an"],
  ["ceiling", "a maximum of #"],
  ["ceiling", "maximum|max #"],
];

// Ways of not deciding that councils' own wording showed beyond the kinds' first forms.
const MORE_PATTERNS: readonly [VaguenessKind | "staff-hedge", string][] = [
  [
    "deferral",
    "following|according|based|guided [to|on|by] [the] ~3advice|recommendations|recommendation|report|guidance|reports|criteria|policy|policies|eligibility|thresholds",
  ],
  [
    "hedge",
    "can|could|may be provided|offered|given|arranged|made|used|accessed|requested|considered|discussed|seen|delivered|put",
  ],
  ["condition", "within ~3resources|budget|budgets|funding|capacity|staffing|means"],
  ["condition", "needs-led|needs-based|need-led|demand-led|as-needed|as-required|ad-hoc"],
  ["condition", "on a|an needs|need led|based|basis"],
  ["condition", "ad hoc"],
  // A time left open: when the child is ready, or some day.
  [
    "condition",
    "once|when|until|as|whenever she|he|they ~2settled|settles|ready|confident|able|becomes|become|calmer|independent",
  ],
  ["condition", "once|when|until settled|ready|appropriate|possible"],
  ["condition", "when|if and if|when"],
  ["condition", "as|when|if the need|needs arises|arise|dictate|dictates"],
  ["condition", "in due course"],
  ["condition", "at a later date|stage|point|time"],
  ["condition", "over time"],
  ["condition", "gradually|phased|tapered|tapering|incrementally"],
  [
    "deferral",
    "professional|clinical|their|staff|staff's|teacher's|school's judgement|judgment|judgements",
  ],
  ["condition", "clinically indicated|appropriate|necessary|required"],
  [
    "hedge",
    "typically|usually|normally|generally|mostly|mainly|largely|predominantly|broadly|commonly",
  ],
  ["hedge", "in general"],
  ["hedge", "as a rule"],
  [
    "staff-hedge",
    "be|is|are|being|remain|remains|stay mindful|aware|conscious|sensitive|cognisant|cognizant",
  ],
  ["staff-hedge", "respond|react|adapt|adjust|act|responds|adapts|adjusts accordingly"],
  ["hedge", "look|looking into"],
  ["hedge", "be|been|being explored|investigated|sought|looked"],
  ["deferral", "in|with whatever|whichever form|way|manner|means"],
  ["deferral", "whatever|whichever is"],
  ["deferral", "in|from|within the|his|her|their ~3report|reports|assessment|assessments"],
  ["empty", "enhanced|additional|extra|extended|personalised|personalized|bespoke transition"],
  ["empty", "make|makes|making use of"],
  ["empty", "be|is|are|being flexible|flexibly"],
  ["empty", "flexible approach|approaches|timetable|arrangements|basis|support|provision"],
  ["empty", "requires|require ~3support|help|assistance|supervision|input"],
  [
    "empty",
    "needs|need [a|an|some|constant|additional|extra|high|considerable|significant] [level|levels|amount] [of] [adult] support|help|assistance|supervision",
  ],
  ["offer", "be made available"],
  [
    "offer",
    "support|help|input|provision|assistance to be provided|given|offered|delivered|arranged",
  ],
  ["estimate", "or thereabouts"],
];

// Support named only by what it is for: "Support to develop her independence skills".
const PURPOSE_ONLY = new Set([
  "support",
  "help",
  "input",
  "provision",
  "intervention",
  "interventions",
  "strategies",
  "assistance",
  "work",
]);
const PURPOSE_VERBS = new Set(
  (
    "develop help manage improve build increase access enable promote encourage facilitate support " +
    "meet address aid ensure enhance reduce boost foster raise extend strengthen overcome"
  ).split(" "),
);

const PURPOSE_KIND = new Set([
  "programme",
  "programmes",
  "sessions",
  "groups",
  "work",
  "activities",
  "strategies",
  "time",
]);

function purposeOnlySpan(tokens: readonly Token[], i: number, text: string): VagueSpan | null {
  const t = tokens[i] as Token;
  if (!PURPOSE_ONLY.has(t.norm)) return null;
  // "Intervention programmes to develop...": one noun may name the kind of thing.
  const extra = PURPOSE_KIND.has(tokens[i + 1]?.norm ?? "") ? 1 : 0;
  if (tokens[i + 1 + extra]?.norm !== "to") return null;
  const verb = tokens[i + 2 + extra];
  if (!verb || !PURPOSE_VERBS.has(verb.norm)) return null;
  if (i > 0 && !/[.!?;:\n]\s*$/.test(text.slice(0, t.start))) return null;
  return { kind: "empty", start: t.start, end: verb.end };
}

// "Staff will be aware of her anxiety" is a hedge in provision; in an outcome the awareness is
// the child's, which is a matter of measure, not of doubt.
const COMPILED = [...PATTERNS, ...MORE_PATTERNS].map(([kind, source]) => ({
  kind: kind === "staff-hedge" ? ("hedge" as const) : kind,
  provisionOnly: kind === "staff-hedge",
  pattern: new TokenPattern(source),
}));
const BY_FIRST_WORD = new Map<string, typeof COMPILED>();
for (const entry of COMPILED) {
  for (const word of entry.pattern.firstWords ?? []) {
    const list = BY_FIRST_WORD.get(word) ?? [];
    list.push(entry);
    BY_FIRST_WORD.set(word, list);
  }
}

// Physical access to a place is a building's feature, not a service the child may ask for.
const PHYSICAL = new Set([
  "wheelchair",
  "step-free",
  "level",
  "physical",
  "physically",
  "disabled",
  "ramp",
  "ramped",
  "lift",
  "independent",
  "safe",
  "easy",
  "direct",
  "toilet",
]);
const PLACES =
  /^(?:classrooms?|buildings?|sites?|floors?|toilets?|corridors?|doors?|entrances?|rooms|all areas|every area|playgrounds?|halls?|stairs|upstairs)$/;
const ACCESS_BEFORE = new Set([
  "have",
  "has",
  "having",
  "had",
  "can",
  "could",
  "may",
  "might",
  "will",
  "would",
  "should",
  "given",
  "allow",
  "allowed",
  "allowing",
  "provide",
  "provided",
  "ensure",
  "offered",
  "with",
  "free",
  "full",
  "ongoing",
  "regular",
  "continued",
  "daily",
  "open",
  "unlimited",
  "priority",
]);

export function accessSpan(tokens: readonly Token[], i: number): VagueSpan | null {
  const t = tokens[i] as Token;
  if (t.norm !== "access" && t.norm !== "accesses" && t.norm !== "accessing") return null;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && PHYSICAL.has(prev.norm)) return null;
  if (next && (next.norm === "arrangements" || next.norm === "arrangement")) return null;
  const toNext = next?.norm === "to";
  // "Access to every classroom": a place, which is the building's, not the child's provision.
  if (toNext) {
    const object = tokens
      .slice(i + 2, i + 5)
      .find((w) => !/^(?:the|all|every|each|a|an|her|his|their)$/.test(w.norm));
    if (object && PLACES.test(object.norm) && tokens[i + 2]?.norm !== "a") return null;
  }
  // "Able to access", "allowed to access": leave to use a service, not the service.
  const leaveTo =
    prev?.norm === "to" &&
    /^(?:able|allowed|free|chance|opportunity|opportunities)$/.test(tokens[i - 2]?.norm ?? "");
  const permitted = prev !== undefined && (ACCESS_BEFORE.has(prev.norm) || leaveTo);
  const opensSentence = prev === undefined;
  if (!toNext && !permitted) return null;
  if (!toNext && !opensSentence && prev?.norm === "to" && !leaveTo) return null;
  const end = toNext ? (next as Token).end : t.end;
  const start = leaveTo ? (tokens[i - 2] as Token).start : permitted && prev ? prev.start : t.start;
  return { kind: "access", start, end };
}

// Ranges of a count: "2-3 sessions", "two to three times", "between 1 and 2 hours", "20–30 mins".
const NUMBER =
  "(?:\\d+(?:\\.\\d+)?|once|twice|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety)";
const UNIT =
  "(?:minutes?|mins?|hours?|hrs?|h|sessions?|times|days?|weeks?|lessons?|periods?|visits?|x|×|pupils?|children|students|terms?|months?|blocks?|slots?|occasions|a\\s+(?:day|week|term|month)|per|each|every|weekly|daily|monthly|termly|hourly|words?|sentences?|steps?|prompts?|reminders?|questions?|books?|items?|peers?|friends?|adults?|turns?|attempts?|trials?|activities|tasks?|signs?|symbols?|spellings?|targets?|breaks?)";
const RANGE = new RegExp(
  `\\b(?:between\\s+(${NUMBER})\\s*(?:${UNIT}\\s+)?and\\s+(${NUMBER})\\b(?:\\s*${UNIT}\\b)?|(${NUMBER})\\s*(?:${UNIT}\\s*)?(?:-|–|—|to|or)\\s*(${NUMBER})\\s*${UNIT}\\b|(once|twice)\\s+or\\s+(twice|three\\s+times|thrice))`,
  "gi",
);
const MAYBE_NUMBER =
  /\d|\b(?:once|twice|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)\b/i;

// A floor and a ceiling, which is a range: "at least 10 and no more than 20 minutes".
const BOUNDS = new RegExp(
  `\\b(?:at least|a minimum of|no less than|no fewer than)\\s+${NUMBER}\\b[^.;]{0,25}?\\b(?:and|but|to)\\s+(?:(?:no|not)\\s+more\\s+than|up\\s+to|a\\s+maximum\\s+of)\\s+${NUMBER}\\b(?:\\s*${UNIT}\\b)?`,
  "gi",
);
const ISH = /\b\d+(?:\.\d+)?-?ish\b/gi;

function rangeSpans(text: string): VagueSpan[] {
  if (!MAYBE_NUMBER.test(text)) return [];
  const spans: VagueSpan[] = [];
  for (const m of text.matchAll(BOUNDS))
    spans.push({ kind: "range", start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(ISH))
    spans.push({ kind: "estimate", start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(RANGE)) {
    const low = m[1] ?? m[3];
    const high = m[2] ?? m[4];
    if (low !== undefined && high !== undefined) {
      const a = numberValue(low.toLowerCase());
      const b = numberValue(high.toLowerCase());
      // "One to one" is a ratio, and "9 to 10 o'clock" a time, not a range of amounts.
      if (a === null || b === null || a >= b) continue;
      // "9:00-9:30", "9.00 to 12.00" and "2:1" are times and ratios.
      const before = text[m.index - 1];
      if (before === ":" || before === ".") continue;
      if (/^\d{1,2}[.:]\d\d$/.test(low) || /^\d{1,2}[.:]\d\d$/.test(high)) continue;
    }
    let end = m.index + m[0].length;
    while (end > m.index && /\s/.test(text[end - 1] as string)) end--;
    spans.push({ kind: "range", start: m.index, end });
  }
  return spans;
}

const LENGTH_UNITS = /^(?:minutes?|mins?|hours?|hrs?)$/;

/** "3 sessions of up to 30 minutes a week": a cap on how long a session runs, the count fixed. */
export function isLengthCap(
  tokens: readonly Token[],
  i: number,
  end: number,
  text: string,
): boolean {
  const before = tokens[i - 1]?.norm;
  if (before !== "of" && before !== "lasting" && before !== "for") return false;
  if (!LENGTH_UNITS.test(tokens[end]?.norm ?? "")) return false;
  const sentence = sentenceAround(text, (tokens[i] as Token).start, (tokens[i] as Token).end);
  return hasFrequency(tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end));
}

/** "Regular" with an exact interval in its sentence ("regular weekly 30-minute sessions"). */
export function regularHasInterval(tokens: readonly Token[], i: number, text: string): boolean {
  const t = tokens[i] as Token;
  const sentence = sentenceAround(text, t.start, t.end);
  return hasFrequency(tokens.filter((w) => w.start >= sentence.start && w.end <= sentence.end));
}

const MONTH_BEFORE = new Set([
  "by",
  "in",
  "of",
  "until",
  "before",
  "since",
  "from",
  "end",
  "mid",
  "early",
  "late",
  "during",
  "after",
]);

// "She may go to the library at any time": leave given to the child, which is a decision.
const CHILD = new Set(["she", "he", "they", "i"]);
const LEAVE = new Set([
  "go",
  "leave",
  "use",
  "take",
  "bring",
  "choose",
  "sit",
  "stand",
  "wear",
  "eat",
  "move",
  "keep",
  "ask",
  "stay",
  "return",
]);

function mayIsModal(tokens: readonly Token[], i: number, text: string, child: string): boolean {
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  if (!next || /^\d/.test(next.norm)) return false;
  const prev = tokens[i - 1];
  if (prev && MONTH_BEFORE.has(prev.norm)) return false;
  if (prev && (CHILD.has(prev.norm) || prev.norm === child) && LEAVE.has(next.norm)) return false;
  // A capital "May" mid-sentence is the month.
  return (
    text[t.start] === "m" || prev === undefined || /[.!?:;\n]\s*$/.test(text.slice(0, t.start))
  );
}

// The editor re-checks the whole plan at each pause in typing, and all but one field are as they
// were: their spans are remembered by text, so only the changed field is read again.
const remembered = new Map<string, readonly VagueSpan[]>();
const REMEMBER = 4000;

/** Spans of `text` that leave room for doubt, left to right, not overlapping. */
export function findVagueness(
  text: string,
  tokens: readonly Token[],
  childName = "",
  inProvision = true,
): readonly VagueSpan[] {
  const key = `${inProvision ? "p" : "o"}${childName}\u0000${text}`;
  const known = remembered.get(key);
  if (known) return known;
  const spans = readVagueness(text, tokens, childName, inProvision);
  if (remembered.size >= REMEMBER) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, spans);
  return spans;
}

function readVagueness(
  text: string,
  tokens: readonly Token[],
  childName = "",
  inProvision = true,
): VagueSpan[] {
  const child = childName.toLowerCase();
  const quoted =
    text.includes('"') || text.includes("“") || text.includes("‘") ? quotedRanges(text) : [];
  const found: VagueSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const at = i;
    const t = tokens[i] as Token;
    let hit: VagueSpan | null = accessSpan(tokens, i) ?? purposeOnlySpan(tokens, i, text);
    if (!hit && t.norm === "may" && mayIsModal(tokens, i, text, child))
      hit = { kind: "hedge", start: t.start, end: t.end };
    if (!hit) {
      for (const { kind, pattern, provisionOnly } of BY_FIRST_WORD.get(t.norm) ?? []) {
        if (provisionOnly && !inProvision) continue;
        const m = pattern.matchAt(tokens, i);
        if (!m) continue;
        if (kind === "ceiling" && isLengthCap(tokens, i, m.endIndex, text)) continue;
        if (kind === "example" && t.norm === "and" && tokens[i + 1]?.norm === "or") continue;
        // A modifier preceded by a count is an amount: "25% extra time", "2 additional sessions".
        if (kind === "empty" && i > 0 && /^\d+(?:\.\d+)?%?$/.test((tokens[i - 1] as Token).norm))
          continue;
        // "Extra time of 25%": the amount follows.
        if (
          kind === "empty" &&
          tokens[m.endIndex - 1]?.norm === "time" &&
          tokens.slice(m.endIndex, m.endIndex + 3).some((w) => /^\d/.test(w.norm))
        )
          continue;
        hit = { kind, start: t.start, end: (tokens[m.endIndex - 1] as Token).end };
        i = m.endIndex - 1;
        break;
      }
    }
    if (!hit) continue;
    if (isNegated(tokens, at, text) || inRanges(quoted, hit.start)) continue;
    found.push(hit);
  }
  // "and/or" leaves who or what open.
  for (const m of text.matchAll(/\band\/or\b/gi)) {
    if (!inRanges(quoted, m.index))
      found.push({ kind: "example", start: m.index, end: m.index + 6 });
  }
  for (const r of rangeSpans(text)) if (!inRanges(quoted, r.start)) found.push(r);
  return withoutOverlaps(found);
}

/** Keeps the earliest (then longest) of spans that overlap. */
export function withoutOverlaps<T extends { start: number; end: number }>(spans: T[]): T[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const s of spans) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) continue;
    kept.push(s);
  }
  return kept;
}
