import type { Plan } from "@ehcp/schema";
import type { CheckedItem } from "../FieldCache.js";
import type { PlanField } from "../planFields.js";
import type { RuleCheck, RuleFinding } from "../Rule.js";
import type { LanguageReading } from "../text/readLanguage.js";
import { inRanges, quotedRanges, sentenceAround } from "../text/textHelpers.js";
import type { Token } from "../text/tokenize.js";
import { SENTENCE_OPENERS } from "./wrongPronouns.js";

// Where the plan's own sentences are about the child: the needs, the outcomes, the provision
// (its words, not who delivers it: "Suitably trained adult", "Has worked with…").
const SECTIONS = new Set(["B", "E", "F"]);
const FIELDS = new Set(["description", "statement", "step", "what"]);

// Endings of nouns, not names: "Physiotherapy", "Swimming", "Homework", "Interventions".
const NOUN_ENDING =
  /(?:tion|tions|sion|ment|ments|ness|ing|ics|therapy|work|ship|ity|ance|ence|ism|ology|ies)$/;

// A name as it is written: "Jack", "Zoë", "Mary-Jane"; not "ASD", not "iPad".
const NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

// Words that open a plan's sentences and name no one: "This will…", "Staff will…".
const NOT_NAMES = new Set([
  ...SENTENCE_OPENERS,
  ..."staff school support adult adults everyone everybody someone teachers parents carers sessions activities home class pupils children family".split(
    " ",
  ),
]);

const ADJECTIVE_ENDING = /(?:ual|ial|ical|oured|ored|ive|ful|ous|ory|ic|ary)$/;

// A title makes the name an adult's: "Mrs Patel will…".
const TITLES = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"]);

// Words after which a name is still a sentence's subject: "When Jack is anxious…", "and Jack…".
const BEFORE_SUBJECT = new Set(
  "and but so when if because that which while whilst as then where until after before once".split(
    " ",
  ),
);

// What follows a child as the subject of a plan's sentence: "Jack will read", "Jack finds".
const MODALS = new Set("will would can could should may might must".split(" "));

// What a thing, not a person, does as a subject: "Phonics will be taught", "Reading will take
// place", "Lego club runs", "Numicon is used".
const THINGS_DO =
  /^(?:run|runs|running|happen|happens|start|starts|begin|begins|continue|continues|last|lasts|include|includes|involve|involves|focus|focuses|consist|consists|cover|covers|aim|aims|target|targets)$/;
const PASSIVE_OF_A_PERSON =
  /^(?:supported|encouraged|helped|reminded|prompted|praised|allowed|expected|enabled|given|offered|shown|seen|met|collected|accompanied|included)$/;

// Who a name belongs to when the plan says so: "her brother Jack", "Jack (her brother)".
const RELATION =
  "brother|sister|sibling|twin|mum|mother|dad|father|parent|stepmum|stepdad|grandma|grandmother|grandad|grandfather|nan|nana|grandpa|aunt|auntie|uncle|cousin|friend|carer|foster carer|teacher|assistant|ta|lsa|senco|keyworker|key worker|worker|therapist|mentor|tutor|nurse|psychologist";
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Candidate {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The names used as the child would be in one field: a single name as the subject of a
 * sentence, before "will", "'s" or a verb the language model reads, that is not the child's.
 */
function candidatesIn(
  field: PlanField,
  childName: string,
  language: () => LanguageReading,
): Candidate[] {
  const { text, tokens } = field;
  const found: Candidate[] = [];
  let quoted: ReturnType<typeof quotedRanges> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const possessive = t.norm.endsWith("'s");
    const end = possessive ? t.end - 2 : t.end;
    const written = text.slice(t.start, end);
    const lower = written.toLowerCase();
    if (!NAME.test(written) || lower === childName || NOT_NAMES.has(lower)) continue;
    if (NOUN_ENDING.test(lower)) continue;
    const before = tokens[i - 1];
    const sentence = sentenceAround(text, t.start, t.end);
    const opens = before === undefined || before.end <= sentence.start;
    // "Mr. Patel": the point after a title ends no sentence.
    if (before !== undefined && TITLES.has(before.norm.replace(/\.$/, ""))) continue;
    // "Colourful Semantics", "Mrs Patel", "the Lego club": a longer name or no subject.
    // After an opening phrase set off by a comma ("By July 2027, Ella will…") it is one.
    if (
      !opens &&
      !BEFORE_SUBJECT.has(before.norm) &&
      !text.slice(before.end, t.start).includes(",")
    )
      continue;
    const next = tokens[i + 1];
    if (next === undefined || NAME.test(text.slice(next.start, next.end))) continue;
    // A verb after a subject ends as one ("finds", "needs", "struggled"); only then is the
    // language model asked, so most fields are never read by it.
    if (!possessive && !MODALS.has(next.norm)) {
      if (!/(?:s|ed)$/.test(next.norm) || !isVerbAt(language(), next.start)) continue;
      // "Visual supports", "Coloured overlays": an adjective before a plural, not a subject.
      if (ADJECTIVE_ENDING.test(lower)) continue;
    }
    if (thingDoes(tokens, i + 1, possessive)) continue;
    // The language model reads a name as a proper noun, "Suitably" and "Has" as what they are.
    if (posAt(language(), t.start) !== "PROPN") continue;
    quoted ??= quotedRanges(text);
    if (inRanges(quoted, t.start)) continue;
    found.push({ name: written, start: t.start, end });
  }
  return found;
}

