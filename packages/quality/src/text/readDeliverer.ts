import type { LanguageReading, LanguageWord } from "./readLanguage.js";
import type { Token } from "./tokenize.js";

/**
 * Who delivers a provision and with what expertise, judged from the phrase's grammar rather than
 * a list of answers (CoP 9.69; IPSEA: "who will provide it, and their qualifications").
 *
 * A deliverer is named when the head of the phrase's first noun phrase is a person by their
 * role ("class teacher", "habilitation specialist", "Mr Okafor"), not a body of people or an
 * institution ("learning support staff", "members of the pastoral team", "the academy"), and no
 * one is left to choose them ("as allocated by the SENCO", "whoever the school allocates").
 * An expertise is named when it gives a credential (a training, a course, a qualification, a
 * registration, being shown or supervised by someone) with something it is in; knowing the child,
 * past experience, a manner or a role alone give the child no assurance of what the person can do.
 */

// Heads of a noun phrase that name a body of people, a place or anyone at all, not a role.
const COLLECTIVE = new Set(
  (
    "staff staffs team teams adult adults member members colleague colleagues person persons people " +
    "personnel someone somebody anyone anybody whoever whomever everyone everybody school schools " +
    "setting settings academy trust provider providers department departments service services " +
    "nursery college class classroom professional professionals employee employees workforce " +
    "organisation organization agency body all other others various"
  ).split(" "),
);
// A team or service of a discipline names the profession who delivers it: "the speech and
// language therapy team", "educational psychology service".
const DISCIPLINE = /(?:therapy|ology|nursing|paediatric|pediatric|physio)$|^aid$/;
// Where the first noun phrase ends: a preposition, a relative, an infinitive.
const BOUNDARY = new Set(
  (
    "of from in at on with by for within across who whom which that to as following under via " +
    "through using supported overseen led"
  ).split(" "),
);
const COORDINATE = new Set(["and", "or", "&", "/", "plus"]);
const DETERMINERS = /^(?:the|a|an|her|his|their|its|our|any|each|one|some|this|that)$/;
const PLACEHOLDERS = new Set(
  "tbc tbd tba n/a na none unknown key named nominated designated identified allocated relevant appropriate appropriately suitable suitably trained qualified experienced skilled available free sen send general".split(
    " ",
  ),
);

