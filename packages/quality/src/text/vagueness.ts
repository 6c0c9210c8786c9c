import { hasFrequency } from "./findFrequency.js";
import { NUMBER_WORD_SOURCE, numberValue } from "./numbers.js";
import { TokenPattern } from "./TokenPattern.js";
import { availabilityConditions } from "./availability.js";
import { readClauses } from "./readClauses.js";
import { unspecifiedHelp } from "./unspecifiedHelp.js";
import { type LanguageReading, readLanguage } from "./readLanguage.js";
import { vaguenessByGrammar } from "./vaguenessByGrammar.js";
import type { SettingWords } from "./settingWords.js";
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

/** What to write instead, by kind; `name` is the child's name, `where` the setting's words. */
export const VAGUENESS_ADVICE: Readonly<
  Record<VaguenessKind, (name: string, where: SettingWords) => string>
> = {
  range: (n) => `give one amount, not a range: ${n} is entitled to the amount stated`,
  estimate: (n) => `give the exact amount ${n} will get, not an estimate`,
  ceiling: (n) => `give the amount ${n} will get, not a ceiling`,
  condition: (n) =>
    `say what ${n} will get and when; provision cannot depend on whether it is needed, possible or available at the time`,
  hedge: () =>
    "write what will be done: provision in a plan is a duty (CoP 9.69), not an intention or a possibility",
  deferral: (n) =>
    `decide it in the plan: say what ${n} will get, not who will decide it later or where it is written elsewhere`,
  frequency: (_, w) => `say exactly how often, e.g. three times a week or every ${w.period}`,
  empty: (n) =>
    `name the support itself: what is done with ${n}, by whom, how often and for how long`,
  example: () => "name exactly what will be used, not examples",
  access: (n) =>
    `say what ${n} will get, how often and for how long, not that ${n} may have access`,
  offer: () => "say what will be provided; provision in a plan is a duty, not a possibility",
};

/**
 * What to write instead in an outcome, by kind: the words there measure what the child does, so
 * the fix is a count or a criterion of the child's, not an amount of provision; `pronoun` is the
 * child's possessive ("her", "his", "their").
 */
export const OUTCOME_VAGUENESS_ADVICE: Readonly<
  Record<VaguenessKind, (name: string, pronoun: string, where: SettingWords) => string>
> = {
  range: (n) => `give the one count ${n} will reach, e.g. "five sentences", not a range`,
  estimate: (n) => `give the count ${n} will reach, e.g. "30 words a minute", not an estimate`,
  ceiling: (n) => `give the count ${n} will reach, not a ceiling on it`,
  condition: (n, p, w) =>
    `say when ${n} will do it, e.g. "each time ${p} ${w.adult} asks", not whether it suits at the time`,
  hedge: (n) => `write what ${n} will do ("will"), not what ${n} may, could or will try to do`,
  deferral: (n) => `decide it in the plan: say what ${n} will do, not who will agree it later`,
  frequency: () => `say how often, e.g. "on 4 of 5 days" or "every morning"`,
  empty: (n) => `name what ${n} will do or use, and how many or how often`,
  example: (n) => `name exactly what ${n} will use or do, not examples`,
  access: (n) => `say what ${n} will do there, and how often, not that ${n} will have access`,
  offer: (n) => `say what ${n} will do; what ${n} is offered belongs in section F`,
};

const GENERIC_SUPPORT =
  "support|help|assistance|input|provision|intervention|interventions|strategies|strategy|resources|adjustments|differentiation|approaches|approach|programme|programmes|program|guidance|encouragement|supervision|scaffolding|reassurance|care|equipment|materials|activities|curriculum|package|measures|aids|tools|monitoring";
const SUPPORT_MODIFIER =
  "reasonable|multi-disciplinary|multidisciplinary|multi-agency|holistic|whole-school|joined-up|consistent|nurturing|supportive|inclusive|appropriate|suitable|relevant|necessary|adequate|sufficient|additional|extra|further|targeted|specialist|specialised|specialized|individualised|individualized|individual|personalised|personalized|tailored|bespoke|enhanced|intensive|increased|continued|continuing|ongoing|general|some|adult|staff|extensive|significant|substantial|considerable|flexible|differentiated|high";

