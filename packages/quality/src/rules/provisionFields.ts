import { formatJsonPath, type ProvisionSectionKey } from "@ehcp/schema";
import type { RuleCheck, RuleContext, RuleFinding } from "../Rule.js";
import type { ProvisionEntry } from "../Thread.js";
import { hasDuration, hasFrequency } from "../text/findFrequency.js";
import { isNumberWord } from "../text/numbers.js";
import type { Token } from "../text/tokenize.js";
import { namesExpertise, namesSomeone } from "../text/readDeliverer.js";
import { readLanguage } from "../text/readLanguage.js";
import { standsThroughout } from "../text/standsThroughout.js";

const fieldPath = (e: ProvisionEntry, field: string) =>
  formatJsonPath(["sections", e.section, "provisions", e.index, field]);

function eachProvision(
  { thread }: RuleContext,
  sections: readonly ProvisionSectionKey[],
  check: (e: ProvisionEntry, label: string) => RuleFinding | null,
): RuleFinding[] {
  return thread.provisions
    .filter((e) => sections.includes(e.section))
    .flatMap((e) => check(e, e.label) ?? []);
}

/** Says how often and how long in words, where the structured fields were left empty. */
const quantifiedInWords = (tokens: readonly Token[]): boolean =>
  hasFrequency(tokens) && hasDuration(tokens, isNumberWord);

export const provisionNotQuantified: RuleCheck = (context) =>
  eachProvision(context, ["F"], (e, label) => {
    const p = e.provision;
    // Nought hours, or nought sessions, is no provision: the field was filled in but nothing is
    // promised.
    const zeroSessions = p.frequency?.sessions === 0;
    const zeroHours = (p.hoursPerWeek === 0 && !p.frequency) || zeroSessions;
    if (!zeroHours && (p.frequency || p.hoursPerWeek !== null)) return null;
    const { tokens } = context.fieldAt(fieldPath(e, "what"));
    if (!zeroHours && (quantifiedInWords(tokens) || standsThroughout(tokens))) return null;
    return {
      section: e.section,
      target: p.id,
      path: fieldPath(e, zeroHours && !zeroSessions ? "hoursPerWeek" : "frequency"),
      message: zeroSessions
        ? `${label} gives 0 sessions, so nothing is promised to ${context.childName}: give how many sessions and how long each lasts. Provision must be quantified (CoP 9.69).`
        : zeroHours
          ? `${label} gives 0 hours a week, so nothing is promised to ${context.childName}: give how often and for how long, or the hours a week. Provision must be quantified (CoP 9.69).`
          : `${label} does not say how much: give how often and for how long (e.g. 3 × 20 minutes a week) or the hours a week. Provision must be quantified (CoP 9.69).`,
    };
  });

// Words that say how much, of whom and where, but not what is done: "25 hours of 1:1 TA
// support in class to access the curriculum". Whatever is left names an activity or a method.
const NOT_AN_ACTIVITY = new Set(
  (
    "hours hour hrs hr h of a an the per week weeks weekly a day daily each every support supported supporting " +
    // Words for help of any kind, which name no activity either.
    "assistance assist assisting input aid " +
    "1:1 1-1 one-to-one one to individual individually adult adults ta tas lsa lsas teaching assistant assistants " +
    "learning staff member members in within class classes classroom classrooms school setting college with and " +
    "lessons lesson all full-time part-time full part time total up approximately around about minimum maximum " +
    "including across throughout during at for from by help helping him her them his their he she they child " +
    "pupil student young person access accessing curriculum education will be is are provided provide funded " +
    "funding top-up band banding element resource allocation dedicated additional extra further general " +
    "appropriate suitable specialist targeted level high levels amount this that which so can to as needed required " +
    "necessary reading writing literacy numeracy maths mathematics english subjects subject areas area core " +
    "lunchtime lunchtimes break breaks playtime playtimes unstructured structured times morning mornings " +
    "afternoon afternoons day days session sessions keep safe safety or on mainstream sen send needs need " +
    "its it also other over under site whole shared small group groups 1:2 1:3 1:4 2:1 ratio equivalent " +
    "include includes included share between pupils children students in-class class-based inclusive " +
    "covering cover allocated allocation hours' core"
  ).split(" "),
);