// The choice of person left to someone: "to be arranged", "as decided by", "at the discretion".
const LEFT_TO_SOMEONE =
  /^(?:as|to be|at (?:the )?[\w' ]*discretion)\b|\b(?:discretion|whoever|whichever|to be (?:confirmed|agreed|decided|arranged|allocated|identified|determined|appointed|recruited|chosen))\b|\b(?:allocated|chosen|decided|determined|selected|deployed|nominated|appointed) by\b|\b(?:school|setting|senco|provider|college|nursery)\s+(?:to|will|shall)\s+(?:decide|allocate|choose|select|arrange|determine|confirm|nominate|deploy)\b/i;

const possessive = (w: LanguageWord) => w.norm === "'s" || w.norm === "’s";

/** Whether the phrase gives a person by their role or name. */
export function namesSomeone(text: string, reading: LanguageReading): boolean {
  if (LEFT_TO_SOMEONE.test(text.trim())) return false;
  const sentence = reading.sentences[0];
  if (!sentence) return false;
  if (nounPhraseNamesSomeone(sentence.words, 0)) return true;
  // A group with a named person at its head: "all nursery staff who work with Noah, led by his
  // keyworker" says who answers for it.
  const led = sentence.words.findIndex(
    (w, i) =>
      /^(?:led|run|overseen|coordinated)$/.test(w.norm) && sentence.words[i + 1]?.norm === "by",
  );
  return led >= 0 && nounPhraseNamesSomeone(sentence.words, led + 2);
}

/** Whether the noun phrase that begins at `from` names a person, or a named service. */
function nounPhraseNamesSomeone(words: readonly LanguageWord[], from: number): boolean {
  // The first noun phrase, in coordinated parts: "physiotherapist and a trained TA".
  const parts: LanguageWord[][] = [[]];
  for (let i = from; i < words.length; i++) {
    const w = words[i] as LanguageWord;
    const part = parts[parts.length - 1] as LanguageWord[];
    if (w.pos === "PUNCT" && w.norm !== "-" && w.norm !== "/") break;
    if (COORDINATE.has(w.norm)) {
      parts.push([]);
      continue;
    }
    // "All of Jaya's teachers", "two named members of the first aid team": the people are
    // after "of".
    if (w.norm === "of" && part.length > 0 && part.every((x) => QUANTIFIER.test(x.norm))) {
      part.length = 0;
      continue;
    }
    if (BOUNDARY.has(w.norm)) break;
    // A verb after the phrase has begun ends it ("staff deployed…", "the school allocates");
    // the model takes a capitalised first word for a verb at times ("Learning support staff").
    // A participle before a noun describes it ("trained staff", "qualified teacher").
    const describes = /ed$/.test(w.norm) && /^(?:NOUN|PROPN|ADJ)$/.test(words[i + 1]?.pos ?? "");
    if (
      (w.pos === "VERB" || w.pos === "AUX") &&
      part.length > 0 &&
      w.norm !== "teaching" &&
      !describes
    )
      break;
    if (w.pos === "ADV") continue;
    if (possessive(w) || DETERMINERS.test(w.norm)) continue;
    part.push(w);
  }
  return parts.some((part) => {
    const head = part[part.length - 1];
    if (!head) return false;
    if (PLACEHOLDERS.has(head.norm)) return false;
    if (!COLLECTIVE.has(head.norm)) return true;
    // A service known by its own name is one a family can call and a tribunal can order:
    // "Westmere Children's Hearing Service", not "the service" or "a local service".
    if (
      SERVICE.test(head.norm) &&
      part.slice(0, -1).some((w) => w.pos === "PROPN" && !PLACEHOLDERS.has(w.norm))
    ) {
      return true;
    }
    return part.slice(0, -1).some((w) => DISCIPLINE.test(w.norm));
  });
}
const QUANTIFIER =
  /^(?:all|each|both|either|every|one|two|three|some|any|most|named|nominated|designated|members?)$/;
const SERVICE = /^(?:service|services|team|clinic|department|trust|unit)$/;

// A credential: being trained, taught, shown, supervised; a course, a qualification, a licence,
// a registration; a level of an award.
const CREDENTIAL =
  /^(?:train|trained|training|trainings|taught|shown|advised|guided|briefed|briefing|briefings|coached|instructed|mentored|supervised|supervision|observed|signed|course|courses|workshop|workshops|module|modules|qualified|qualification|qualifications|certificate|certificates|certified|certification|accredited|accreditation|registered|registration|licence|license|licensed|licenced|award|diploma|degree|pgce|pgcert|pgdip|msc|bsc|ma|mphil|phd|nvq|btec|qts|cpd|level|tier|mandatory)$/;
// Words that say how much of it the person has without saying what it is.
const EMPTY = new Set(
  (
    "appropriate appropriately suitable suitably sufficient sufficiently adequate adequately relevant " +
    "necessary proper good some any required needed as and when if where possible necessary all " +
    "general basic usual standard full fully the a an in of to be with by for or on tbc to-be " +
    "arranged agreed confirmed decided provided given has have holds hold holding having"
  ).split(" "),
);
// A profession whose title is itself a registration or a mandatory qualification.
const REGULATED =
  /^(?:[a-z-]*therapists?|[a-z-]*ologists?|physiotherapists?|nurses?|doctors?|paediatricians?|pediatricians?|dietitians?|dieticians?|orthoptists?|optometrists?|audiologists?)$/;

const parts = (t: Token) => t.norm.split(/[-/]/);

/** Whether the phrase gives the training, qualification or registration the person holds. */
export function namesExpertise(text: string, tokens: readonly Token[]): boolean {
  if (tokens.length === 0) return false;
  if (/\bto be\b/i.test(text) && !/\bto be (?:a|an|the)\b/i.test(text)) {
    // "Training to be arranged": the credential is not yet held.
    if (!tokens.some((t, i) => i > 0 && CREDENTIAL.test(t.norm) && t.norm !== "training"))
      return false;
  }
  if (tokens.some((t) => REGULATED.test(t.norm))) return true;
  if (/\bteachers? of the (?:deaf|visually|multi-sensory)/i.test(text)) return true;
  // The qualification a teacher of deaf, blind or multi-sensory-impaired children must hold by
  // law (the Education (School Teachers' Qualifications) (England) Regulations 2003, reg. 8).
  if (/\bmandatory qualification\b/i.test(text)) return true;
  const credential = tokens.findIndex((t) => parts(t).some((p) => CREDENTIAL.test(p)));
  if (credential < 0) return false;
  // The credential must be in something: "trained in Read Write Inc.", "BSL Level 3",
  // "first aid training"; not "relevant training", "suitably qualified".
  return tokens.some(
    (t) =>
      !EMPTY.has(t.norm) &&
      !parts(t).every((p) => CREDENTIAL.test(p) || EMPTY.has(p)) &&
      !/^(?:experienced?|experience|skilled|knowledgeable|staff|adult|member)$/.test(t.norm),
  );
}