/** The part of speech the language model gives the word at `start`. */
function posAt(reading: LanguageReading, start: number): string {
  for (const s of reading.sentences) for (const w of s.words) if (w.start === start) return w.pos;
  return "X";
}

/** Whether the language model reads the word at `start` as a verb: "Jack finds", "Tom needs". */
const isVerbAt = (reading: LanguageReading, start: number) => posAt(reading, start) === "VERB";

/** Whether what follows the subject is what a thing does, or what is done with it. */
function thingDoes(tokens: readonly Token[], i: number, possessive: boolean): boolean {
  if (possessive) return false;
  let k = i;
  if (MODALS.has(tokens[k]?.norm ?? "")) k++;
  const verb = tokens[k]?.norm ?? "";
  if (THINGS_DO.test(verb)) return true;
  if (/^(?:take|takes|took)$/.test(verb) && tokens[k + 1]?.norm === "place") return true;
  // "will be taught", "is used": a passive is done to a thing unless it is done to a person.
  if (/^(?:be|is|are|was|were|been)$/.test(verb)) {
    const after = tokens[k + 1]?.norm ?? "";
    if (/(?:ed|en|ght|un|wn|lt)$/.test(after) && !PASSIVE_OF_A_PERSON.test(after)) return true;
  }
  return false;
}

/** The regexes that find a name given to someone else, or used as an ordinary word. */
interface NameUses {
  /** The name as a word: where it stands in a text that names others, it is theirs. */
  readonly word: RegExp;
  /** "her brother Jack", "Jack (her brother)", "Jack, her brother,". */
  readonly given: RegExp;
  /** The name in lower case, as an ordinary word ("reading"). */
  readonly lower: RegExp;
}

const usesOfName = new Map<string, NameUses>();
function usesOf(name: string): NameUses {
  let uses = usesOfName.get(name);
  if (!uses) {
    if (usesOfName.size >= 256) usesOfName.clear();
    uses = {
      word: new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, "u"),
      given: new RegExp(
        `\\b(?:${RELATION})\\s*,?\\s+(?:(?:mr|mrs|ms|miss|mx|dr)\\.?\\s+)?${escape(name)}\\b|\\b${escape(name)}\\s*[(,]\\s*(?:(?:her|his|their|the|a)\\s+)?(?:${RELATION})\\b`,
        "iu",
      ),
      lower: new RegExp(`(?<![\\p{L}])${escape(name.toLowerCase())}(?![\\p{L}])`, "u"),
    };
    usesOfName.set(name, uses);
  }
  return uses;
}

/** Whether a field names others: who delivers provision, their expertise, the views in A. */
const namesOthers = (f: PlanField) =>
  f.field === "deliveredBy" || f.field === "expertise" || f.section === "A";

