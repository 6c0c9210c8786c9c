import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemEntity, type ItemSentence } from "wink-nlp";

/**
 * One word as the language model reads it. `pos` is the Universal Dependencies part of speech
 * ("AUX", "VERB", "NOUN", "PROPN", "PRON", "NUM", "ADJ", "PART", ...), `lemma` its dictionary form
 * ("improved" → "improve"), and `negated` whether a negation ("not", "never", "no longer")
 * governs it.
 */
export interface LanguageWord {
  readonly text: string;
  readonly norm: string;
  readonly lemma: string;
  readonly pos: string;
  readonly negated: boolean;
  readonly start: number;
  readonly end: number;
}

/** A sentence's words, and where it stands in the text. */
export interface LanguageSentence {
  readonly start: number;
  readonly end: number;
  readonly words: readonly LanguageWord[];
}

/** A named quantity the model found: a count, a duration, a date, a time. */
export interface LanguageEntity {
  readonly type: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface LanguageReading {
  readonly sentences: readonly LanguageSentence[];
  readonly entities: readonly LanguageEntity[];
}

// wink-nlp with its English model: sentences, parts of speech, lemmas, negation and entities
// (numbers in words, durations, dates), all in the browser and Node, with no network. Built
// once, when a rule first needs it, so importing the checker costs nothing until then.
let engine: ReturnType<typeof winkNLP> | null = null;
const nlp = () => (engine ??= winkNLP(model, ["sbd", "negation", "pos", "ner"]));

/**
 * The sentences, words and entities of `text`, with each word's place in `text`, so a finding
 * built from them underlines exactly those characters.
 */
export function readLanguage(text: string): LanguageReading {
  if (text.trim() === "") return { sentences: [], entities: [] };
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const lemmas = tokens.out(its.lemma as never) as string[];
  const negated = tokens.out(its.negationFlag) as unknown as boolean[];
  // The model gives words, not offsets: find each in turn in the text.
  const starts: number[] = [];
  let cursor = 0;
  for (const value of values) {
    const at = text.indexOf(value, cursor);
    const start = at < 0 ? cursor : at;
    starts.push(start);
    cursor = at < 0 ? cursor : at + value.length;
  }
  const word = (i: number): LanguageWord => {
    const value = values[i] as string;
    const start = starts[i] as number;
    return {
      text: value,
      norm: value.toLowerCase().replaceAll("’", "'"),
      lemma: (lemmas[i] ?? value).toLowerCase(),
      pos: pos[i] ?? "X",
      negated: negated[i] === true,
      start,
      end: start + value.length,
    };
  };
  const sentences: LanguageSentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    const words: LanguageWord[] = [];
    for (let i = first; i <= last; i++) words.push(word(i));
    if (words.length > 0)
      sentences.push({
        start: (words[0] as LanguageWord).start,
        end: (words[words.length - 1] as LanguageWord).end,
        words,
      });
  });
  const entities: LanguageEntity[] = [];
  doc.entities().each((e: ItemEntity) => {
    const [first, last] = e.out(its.span) as unknown as [number, number];
    const start = starts[first] ?? 0;
    const end = (starts[last] ?? 0) + (values[last]?.length ?? 0);
    entities.push({ type: e.out(its.type) as string, value: text.slice(start, end), start, end });
  });
  return { sentences, entities };
}