// Written as what each kind looks like in words; `#` is a count, `[x]` optional, `~N` a gap.
const PATTERNS: readonly [VaguenessKind | `o:${VaguenessKind}`, string][] = [
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
    "subject to [the] staffing|staff|funding|availability|resources|capacity|budget|approval|agreement|demand|timetabling|need|needs|assessment [availability|capacity|levels|cover|time|permitting]",
  ],
  ["condition", "depend|depending|dependent|depends|contingent on|upon"],
  [
    "condition",
    "if|when|as|whenever she|he|they needs|need|requires|require|wants|feels it|them|this|support|help|one|extra|more|additional",
  ],
  // An outcome the child meets only if they wish is optional: "join in if she wants to". (In
  // provision, "she may go to the library if she wants to" is leave given, a decision.)
  [
    "o:condition",
    "if|unless|when|whenever she|he|they wants|want|wishes|wish|chooses|choose|likes|like to",
  ],
  // An amount in words that counts nothing: "lots of friends", "a lot of reassurance".
  ["estimate", "lots|loads|plenty of"],
  ["estimate", "a lot of"],
  // "Some" as the amount of what is given: "some speech and language support twice a week" says
  // how often, not how much. ("Some of the sessions" is a part, not an amount.)
  [
    "estimate",
    "some ~3support|help|input|therapy|teaching|tuition|intervention|supervision|work|practice|time|sessions|lessons|activities|adult",
  ],
  // In an outcome, "read some books" counts nothing the reviewer can check.
  ["o:estimate", "some *"],
  // So do "many books", "several friends", "numerous words" (but not "how many", a question).
  ["o:estimate", "many|several|numerous|various *"],
  // Help of a kind and amount no one has said, as the measure of what the child does: "take
  // part with encouragement". ("With a prompt", "with no more than 2 reminders" say how much.)
  [
    "o:empty",
    "with [some|adult|appropriate|ongoing|continued|little|minimal] encouragement|support|help|prompting|prompts|reminders|guidance",
  ],
  // Hedges: an intention or a possibility, not a duty.
  ["hedge", "could|might|should"],
  ["hedge", "would benefit|help|be|need|support|allow|enable|suit|give|provide"],
  [
    "hedge",
    // "Will try to", "will aim for": a hedge on doing it; "will try a new club" is the doing.
    "will|shall|would|should|to|and|staff|school|we try|aim|endeavour|endeavor|attempt|seek|strive|hope to|for",
  ],
  ["hedge", "will|to|may|should|could look to"],
  ["hedge", "every effort"],
  ["hedge", "best endeavours|endeavors|efforts"],
  ["hedge", "hopefully|ideally|preferably|probably|perhaps|possibly|maybe|likely"],
  ["hedge", "it|is|are|be hoped|anticipated|intended|envisaged|expected that"],
  ["hedge", "it is hoped|anticipated|intended|envisaged"],
  ["hedge", "as far|much as possible|practicable|feasible"],
  ["hedge", "can|could|may access|have|receive|get|attend|join|request"],
  // The decision handed to someone else, or to a document outside the plan.
  [
    "deferral",
    "as|where|when|if advised|recommended|determined|directed|decided|agreed|arranged|deployed|assigned|allocated|nominated|set|outlined|specified|described|deemed|judged|prescribed|instructed|suggested|detailed|per",
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
  // "Set by the therapist" names whose programme it is; "chosen by the school" leaves it open,
  // and so does an amount set by someone: "at a frequency set by the OT".
  [
    "deferral",
    "frequency|length|number|amount|level|duration|intensity|timing|hours ~2set|fixed by",
  ],
  ["deferral", "decided|determined|chosen|selected|specified by"],
  ["deferral", "deemed|judged|thought|felt appropriate|necessary|suitable|fit|needed|required"],
  ["deferral", "see|sees fit"],
  // Changed later by whoever reviews it: "reviewed termly and adjusted accordingly".
  [
    "deferral",
    "adjusted|adapted|amended|changed|altered|modified|varied|increased|reduced|tailored accordingly",
  ],
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
    "school|setting|staff|senco|teacher|teachers|professionals|team|provider|they ~2decide|determine|choose|select|judge|decides|determines|chooses|selects|allocate|allocates|assign|assigns|deploy|deploys|nominate|nominates",
  ],
  // How often, not said.
  [
    "frequency",
    "occasional|occasionally|ongoing|periodic|periodically|frequent|frequently|often|sometimes|intermittent|intermittently|sporadic|sporadically|routinely|infrequent|infrequently|seldom|rarely",
  ],
  ["frequency", "from time to time"],
  ["frequency", "now and then|again"],
  ["frequency", "every so often"],
  ["frequency", "at various|certain|key|different|appropriate|suitable|relevant|intervals"],
  ["frequency", "at times"],
  ["frequency", "on occasion|occasions"],
  [
    "frequency",
    "most|some|many|several|certain|various|few|key days|lessons|sessions|times|weeks|occasions|points|parts|periods|mornings|afternoons|evenings|nights|weekends|terms|breaks|playtimes|lunchtimes|visits|subjects|classes|activities|areas|situations|contexts|settings",
  ],
  ["frequency", "some|most|much|part of the time|day|week"],
  // A share of the time no one has counted: "for the majority of the school day".
  [
    "frequency",
    "the majority|bulk|most|much of ~2day|days|week|weeks|time|timetable|lessons|sessions|curriculum|term",
  ],
  [
    "frequency",
    "a few|couple|handful|number [of] days|lessons|sessions|times|weeks|minutes|hours|occasions|visits|pupils|children|adults|words|strategies|activities|things|breaks|prompts|ideas|resources|tasks|steps|sentences",
  ],
  ["frequency", "a few|couple|handful|number of"],
  ["frequency", "several"],
  ["frequency", "hardly ever"],
  // Not quite always, which is how often left open ("usually" and its like are hedges, below).
  ["frequency", "nearly|almost always"],
  // In an outcome "a few lines", "a couple of pages" count nothing the reviewer can check.
  ["o:frequency", "a few|couple *"],
  // A length that whoever reviews it must judge: "in a reasonable time", "a reasonable amount".
  ["estimate", "a reasonable time|amount|length|period|number|distance"],
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
const MORE_PATTERNS: readonly [VaguenessKind | `p:${VaguenessKind}`, string][] = [
  // Leave to the child's state: "if she is able", "unless he is ready".
  [
    "condition",
    "if|unless she|he|they is|are|feels|feel|seems|seem ~1able|ready|willing|settled|confident",
  ],
  // Staff's intentions in provision; in an outcome these are the child's own doing ("Mia will
  // consider how others feel", "spend more time in class") or provision, which its own rule finds.
  ["p:hedge", "consider|considered|considering|consideration"],
  ["p:hedge", "be|is|are|being encouraged|invited|advised|asked"],
  ["p:empty", "extra|additional|more time"],
  // "Until no longer needed" in provision; in an outcome, "will no longer need" is the aim.
  ["p:condition", "no longer ~1needed|required|necessary|needs|need|requires"],
  // A group whose size is not given ("in a small group of 3" gives it).
  ["p:empty", "small|small-group class|classes|group|groups|setting|settings"],
  ["p:empty", "small-group"],
  ["p:empty", "is|are|be|being supported|helped|assisted"],
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
  ["condition", "as soon|early|quickly as possible|practicable|feasible"],
  ["condition", "asap"],
  ["condition", "for|as as long as necessary|needed|required|appropriate"],
  ["condition", "as long as ~2needed|necessary|required|appropriate"],
  [
    "condition",
    "according|relative|proportionate|matched|geared|suited to [his|her|their|the|pupil's|child's] need|needs|ability|abilities|level|levels",
  ],
  ["condition", "for a|some period|time|while [of] [time]"],
  ["condition", "for the foreseeable future"],
  ["hedge", "so far as"],
  ["empty", "priority access|support|help|time"],
  [
    "example",
    "assistant|ta|teacher|senco|mentor|lsa|adult|therapist or [a|an|the] [class] [teaching] assistant|ta|teacher|senco|mentor|lsa|adult|therapist",
  ],
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
    "p:hedge",
    "be|is|are|being|remain|remains|stay mindful|aware|conscious|sensitive|cognisant|cognizant",
  ],
  ["p:hedge", "respond|react|adapt|adjust|act|responds|adapts|adjusts accordingly"],
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
  ["empty", "provision|support|arrangements will|to|shall be made|put|provided for|in"],
  ["empty", "staff|adults|teachers|tas to|will|should receive|have|undertake training"],
  ["empty", "staff training"],
  [
    "deferral",
    "as part of [the] ~3offer|response|service|policy|package|curriculum|provision|approach|budget|programme",
  ],
  [
    "offer",
    "support|help|input|provision|assistance to be provided|given|offered|delivered|arranged",
  ],
  ["estimate", "or thereabouts"],
  // An amount not given: "some 1:1 reading", "some extra help".
  [
    "p:estimate",
    "some ~2reading|practice|work|sessions|teaching|time|input|help|support|writing|tuition",
  ],
  // The amount left to be changed later: "the level of input to be reviewed each term".
  [
    "p:deferral",
    "level|levels|amount|frequency|intensity|number|length|duration|hours ~6be reviewed|adjusted|varied|changed|altered|reduced|increased|tapered|revised",
  ],
  // The service's own capacity as the measure: "in line with the therapist's caseload".
  ["condition", "caseload|caseloads"],
  ["condition", "waiting list|lists"],
  // How much of it is enough, left to whoever reads it: "sufficient training", "adequate experience".
  ["p:empty", "sufficient|sufficiently|adequate|adequately"],
  ["p:empty", "properly|fully trained|qualified|skilled|equipped|prepared"],
  // Whoever happens to be there, or whoever someone picks.
  ["condition", "any|whichever available|free|spare"],
  ["p:deferral", "whoever|whichever|whatever"],
  [
    "deferral",
    "of|at [the] school's|senco's|teacher's|setting's|staff's|provider's|college's|nursery's|team's|therapist's choosing|choice",
  ],
  ["deferral", "will|shall|would be agreed|decided|determined|chosen|selected|negotiated"],
  [
    "condition",
    "suits|suit|fits|fit|convenient [to|for] [the] timetable|school|staff|setting|staffing|class|teacher",
  ],
  // In provision a cap on what is given; in an outcome "no more than three errors" is the bar.
  ["p:ceiling", "no|not more than #|a|an"],
  ["p:ceiling", "at most #"],
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