/** Whether the words say what is done, as opposed to only how many hours of whom. */
function namesAnActivity(text: string, tokens: readonly Token[], childName: string): boolean {
  const name = childName.toLowerCase();
  const isCapitalised = (t: Token | undefined) =>
    t !== undefined && /^\p{Lu}\p{Ll}/u.test(text.slice(t.start, t.end));
  return tokens.some(
    (t, i) =>
      !NOT_AN_ACTIVITY.has(t.norm) &&
      !isNumberWord(t.norm) &&
      t.norm !== name &&
      t.norm !== `${name}'s` &&
      !/^\d/.test(t.norm) &&
      // A lone capitalised word inside a sentence is a person's name ("to help Ava"); a
      // programme's name runs to more than one ("Precision Teaching", "Toe by Toe").
      !(
        i > 0 &&
        isCapitalised(t) &&
        !isCapitalised(tokens[i - 1]) &&
        !isCapitalised(tokens[i + 1]) &&
        !/[.!?:]\s*$/.test(text.slice(0, t.start))
      ),
  );
}

const HOURS_IN_WORDS = /\b(?:\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)\s+(?:hours?|hrs?)\b/i;

export const provisionHoursOnly: RuleCheck = (context) =>
  eachProvision(context, ["F", "G", "H1", "H2"], (e, label) => {
    const p = e.provision;
    if (p.frequency !== null || p.hoursPerWeek === 0) return null;
    const { text, tokens } = context.fieldAt(fieldPath(e, "what"));
    if (p.hoursPerWeek === null && !HOURS_IN_WORDS.test(text)) return null;
    if (namesAnActivity(text, tokens, context.childName)) return null;
    const hours = p.hoursPerWeek === null ? "hours" : `${p.hoursPerWeek} hours a week`;
    return {
      section: e.section,
      target: p.id,
      path: fieldPath(e, "what"),
      message: `${label} gives ${hours} but not what is done in them or to what end. Say what the adult does with ${context.childName}, and what it is for (EC v North East Lincolnshire [2015]).`,
    };
  });

// An answer that names no one and no training: "TBC", "staff", "appropriately trained".
const PLACEHOLDER = new Set(
  (
    "tbc tbd tba tbc. n/a na none unknown to be confirmed agreed decided determined identified allocated " +
    "staff school setting college adult adults member members of the a an appropriate appropriately relevant " +
    "suitable suitably trained qualified experienced experience skilled key professional professionals team " +
    "as required needed necessary various all any other others someone person people support general " +
    "education educational trust provider service services by and or with in knowledgeable competent " +
    "training expertise knowledge understanding aware awareness sufficient adequate good standard usual " +
    "some level dbs enhanced check checked cleared sen send identified nominated designated named " +
    "available where possible if possible when where " +
    // Wherever staff happen to be: "staff on duty", "the classroom team", "whoever is free".
    "on duty classroom class whoever is free team"
  ).split(" "),
);

const NO_ONE = /^\s*(?:tbc|tbd|tba|n\/?a|none|unknown|-+|\?+)?\s*$/i;

/** Whether a who or expertise answer is empty or names nothing particular. */
export const isPlaceholder = (text: string, tokens: readonly Token[]): boolean =>
  NO_ONE.test(text) || tokens.every((t) => PLACEHOLDER.has(t.norm));

// "Knowledge of autism", "experience with ADHD": what the person knows of, not the training
// or qualification that gives the child the expertise the provision needs.
const KNOWING =
  /^(?:knowledge|knowledgeable|awareness|aware|understanding|experience|experienced|familiarity|familiar|insight)$/;
