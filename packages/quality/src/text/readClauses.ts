import type { LanguageSentence, LanguageWord } from "./readLanguage.js";

/**
 * A clause as the rules need it: who does it (the subject), the verb group ("will be
 * supported", "could try"), its main verb, its modal, and whether it is passive or negated.
 */
export interface Clause {
  /** The words of the subject's noun phrase, empty when none stands before the verb. */
  readonly subject: readonly LanguageWord[];
  /** The auxiliaries and modals of the verb group, in order. */
  readonly auxiliaries: readonly LanguageWord[];
  /** The main verb, or null for a verb group with only a copula ("will be happier"). */
  readonly verb: LanguageWord | null;
  /** "will", "could", "might", "may", "should", "would", "can", "must", or null. */
  readonly modal: string | null;
  /** A form of "be" or "get" before a past participle: "will be supported", "got given". */
  readonly passive: boolean;
  readonly negated: boolean;
  /** A clause opened by "when", "if", "once", "who"…: a condition or a description, not the main one. */
  readonly subordinate: boolean;
  /** Where the verb group runs in the text. */
  readonly start: number;
  readonly end: number;
}

const MODALS = new Set([
  "will",
  "would",
  "could",
  "might",
  "may",
  "should",
  "can",
  "must",
  "shall",
]);
const MAIN_AUX = new Set(["have", "has", "had", "do", "does", "did", "get", "gets", "got"]);
const BE = new Set(["be", "been", "being", "is", "are", "was", "were", "am", "get", "gets", "got"]);
// A past participle that does not end as regular ones do.
const IRREGULAR_PARTICIPLE =
  /^(?:made|built|read|met|won|begun|got|kept|held|found|left|taught|shown|given|seen|told|brought|put|set|sent|done|taken|known|heard|led|paid|bought|sought|thought|understood|run|drawn|written|chosen|spoken)$/;
const isParticiple = (w: LanguageWord) =>
  /(?:ed|en|wn)$/.test(w.norm) || IRREGULAR_PARTICIPLE.test(w.norm);

const SUBORDINATORS = new Set(
  "when whenever if once after before until till while whilst as because since unless where who which that so".split(
    " ",
  ),
);

// Words that may stand in a subject's noun phrase: "her key adult", "Mia's class teacher".
const SUBJECT_POS = new Set(["NOUN", "PROPN", "PRON", "DET", "ADJ"]);

/** The clauses of a sentence, each verb group with the subject before it. */
export function readClauses(sentence: LanguageSentence): Clause[] {
  const words = sentence.words;
  const clauses: Clause[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i] as LanguageWord;
    const prev = words[i - 1];
    // "To read", "able to ask": an infinitive, not a clause of its own.
    const isInfinitive = prev?.norm === "to" || (prev?.pos === "PART" && prev.norm === "to");
    const gerund = w.pos === "VERB" && /ing$/.test(w.norm) && prev?.pos !== "AUX";
    if ((w.pos !== "AUX" && w.pos !== "VERB") || isInfinitive || gerund) {
      i++;
      continue;
    }
    const groupStart = i;
    const auxiliaries: LanguageWord[] = [];
    let negated = false;
    let k = i;
    // The group: auxiliaries, "not" and adverbs between them, then the main verb if any.
    while (k < words.length) {
      const x = words[k] as LanguageWord;
      if (x.pos === "AUX") auxiliaries.push(x);
      else if (x.norm === "not" || x.norm === "n't" || x.norm === "never") negated = true;
      else if (x.pos !== "ADV") break;
      k++;
    }
    const next = words[k];
    let verb: LanguageWord | null = null;
    if (w.pos === "VERB") {
      verb = w;
      k = i + 1;
    } else if (next?.pos === "VERB") {
      verb = next;
      k++;
    }
    // "Would have a break": "have" as the main verb, which the model tags as an auxiliary.
    const tail = auxiliaries[auxiliaries.length - 1];
    if (verb === null && tail !== undefined && auxiliaries.length > 1 && MAIN_AUX.has(tail.norm)) {
      verb = tail;
      auxiliaries.pop();
    }
    const lastAux = auxiliaries[auxiliaries.length - 1];
    const passive =
      verb !== null && lastAux !== undefined && BE.has(lastAux.norm) && isParticiple(verb);
    const modal = auxiliaries.find((a) => MODALS.has(a.norm))?.norm ?? null;
    // The subject: the noun phrase just before the group, back to the clause's start.
    const subject: LanguageWord[] = [];
    for (let s = groupStart - 1; s >= 0; s--) {
      const x = words[s] as LanguageWord;
      const possessive = x.norm === "'s" || x.norm === "’s";
      if (!SUBJECT_POS.has(x.pos) && !possessive) break;
      subject.unshift(x);
    }
    const opener = words[groupStart - subject.length - 1];
    const subordinate =
      opener !== undefined && (opener.pos === "SCONJ" || SUBORDINATORS.has(opener.norm));
    const first = words[groupStart] as LanguageWord;
    const last = (words[k - 1] ?? first) as LanguageWord;
    clauses.push({
      subject,
      auxiliaries,
      verb,
      modal,
      passive,
      subordinate,
      negated: negated || (verb?.negated ?? false),
      start: first.start,
      end: last.end,
    });
    i = Math.max(k, i + 1);
  }
  return clauses;
}