// Words that may come before a noun of support without saying anything of it.
const LEAD = new Set([
  "a",
  "an",
  "the",
  "and",
  "small",
  "group",
  "small-group",
  "1:1",
  "individual",
  "adult",
  "additional",
  "extra",
  "visual",
  "multi-sensory",
  "multisensory",
  "modified",
  "adapted",
  "clear",
  "consistent",
  "careful",
  "close",
  "positive",
  "structured",
  "predictable",
  "nurturing",
  "alternative",
  "personalised",
  "personalized",
  "specialist",
  "differentiated",
  "social",
  "emotional",
  "regular",
  "ongoing",
  "continued",
  "teaching",
  "learning",
]);

/** Whether token `i` opens its sentence, or only words of `LEAD` come before it there. */
function opensStatement(tokens: readonly Token[], i: number, text: string): number | null {
  let k = i;
  while (k > 0 && LEAD.has((tokens[k - 1] as Token).norm) && i - k < 3) {
    if (/[.!?;:\n]\s*$/.test(text.slice(0, (tokens[k] as Token).start))) break;
    k--;
  }
  const at = tokens[k] as Token;
  return k === 0 || /[.!?;:\n]\s*$/.test(text.slice(0, at.start)) ? k : null;
}

// Nouns of teaching and support that, heading a statement with no amount, frequency or name in
// it, leave what is done undecided: "Multi-sensory teaching.", "Monitoring of attendance."
const GENERIC_HEAD = new Set(
  (
    "teaching approaches approach environment boundaries repetition overlearning strategies " +
    "resources adjustments scaffolding differentiation materials monitoring planning liaison " +
    "consideration supports support help input assessment review use prompts prompting praise " +
    "reinforcement encouragement reassurance time chunking modification supervision"
  ).split(" "),
);

const ROLES = new Set(
  (
    "team service teacher teachers assistant assistants ta tas lsa senco therapist therapists " +
    "psychologist nurse mentor worker practitioner specialist counsellor coordinator elsa keyworker " +
    "key-worker tutor interpreter physiotherapist paediatrician clinician"
  ).split(" "),
);