// Whether an item gives a name to someone else or uses it as a word, by the item's entry and the
// name: an unchanged item is not read again for a name it was read for.
const itemUses = new WeakMap<CheckedItem, Map<string, boolean>>();
function itemUsesName(item: CheckedItem, name: string): boolean {
  let byName = itemUses.get(item);
  if (!byName) {
    byName = new Map();
    itemUses.set(item, byName);
  }
  let uses = byName.get(name);
  if (uses === undefined) {
    const { word, given, lower } = usesOf(name);
    uses = item.fields.some(
      (f) => (namesOthers(f) && word.test(f.text)) || lower.test(f.text) || given.test(f.text),
    );
    byName.set(name, uses);
  }
  return uses;
}

// The names an item's fields use as the child's would be, by the item's entry and the name used
// for the child: an unchanged item is one lookup, not one for each of its fields.
const candidatesOfItem = new WeakMap<
  CheckedItem,
  { readonly name: string; readonly found: readonly { field: PlanField; at: Candidate }[] }
>();

/** Whether the plan gives `name` to someone else, or uses it as an ordinary word. */
function namedElsewhere(plan: Plan, items: readonly CheckedItem[], name: string): boolean {
  const { word } = usesOf(name);
  const people = [plan.meta.caseworker.name, plan.meta.signOff?.officerName ?? ""];
  for (const a of plan.sections.K.advice) people.push(a.title, a.from.name, a.from.role);
  if (people.some((text) => word.test(text))) return true;
  return items.some((item) => itemUsesName(item, name));
}

/**
 * Another child's name, from the plan alone: a name used as the child's would be, the subject of
 * the plan's sentences about the needs, outcomes and provision ("Jack will…", "Jack's needs…"),
 * that is not the child's and that the plan gives nobody else (family in A, professionals in K,
 * named staff, "her brother Jack"). Words copied from another child's plan keep that child's name.
 */
export const anotherChildsName: RuleCheck = ({ plan, items, childName, perField, languageAt }) => {
  const child = plan.meta.child;
  const childNames = new Set(
    [...child.fullName.split(/\s+/), ...child.preferredName.split(/\s+/)]
      .map((n) => n.trim().toLowerCase())
      .filter((n) => n !== ""),
  );
  const name = childName.toLowerCase();
  const found: { field: PlanField; at: Candidate }[] = [];
  for (const item of items) {
    const first = item.fields[0];
    if (first === undefined || !SECTIONS.has(first.section)) continue;
    let known = candidatesOfItem.get(item);
    if (known?.name !== name) {
      const own: { field: PlanField; at: Candidate }[] = [];
      for (const field of item.fields) {
        if (!FIELDS.has(field.field) || field.quoted) continue;
        const inField = perField("another-childs-name", field, () =>
          candidatesIn(field, name, () => languageAt(field.path)),
        );
        for (const at of inField) own.push({ field, at });
      }
      known = { name, found: own };
      candidatesOfItem.set(item, known);
    }
    // The child's other names (a surname, a first name beside a preferred one) are left out
    // here, as what a field's result is remembered by names only the one used in messages.
    for (const hit of known.found) if (!childNames.has(hit.at.name.toLowerCase())) found.push(hit);
  }
  if (found.length === 0) return [];
  const findings: RuleFinding[] = [];
  const judged = new Map<string, boolean>();
  const reported = new Set<string>();
  for (const { field, at } of found) {
    let elsewhere = judged.get(at.name);
    if (elsewhere === undefined) {
      elsewhere = namedElsewhere(plan, items, at.name);
      judged.set(at.name, elsewhere);
    }
    // Once per item and name: the same name again in it is the same slip.
    const once = `${field.target}\u0000${at.name}`;
    if (elsewhere || reported.has(once)) continue;
    reported.add(once);
    findings.push({
      section: field.section,
      target: field.target,
      path: field.path,
      range: { from: at.start, to: at.end },
      message: `${field.label} says '${at.name}' where its words are about ${childName}. Check that they are not copied from another child's plan: write about ${childName}, or say who ${at.name} is.`,
    });
  }
  return findings;
};
