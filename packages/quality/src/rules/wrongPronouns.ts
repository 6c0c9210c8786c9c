import type { PlanField } from "../planFields.js";
import type { RuleCheck, RuleFinding } from "../Rule.js";
import { sentenceAround } from "../text/textHelpers.js";
import type { Token } from "../text/tokenize.js";

const HE = new Set(["he", "him", "his", "himself", "he's", "he'll", "he'd"]);
const SHE = new Set(["she", "her", "hers", "herself", "she's", "she'll", "she'd"]);

// Anyone else a pronoun could stand for: a relative, an adult who works with the child, a peer.
const OTHER_PERSON =
  /^(?:mum|mother|dad|father|parents?|brother|sister|sibling|grand\w*|aunt|uncle|cousin|son|daughter|boy|girl|man|woman|friend|friends|peers?|pupils?|child|children|classmates?|teacher|teachers|assistant|ta|lsa|senco|therapist|psychologist|nurse|doctor|paediatrician|worker|mentor|tutor|adult|adults|staff|carer|carers|foster|keyworker|key|coach|driver|interpreter|practitioner|specialist|counsellor|elsa|head|headteacher|mr|mrs|ms|miss|dr|someone|person|baby|family)$/;

// Words that open a sentence without naming anyone; any other capitalised first word may be a name.
export const SENTENCE_OPENERS: ReadonlySet<string> = new Set(
  (
    "a an the this that these those it its there here when where while whilst if as at by in on " +
    "to for from with without within during after before since until once each every all some " +
    "most many both either neither no not now then today currently also so but and or yet " +
    "because although though however over through under he she they we i you his her their our " +
    "my your him them us me what which who how why whenever wherever"
  ).split(" "),
);

// What follows a person's name as the subject of a sentence ("Ewa would like", "Grace hopes").
const SUBJECT_VERBS = new Set(
  (
    "would wants wanted hopes hoped says said feels felt thinks thought likes liked is was has " +
    "had will can told asked explained described reported worries worried and believes wishes " +
    "prefers loves enjoys"
  ).split(" "),
);

/** The plan's pronouns for the child: which third-person words are the child's, and which not. */
function pronounsOf(pronouns: string): { wrong: ReadonlySet<string>; right: string } | null {
  const first = pronouns
    .trim()
    .toLowerCase()
    .split(/[\s/,]+/)[0];
  if (first === "she") return { wrong: HE, right: "she/her" };
  if (first === "he") return { wrong: SHE, right: "he/him" };
  if (first === "they") return { wrong: new Set([...HE, ...SHE]), right: "they/them" };
  return null;
}

/**
 * A pronoun that can only be the child's, and is not the child's: "Mia … his reading" in a plan
 * whose pronouns are she/her. Only where the child's name comes before it in the sentence and
 * nobody else is mentioned in between, so a brother or a teacher is never taken for the child.
 */
export const wrongPronouns: RuleCheck = ({ plan, fields, childName, perField }) => {
  const set = pronounsOf(plan.meta.child.pronouns);
  if (!set) return [];
  const name = childName.toLowerCase();
  const findings: RuleFinding[] = [];
  for (const field of fields) {
    if (field.quoted || field.section === "K") continue;
    findings.push(...perField("wrong-pronouns", field, () => inField(field)));
  }
  return findings;

  function inField(field: PlanField): RuleFinding[] {
    const findings: RuleFinding[] = [];
    const { tokens, text } = field;
    let reported = false;
    for (let i = 0; i < tokens.length && !reported; i++) {
      const t = tokens[i] as Token;
      if (!set!.wrong.has(t.norm)) continue;
      const sentence = sentenceAround(text, t.start, t.end);
      // The pronoun can only be the child's when nobody else is named before it in the sentence:
      // no one between the child's name and the pronoun, and no other person (a relative, an
      // adult, a name as the sentence's subject) before the name. "Ewa would like Tomasz to live
      // near her" is about Ewa's home; a programme's name ("Colourful Semantics") is no person.
      let named = false;
      let someoneElse = false;
      for (let k = i - 1; k >= 0 && (tokens[k] as Token).start >= sentence.start; k--) {
        const w = tokens[k] as Token;
        if (w.norm === name || w.norm === `${name}'s`) {
          named = true;
          continue;
        }
        const written = text.slice(w.start, w.end);
        const capitalised = /^\p{Lu}\p{Ll}/u.test(written);
        const opensSentence = /(?:^|[.!?:;\n])\s*$/.test(text.slice(sentence.start, w.start));
        const next = tokens[k + 1] as Token | undefined;
        if (
          OTHER_PERSON.test(w.norm) ||
          (!named && capitalised && !opensSentence) ||
          (capitalised &&
            opensSentence &&
            !SENTENCE_OPENERS.has(w.norm) &&
            next !== undefined &&
            SUBJECT_VERBS.has(next.norm))
        ) {
          someoneElse = true;
          break;
        }
      }
      if (someoneElse) continue;
      if (!named) continue;
      reported = true;
      findings.push({
        section: field.section,
        target: field.target,
        path: field.path,
        range: { from: t.start, to: t.end },
        message: `${field.label} says '${text.slice(t.start, t.end)}' of ${childName}, whose pronouns in this plan are ${set!.right}. Check that the words are about ${childName} and not copied from another child's plan, and put the pronoun right.`,
      });
    }
    return findings;
  }
};