const LEAD_IN = /^(?:good|some|sound|basic|general|a|an|the|of|in|with|wide|broad|strong|working)$/;
const TRAINED =
  /^(?:trained|training|course|courses|qualification|qualifications|qualified|certificate|certified|accredited|registered|hcpc|level|diploma|degree|supervised|supervision|taught|shown|by|nvq|cpd)$/;

const namesKnowledgeOnly = (tokens: readonly Token[]): boolean => {
  const first = tokens.findIndex((t) => !LEAD_IN.test(t.norm));
  return (
    first >= 0 &&
    KNOWING.test((tokens[first] as Token).norm) &&
    !tokens.some((t) => TRAINED.test(t.norm))
  );
};

// A plan names the same few deliverers again and again ("Teaching assistant"): the judgement of
// an answer depends on its words alone, so it is remembered by them rather than read once per
// provision by the language model.
const judgedWho = new Map<string, boolean>();
function namesSomeoneIn(who: string): boolean {
  const known = judgedWho.get(who);
  if (known !== undefined) return known;
  const named = namesSomeone(who, readLanguage(who));
  if (judgedWho.size >= 2000) judgedWho.clear();
  judgedWho.set(who, named);
  return named;
}

export const provisionMissingWho: RuleCheck = (context) =>
  eachProvision(context, ["F", "G", "H1", "H2"], (e, label) => {
    const who = e.provision.deliveredBy;
    const path = fieldPath(e, "deliveredBy");
    if (!isPlaceholder(who, context.fieldAt(path).tokens) && namesSomeoneIn(who)) return null;
    const said = NO_ONE.test(who) ? "does not say" : `says '${who.trim()}', which does not say`;
    return {
      section: e.section,
      target: e.provision.id,
      path: fieldPath(e, "deliveredBy"),
      message: `${label} ${said} who delivers it. Name the role, e.g. "teaching assistant" or "speech and language therapist".`,
    };
  });

// A role, or the kind of person, is not the training: "teacher", "patient and caring".
const NOT_TRAINING = new Set(
  (
    "teacher teachers ta lsa teaching assistant assistants qualifications qualification " +
    "patient caring kind calm friendly nurturing empathetic consistent warm"
  ).split(" "),
);
const namesNoTraining = (tokens: readonly Token[]): boolean =>
  tokens.length > 0 && tokens.every((t) => NOT_TRAINING.has(t.norm) || PLACEHOLDER.has(t.norm));

export const provisionMissingExpertise: RuleCheck = (context) =>
  eachProvision(context, ["F", "G", "H1", "H2"], (e, label) => {
    const expertise = e.provision.expertise;
    const { tokens } = context.fieldAt(fieldPath(e, "expertise"));
    if (
      !isPlaceholder(expertise, tokens) &&
      !namesKnowledgeOnly(tokens) &&
      !namesNoTraining(tokens) &&
      namesExpertise(expertise, tokens)
    )
      return null;
    const said = NO_ONE.test(expertise)
      ? "does not say"
      : `says '${expertise.trim()}', which does not say`;
    return {
      section: e.section,
      target: e.provision.id,
      path: fieldPath(e, "expertise"),
      message: `${label} ${said} what training or expertise the person working with ${context.childName} needs: name the training or qualification for this provision, e.g. "trained in the programme by the speech and language therapist" or "HCPC-registered".`,
    };
  });

export const provisionRatioMissing: RuleCheck = (context) =>
  eachProvision(context, ["F"], (e, label) =>
    e.provision.ratio === null || NO_ONE.test(e.provision.ratio)
      ? {
          section: e.section,
          target: e.provision.id,
          path: fieldPath(e, "ratio"),
          message: `${label} does not give a ratio or group size, e.g. 1:1, 1:3 or whole class.`,
        }
      : null,
  );
