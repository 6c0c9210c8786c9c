import { isNumberWord } from "./numbers.js";
import { type Token, tokenize } from "./tokenize.js";

/** A phrase found in a text: which phrase, and the characters it covers. */
export interface PhraseMatch {
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
  /** Index of the first word of the match in the token list. */
  readonly index: number;
  /** Index after the last word of the match. */
  readonly endIndex: number;
}

// `#` in a phrase stands for any count: "up to #" matches "up to 3" and "up to three".
const ANY_NUMBER = "#";

/**
 * Finds phrases in tokenized text by whole words, case-insensitively. Phrases are compiled once
 * into a map from first word to candidates, so matching is one pass over the words.
 */
export class PhraseMatcher {
  readonly #byFirstWord = new Map<string, { phrase: string; words: string[] }[]>();

  constructor(phrases: Iterable<string>) {
    for (const phrase of phrases) {
      // Phrases are split into words exactly as texts are, so both sides agree on what a word is.
      const words = phrase
        .split(/\s+/)
        .flatMap((part) =>
          part === ANY_NUMBER ? [ANY_NUMBER] : tokenize(part).map((t) => t.norm),
        );
      if (words.length === 0) continue;
      const first = words[0] as string;
      const list = this.#byFirstWord.get(first) ?? [];
      list.push({ phrase, words });
      // Longest first, so "support as necessary" wins over a shorter phrase at the same place.
      list.sort((a, b) => b.words.length - a.words.length);
      this.#byFirstWord.set(first, list);
    }
  }

  #firstHit(
    candidates: readonly { phrase: string; words: string[] }[] | undefined,
    tokens: readonly Token[],
    i: number,
  ): { phrase: string; words: string[] } | undefined {
    return candidates?.find(({ words }) =>
      words.every((word, k) => {
        const t = tokens[i + k];
        return t !== undefined && (word === ANY_NUMBER ? isNumberWord(t.norm) : t.norm === word);
      }),
    );
  }

  /** Every phrase found, left to right, not overlapping. */
  find(tokens: readonly Token[]): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      const hit =
        this.#firstHit(this.#byFirstWord.get(token.norm), tokens, i) ??
        (this.#byFirstWord.has(ANY_NUMBER) && isNumberWord(token.norm)
          ? this.#firstHit(this.#byFirstWord.get(ANY_NUMBER), tokens, i)
          : undefined);
      if (!hit) continue;
      const last = tokens[i + hit.words.length - 1] as Token;
      found.push({
        phrase: hit.phrase,
        start: token.start,
        end: last.end,
        index: i,
        endIndex: i + hit.words.length,
      });
      i += hit.words.length - 1;
    }
    return found;
  }
}