/** A statement headed by a generic noun and holding nothing specific: no count, interval or name. */
function genericStatementSpan(
  text: string,
  tokens: readonly Token[],
  sentence: { start: number; end: number },
  child: string,
): VagueSpan | null {
  const words = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
  if (words.length === 0 || words.length > 14) return null;
  const head = words.findIndex(
    (t, i) => GENERIC_HEAD.has(t.norm) && !/^assistants?$/.test(words[i + 1]?.norm ?? ""),
  );
  if (head < 0 || head > 3 || opensStatement(words, head, text) === null) return null;
  // "Use of a laptop" names the thing used; how much of it is the quantity rules' concern.
  if (words[head]?.norm === "use" && words[head + 1]?.norm === "of") return null;
  if (hasFrequency(words)) return null;
  const specific = words.some(
    (t, i) =>
      /\d/.test(t.norm) ||
      numberValue(t.norm) !== null ||
      /^(?:every|each|all|always|whole|named|daily|weekly)$/.test(t.norm) ||
      // A capitalised word names something (a programme, a place), but the child's own name
      // says nothing of what is done.
      (i > 0 &&
        /^\p{Lu}/u.test(text.slice(t.start, t.end)) &&
        t.norm !== child &&
        t.norm !== `${child}'s`),
  );
  if (specific) return null;
  // A deliverer named is a decision made ("support from the inclusion team"); "an adult" is not.
  if (words.some((t, i) => i > head && ROLES.has(t.norm))) return null;
  const h = words[head] as Token;
  return { kind: "empty", start: (words[0] as Token).start, end: h.end };
}

// A clause that makes the provision wait on the means to provide it: "once funding has been
// confirmed", "as long as the service has capacity", "should a room be free". A condition on an
// event ("if the fire alarm sounds") is a decision of what to do, and passes.
const CONDITIONAL = new Set([
  "if",
  "unless",
  "once",
  "provided",
  "providing",
  "should",
  "whenever",
]);
const MEANS =
  /^(?:capacity|funding|funds|funded|staffing|staffed|availability|available|free|spare|allows|allow|permits|permit|permitting|confirmed|approved|approval|agreed|resources|resourced|budget|affordable|afford)$/;

function conditionOnMeansSpan(tokens: readonly Token[], i: number, text: string): VagueSpan | null {
  const t = tokens[i] as Token;
  let open = CONDITIONAL.has(t.norm) ? i : -1;
  // "As long as", "so long as".
  if (open < 0 && (t.norm === "as" || t.norm === "so") && tokens[i + 1]?.norm === "long") {
    if (tokens[i + 2]?.norm === "as") open = i;
  }
  if (open < 0) return null;
  // "Once a week" is a frequency; "provided by the school" says who, not on what condition.
  if (t.norm === "once" && /^(?:a|an|per|each|every|daily|weekly)$/.test(tokens[i + 1]?.norm ?? ""))
    return null;
  if (
    (t.norm === "provided" || t.norm === "providing") &&
    tokens[i + 1]?.norm !== "that" &&
    !/,\s*$/.test(text.slice(0, t.start))
  )
    return null;
  // "Should" opens a condition only where a clause begins ("…, should one be free").
  if (t.norm === "should" && i > 0 && !/[,;:]\s*$/.test(text.slice(0, t.start))) return null;
  for (let k = i + 1; k < tokens.length && k <= i + 9; k++) {
    const w = tokens[k] as Token;
    if (/[.;:,!?]/.test(text.slice((tokens[k - 1] as Token).end, w.start))) return null;
    if (MEANS.test(w.norm)) return { kind: "condition", start: t.start, end: w.end };
  }
  return null;
}

function purposeOnlySpan(tokens: readonly Token[], i: number, text: string): VagueSpan | null {
  const t = tokens[i] as Token;
  if (!PURPOSE_ONLY.has(t.norm)) return null;
  // "Intervention programmes to develop...": one noun may name the kind of thing.
  const extra = PURPOSE_KIND.has(tokens[i + 1]?.norm ?? "") ? 1 : 0;
  if (tokens[i + 1 + extra]?.norm !== "to") return null;
  const verb = tokens[i + 2 + extra];
  if (!verb || !PURPOSE_VERBS.has(verb.norm)) return null;
  const from = opensStatement(tokens, i, text);
  if (from === null) return null;
  return { kind: "empty", start: (tokens[from] as Token).start, end: verb.end };
}

// "Staff will be aware of her anxiety" is a hedge in provision; in an outcome the awareness is
// the child's, which is a matter of measure, not of doubt.
const COMPILED = [...PATTERNS, ...MORE_PATTERNS].map(([kind, source]) => ({
  kind: (/^[po]:/.test(kind) ? kind.slice(2) : kind) as VaguenessKind,
  provisionOnly: kind.startsWith("p:"),
  outcomeOnly: kind.startsWith("o:"),
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
  /^(?:lifts?|classrooms?|buildings?|sites?|floors?|toilets?|corridors?|doors?|entrances?|rooms|all areas|every area|playgrounds?|halls?|stairs|upstairs)$/;
const FIXTURES =
  /^(?:lift|key|keys|desk|desks|chair|chairs|table|tables|hoist|hoists|ramp|ramps|handrails?|lockers?|seat|seats|seating|changing|bench|benches|height-adjustable|adapted|accessible|sloped)$/;
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
  // "Will keep accessing the group", "carry on accessing", "continue accessing": no more decided.
  "keep",
  "keeps",
  "on",
  "continue",
  "continues",
  "still",
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
    // The place may follow a word that describes it: "the accessible toilet", "every upstairs room".
    const objects = tokens
      .slice(i + 2, i + 5)
      .filter((w) => !/^(?:the|all|every|each|a|an|her|his|their)$/.test(w.norm))
      .slice(0, 2);
    if (objects.some((w) => PLACES.test(w.norm)) && tokens[i + 2]?.norm !== "a") return null;
    // A fixture or a piece of furniture is the building's too: "a lift key", "an adapted chair".
    const things = tokens
      .slice(i + 2, i + 6)
      .filter((w) => !/^(?:the|all|every|each|a|an|her|his|their)$/.test(w.norm))
      .slice(0, 3);
    if (things.some((w) => FIXTURES.test(w.norm))) return null;
  }
  // "Able to access", "allowed to access": leave to use a service, not the service; "continue to
  // access" it, no more decided.
  const leaveTo =
    prev?.norm === "to" &&
    /^(?:able|allowed|free|chance|opportunity|opportunities|continue|continues|continuing)$/.test(
      tokens[i - 2]?.norm ?? "",
    );
  const permitted = prev !== undefined && (ACCESS_BEFORE.has(prev.norm) || leaveTo);
  const opensSentence = prev === undefined;
  if (!toNext && !permitted) return null;
  if (!toNext && !opensSentence && prev?.norm === "to" && !leaveTo) return null;
  const end = toNext ? (next as Token).end : t.end;
  const start = leaveTo ? (tokens[i - 2] as Token).start : permitted && prev ? prev.start : t.start;
  return { kind: "access", start, end };
}

// Ranges of a count: "2-3 sessions", "two to three times", "between 1 and 2 hours", "20–30 mins".
// Every count written in words, not only the common ones: "seventeen to twenty-five minutes".
const NUMBER = `(?:\\d+(?:\\.\\d+)?|${NUMBER_WORD_SOURCE})`;
const UNIT =
  "(?:of\\s+\\d+|minutes?|mins?|hours?|hrs?|h|sessions?|times|days?|weeks?|lessons?|periods?|visits?|x|×|pupils?|children|students|terms?|months?|blocks?|slots?|occasions|a\\s+(?:day|week|term|month)|per|each|every|weekly|daily|monthly|termly|hourly|words?|sentences?|steps?|prompts?|reminders?|questions?|books?|items?|peers?|friends?|adults?|turns?|attempts?|trials?|activities|tasks?|signs?|symbols?|spellings?|targets?|breaks?|lines?|pages?|paragraphs?|of(?=\\s))";
const RANGE = new RegExp(
  `\\b(?:between\\s+(${NUMBER})\\s*(?:${UNIT}\\s+)?and\\s+(${NUMBER})\\b(?:\\s*${UNIT}\\b)?|(${NUMBER})\\s*(?:${UNIT}\\s*)?(?:-|–|—|to|or)\\s*(${NUMBER})\\s*(?:(?!${UNIT}\\b)[a-z]+\\s+)?${UNIT}\\b|(once|twice)\\s+or\\s+(twice|three\\s+times|thrice))`,
  "gi",
);
const MAYBE_NUMBER = new RegExp(`\\d|\\b(?:${NUMBER_WORD_SOURCE})\\b`, "i");

// A floor and a ceiling, which is a range: "at least 10 and no more than 20 minutes".
const BOUNDS = new RegExp(
  `\\b(?:at least|a minimum of|no less than|no fewer than)\\s+${NUMBER}\\b[^.;]{0,25}?\\b(?:and|but|to)\\s+(?:(?:no|not)\\s+more\\s+than|up\\s+to|a\\s+maximum\\s+of)\\s+${NUMBER}\\b(?:\\s*${UNIT}\\b)?`,
  "gi",
);
const ISH = /\b\d+(?:\.\d+)?-?ish\b/gi;
// Two counts offered as alternatives, whatever follows: "seven or eight short sessions",
// "thirteen or fourteen mornings", "2 or 3 movement breaks".
const EITHER_COUNT = new RegExp(`\\b(${NUMBER})\\s+or\\s+(${NUMBER})\\b`, "gi");
// Words before which two counts name things, not an amount: "Year 5 or 6", "level 2 or 3".
const NAMED_BY_NUMBER =
  /^(?:years?|key|stage|level|levels|age|ages|step|steps|page|pages|chapter|book|band|grade|grades|phase|room|table|group|number|numbers)$/i;

// Nouns a child's work is counted in: after a verb of learning, a range of them is an amount not
// fixed ("write 4 or 5 sentences", "spell 15 to 20 of her words"), not the content learnt.
const THINGS_COUNTED =
  /^(?:books?|sentences?|lines?|pages?|paragraphs?|words?|spellings?|questions?|stories|letters?|sounds?|signs?|of|times|minutes?|mins?)$/i;

function countsThings(text: string, end: number, matched = ""): boolean {
  const last = /([\p{L}]+)\s*$/u.exec(matched)?.[1];
  if (last && THINGS_COUNTED.test(last)) return true;
  const after = /^\s*([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(text.slice(end));
  return !!after && (THINGS_COUNTED.test(after[1] ?? "") || THINGS_COUNTED.test(after[2] ?? ""));
}

const PERSON =
  /^(?:adults?|staff|teachers?|tas?|assistants?|pupils?|children|child|students?|learners?|peers?)$/i;

/** Whether the words count one kind of person to another ("one adult to three pupils"). */
function ratioOfPeople(words: string): boolean {
  const m = /^\S+\s+(\S+)\s+to\s+\S+\s+(\S+)$/i.exec(words.trim());
  return !!m && PERSON.test(m[1] ?? "") && PERSON.test(m[2] ?? "") && m[1] !== m[2];
}

function rangeSpans(text: string): VagueSpan[] {
  if (!MAYBE_NUMBER.test(text)) return [];
  const spans: VagueSpan[] = [];
  for (const m of text.matchAll(BOUNDS))
    spans.push({ kind: "range", start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(ISH))
    spans.push({ kind: "estimate", start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(EITHER_COUNT)) {
    const lead = /([\p{L}-]+)\s*$/u.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1];
    if (lead && NAMED_BY_NUMBER.test(lead)) continue;
    if (
      lead &&
      CONTENT_BEFORE.has(lead.toLowerCase()) &&
      !countsThings(text, m.index + m[0].length)
    )
      continue;
    const a = numberValue((m[1] as string).toLowerCase());
    const b = numberValue((m[2] as string).toLowerCase());
    if (a === null || b === null || a >= b) continue;
    if (/[.:]\d/.test(m[0]) || text[m.index - 1] === "." || text[m.index - 1] === ":") continue;
    spans.push({ kind: "range", start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(RANGE)) {
    const lead = /([\p{L}-]+)\s*$/u.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1];
    // "Numbers between 1 and 100" is what is learnt; "read 3 to 4 books", an amount not fixed.
    if (
      lead &&
      CONTENT_BEFORE.has(lead.toLowerCase()) &&
      !countsThings(text, m.index + m[0].length, m[0])
    )
      continue;
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
      // "One adult to three pupils": people counted against other people are a ratio.
      if (ratioOfPeople(m[0])) continue;
    }
    let end = m.index + m[0].length;
    while (end > m.index && /\s/.test(text[end - 1] as string)) end--;
    spans.push({ kind: "range", start: m.index, end });
  }
  return spans;
}

// Words after which a count or a range is what is taught or learnt: "numbers up to 20",
// "order numbers between 1 and 100".
export const CONTENT_BEFORE = new Set(
  (
    "count counting counts numbers number read reads reading recall recalls order ordering add " +
    "adding subtract subtracting bonds multiply tables times-tables write writes recognise " +
    "recognises recognize digits values spell spells words"
  ).split(" "),
);

const PEOPLE = /^(?:pupils?|children|child|students?|learners?|peers?|boys|girls|members)$/;

const AMOUNT_UNIT =
  /^(?:minutes?|mins?|hours?|hrs?|sessions?|times|days?|lessons?|visits?|periods?|weeks?|mornings?|afternoons?)$/;

/** Whether a word is a unit of what a child is given (minutes, sessions, days…), not of a task. */
export const isAmountUnit = (norm: string): boolean => AMOUNT_UNIT.test(norm);

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
  // "She can leave for up to 10 minutes": a limit on leave given to the child, which is decided.
  const words = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
  if (
    before === "for" &&
    words.some(
      (t, k) =>
        LEAVE.has(t.norm) &&
        /^(?:can|may|to)$/.test(words[k - 1]?.norm ?? "") &&
        words.slice(0, k).some((w) => CHILD.has(w.norm)),
    )
  )
    return true;
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
  // Using what the child is given to hold: "a pass that she may show to any teacher".
  "show",
  "hand",
  "give",
  "present",
  "walk",
]);

// A capitalised word that is no word of a body of people: a person's name ("Ella may wear…").
const NOT_A_NAME =
  /^(?:the|a|an|this|that|staff|school|setting|adults?|teachers?|parents?|it|we|you|they|there|pupils?|students?|children|everyone)$/;
const isPersonsName = (text: string, t: Token) =>
  /^\p{Lu}\p{Ll}+$/u.test(text.slice(t.start, t.end)) && !NOT_A_NAME.test(t.norm);

function mayIsModal(tokens: readonly Token[], i: number, text: string, child: string): boolean {
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  if (!next || /^\d/.test(next.norm)) return false;
  const prev = tokens[i - 1];
  if (prev && MONTH_BEFORE.has(prev.norm)) return false;
  if (
    prev &&
    (CHILD.has(prev.norm) || prev.norm === child || isPersonsName(text, prev)) &&
    LEAVE.has(next.norm)
  )
    return false;
  // A capital "May" mid-sentence is the month.
  return (
    text[t.start] === "m" || prev === undefined || /[.!?:;\n]\s*$/.test(text.slice(0, t.start))
  );
}

const BE_WORDS = /^(?:be|is|are|being)$/;
const SHOWN_FEELING =
  /^(?:distressed|upset|anxious|angry|agitated|dysregulated|unsettled|overwhelmed|frightened|scared|tearful|aggressive|unwell|ill)$/;
const sentenceText = (text: string, t: Token) => {
  const sentence = sentenceAround(text, t.start, t.end);
  return text.slice(sentence.start, sentence.end);
};
// Two capitalised words close together inside a sentence name a programme ("Toe by Toe",
// "Read Write Inc."), which one name alone does not.
const namesProgramme = (text: string, words: readonly Token[]) =>
  words.some(
    (w, k) =>
      k > 0 &&
      /^\p{Lu}/u.test(text.slice(w.start, w.end)) &&
      words.slice(k + 1, k + 3).some((x) => /^\p{Lu}/u.test(text.slice(x.start, x.end))),
  );

const tokensOfSentence = (tokens: readonly Token[], text: string, t: Token) => {
  const sentence = sentenceAround(text, t.start, t.end);
  return tokens.filter((w) => w.start >= sentence.start && w.end <= sentence.end);
};

/** Spans of `text` that leave room for doubt, left to right, not overlapping. */
export function findVagueness(
  text: string,
  tokens: readonly Token[],
  childName = "",
  inProvision = true,
  statement = false,
): readonly VagueSpan[] {
  return readVagueness(text, tokens, childName, inProvision, statement);
}

function readVagueness(
  text: string,
  tokens: readonly Token[],
  childName: string,
  inProvision: boolean,
  statement: boolean,
): VagueSpan[] {
  const child = childName.toLowerCase();
  const quoted =
    text.includes('"') || text.includes("“") || text.includes("‘") ? quotedRanges(text) : [];
  const found: VagueSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const at = i;
    const t = tokens[i] as Token;
    let hit: VagueSpan | null =
      accessSpan(tokens, i) ??
      purposeOnlySpan(tokens, i, text) ??
      conditionOnMeansSpan(tokens, i, text);
    if (!hit && t.norm === "may" && mayIsModal(tokens, i, text, child))
      hit = { kind: "hedge", start: t.start, end: t.end };
    if (!hit) {
      for (const { kind, pattern, provisionOnly, outcomeOnly } of BY_FIRST_WORD.get(t.norm) ?? []) {
        if (provisionOnly && !inProvision) continue;
        if (outcomeOnly && inProvision) continue;
        const m = pattern.matchAt(tokens, i);
        if (!m) continue;
        if (kind === "ceiling" && isLengthCap(tokens, i, m.endIndex, text)) continue;
        // "Say how many cubes there are", "as many as ten": a count asked for or given.
        if (kind === "estimate" && /^(?:how|as|so|too)$/.test(tokens[i - 1]?.norm ?? "")) continue;
        // "A group of a maximum of 6 pupils": a cap on who is in the group fixes the group's
        // size, which is the decision; "a maximum of 6 sessions" caps what the child is given.
        if (kind === "ceiling" && PEOPLE.test(tokens[m.endIndex]?.norm ?? "")) continue;
        // "A class of no more than 10 pupils" limits the group, which is the decision itself;
        // "no more than 10 hours" caps what the child is given.
        // In an outcome, "a group of up to four children" is the size of what the child does,
        // not a cap on what is given; "for up to 10 minutes" is still no measure.
        if (
          kind === "ceiling" &&
          (t.norm === "no" ||
            t.norm === "not" ||
            t.norm === "at" ||
            (!inProvision && t.norm === "up")) &&
          !AMOUNT_UNIT.test(tokens[m.endIndex]?.norm ?? "")
        )
          continue;
        if (kind === "example" && t.norm === "and" && tokens[i + 1]?.norm === "or") continue;
        // "When he becomes distressed": a feeling the child shows is a trigger anyone can see,
        // and what follows it a decision; "when he becomes independent" is a time left open.
        if (
          kind === "condition" &&
          /^(?:becomes|become)$/.test(tokens[m.endIndex - 1]?.norm ?? "") &&
          SHOWN_FEELING.test(tokens[m.endIndex]?.norm ?? "")
        )
          continue;
        // "Breakfast is offered to him at 8.15": what is given, and when, is decided.
        if (kind === "offer" && BE_WORDS.test(t.norm) && /\d/.test(sentenceText(text, t))) continue;
        // "32.5 hours a week of one-to-one adult assistance": the hours and the adult are given;
        // what is done in them is provision-hours-only's concern.
        if (kind === "empty" && t.norm === "adult" && /\bhours?\b/i.test(sentenceText(text, t)))
          continue;
        // "Small-group teaching … using Toe by Toe": the group is the named programme's.
        if (
          kind === "empty" &&
          /^(?:small|small-group)$/.test(t.norm) &&
          namesProgramme(text, tokensOfSentence(tokens, text, t))
        )
          continue;
        // A modifier preceded by a count is an amount: "25% extra time", "2 additional sessions".
        if (kind === "empty" && i > 0 && /^\d+(?:\.\d+)?%?$/.test((tokens[i - 1] as Token).norm))
          continue;
        // "At times of change" names the times.
        if (kind === "frequency" && t.norm === "at" && tokens[m.endIndex]?.norm === "of") continue;
        // "Each part of the day", "every part of the week": all of them, which is a decision.
        if (
          kind === "frequency" &&
          t.norm === "part" &&
          /^(?:each|every|all)$/.test(tokens[i - 1]?.norm ?? "")
        )
          continue;
        // "Stays with him until he is settled at his table each morning": an end the sentence
        // fixes by its interval, not a time left open.
        if (
          kind === "condition" &&
          t.norm === "until" &&
          hasFrequency(tokensOfSentence(tokens, text, t))
        )
          continue;
        // "Explain what she could do instead", "know what he should do in a fire drill": a modal
        // in a question the sentence asks about is what the child says or knows, not a hedge.
        if (kind === "hedge" && MODAL_WORDS.has(t.norm) && inEmbeddedQuestion(tokens, i, text))
          continue;
        // "A range of 5 feelings words": the count says how many, so the set is decided.
        if (kind === "empty" && t.norm === "a" && startsWithCount(tokens, m.endIndex)) continue;
        // "Count up to 20" is what is learnt, not a ceiling on what is given.
        if (kind === "ceiling" && i > 0 && CONTENT_BEFORE.has((tokens[i - 1] as Token).norm))
          continue;
        // "A small group of three", "supported by a TA": what follows decides it.
        const after = tokens.slice(m.endIndex, m.endIndex + 3).map((w) => w.norm);
        if (
          /^(?:small|small-group)$/.test(t.norm) &&
          after.some((w) => /^\d/.test(w) || numberValue(w) !== null)
        )
          continue;
        if (
          /^(?:supported|helped|assisted)$/.test(tokens[m.endIndex - 1]?.norm ?? "") &&
          /^(?:by|with|through|using|from|to)$/.test(after[0] ?? "")
        )
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
  // Only a provision's description is a statement of provision; who and expertise are names.
  if (inProvision && statement && MAYBE_HELP.test(text)) {
    for (const span of unspecifiedHelp(text, tokens, child))
      if (!inRanges(quoted, span.start)) found.push({ kind: "empty", ...span });
  }
  if (inProvision && statement) {
    for (const sentence of sentencesOf(text)) {
      const span = genericStatementSpan(text, tokens, sentence, child);
      if (span && !inRanges(quoted, span.start)) found.push(span);
    }
  }
  // The model reads the words once, and only when a rule of grammar may apply.
  let reading: LanguageReading | null = null;
  const read = () => (reading ??= readLanguage(text));
  if (inProvision && statement && MAYBE_MODAL.test(text)) {
    for (const span of modalHedges(read(), child))
      if (!inRanges(quoted, span.start)) found.push(span);
  }
  if (inProvision && statement) {
    const spans = MAYBE_GRAMMAR.test(text)
      ? vaguenessByGrammar(text, tokens, read(), child)
      : vaguenessByGrammar(text, tokens, NO_READING, child);
    for (const span of spans) if (!inRanges(quoted, span.start)) found.push(span);
  }
  // "Wherever they can", "if she is able": a condition on whether it can be done at all.
  for (const m of text.matchAll(CAN_CONDITION)) {
    if (!inRanges(quoted, m.index))
      found.push({ kind: "condition", start: m.index, end: m.index + m[0].trimEnd().length });
  }
  // "If she has time", "when staff are free", "where capacity allows": whether it happens is
  // left to the rota. In who and expertise the words name a person, read by the deliverer rules.
  if ((statement || !inProvision) && MAYBE_AVAILABILITY.test(text)) {
    for (const span of availabilityConditions(text, tokens, child))
      if (!inRanges(quoted, span.start)) found.push({ kind: "condition", ...span });
  }
  // "and/or" leaves who or what open.
  for (const m of text.matchAll(/\band\/or\b/gi)) {
    if (!inRanges(quoted, m.index))
      found.push({ kind: "example", start: m.index, end: m.index + 6 });
  }
  for (const r of rangeSpans(text)) {
    if (inRanges(quoted, r.start)) continue;
    if (!inProvision && r.kind === "range" && sizesTheTask(text, r)) continue;
    found.push(r);
  }
  return withoutOverlaps(found);
}

/**
 * Whether a range in an outcome gives the size of a thing the child does ("sentences of 4 to 5
 * words", "a group of 3 to 4 children"): after a noun and "of", and not an amount of time or
 * sessions. How many sentences she writes ("4 or 5 sentences") is still no measure.
 */
function sizesTheTask(text: string, r: VagueSpan): boolean {
  const before = /([\p{L}]+)\s+of\s+$/u.exec(text.slice(Math.max(0, r.start - 30), r.start));
  if (!before || /^(?:up|out|most|some|any|all|each|one|made|full)$/i.test(before[1]!))
    return false;
  const unit = /([\p{L}]+)\s*$/u.exec(text.slice(r.start, r.end))?.[1] ?? "";
  return !isAmountUnit(unit.toLowerCase());
}

const CAN_CONDITION =
  /\b(?:where|wherever|whenever|when|if|as best|as well as|as far as|as much as)\s+(?:[\p{L}']+\s+){0,2}(?:can|could|is able|are able)(?=\s*(?:[.,;:)]|$))/giu;

// Words without which unspecifiedHelp can find nothing.
const MAYBE_HELP = /\b(?:help\w*|support\w*|assist\w*|aid\w*|work)\b/i;

// Words without which availabilityConditions can find nothing.
const MAYBE_AVAILABILITY =
  /\b(?:free|available|spare|spared|released|freed|elsewhere|capacity|time|allows?|allowing|permits?|permitting|enough|sufficient|can|could)\b/i;

// Words without which no rule of grammar in vaguenessByGrammar.ts can find anything.
const MAYBE_GRAMMAR =
  /\b(?:if|when|whenever|where|wherever|as|while|whilst|unless|should|event|try|tries|trying|tried|endeavou?r\w*|aims?|aiming|intend\w*|hopes?|hoping|striv\w*|attempt\w*|seek\w*|encourag\w*|expect\w*|do|does|doing)\b/i;
const NO_READING: LanguageReading = { sentences: [], entities: [] };

const MAYBE_MODAL = /\b(?:would|could|might|should|can)\b/i;
const MODAL_WORDS = new Set(["would", "could", "might", "should", "can"]);
const QUESTION_WORDS = new Set(["what", "how", "which", "whether"]);

/**
 * Whether the modal at `i` is in a question a sentence asks about ("say what she could do",
 * "how he might feel", "which choice he should make"): a question word at most three words
 * before, with nothing between them that ends a clause.
 */
function inEmbeddedQuestion(tokens: readonly Token[], i: number, text: string): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const w = tokens[j] as Token;
    if (/[,;:.!?()]/.test(text.slice(w.end, (tokens[j + 1] as Token).start))) return false;
    if (QUESTION_WORDS.has(w.norm)) return j > 0;
  }
  return false;
}

/** Whether the words from `i` start with a count: "5 feelings words", "three strategies". */
function startsWithCount(tokens: readonly Token[], i: number): boolean {
  const w = tokens[i]?.norm ?? "";
  return /^\d+$/.test(w) || (numberValue(w) !== null && w !== "one");
}
const HEDGING_MODALS = new Set(["would", "could", "might", "should", "can"]);

/**
 * Provision written with a modal verb, read from the grammar: "Mia would have a weekly
 * session", "a laptop can be used". A duty is "will"; "would", "could", "might", "should" and
 * "can" say what is possible or advised. Leave given to the child ("she can use the lift at any
 * time") is a decision, and so is a modal that no verb follows.
 */
function modalHedges(reading: LanguageReading, child: string): VagueSpan[] {
  const spans: VagueSpan[] = [];
  for (const sentence of reading.sentences) {
    for (const clause of readClauses(sentence)) {
      if (clause.modal === null || !HEDGING_MODALS.has(clause.modal) || clause.verb === null)
        continue;
      if (clause.subordinate) continue;
      const head = clause.subject[clause.subject.length - 1];
      const childIsSubject =
        head !== undefined && (CHILD.has(head.norm) || head.norm === child || head.pos === "PROPN");
      if (childIsSubject && clause.modal === "can" && !clause.passive) continue;
      if (childIsSubject && LEAVE.has(clause.verb.lemma)) continue;
      const modal = clause.auxiliaries.find((a) => a.norm === clause.modal);
      if (!modal) continue;
      spans.push({ kind: "hedge", start: modal.start, end: clause.verb.end });
    }
  }
  return spans;
}

function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // A point inside a word ("3.00", "e.g.") does not end a sentence.
  for (const m of text.matchAll(/(?:[^.!?;\n]|[.!?](?=\S))+/g))
    out.push({ start: m.index, end: m.index + m[0].length });
  return out;
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
