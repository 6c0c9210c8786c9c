import type { Token } from "./tokenize.js";

/**
 * A field's tokens grouped by sentence: a new one begins after a full stop, a question or
 * exclamation mark, a semicolon or a line break between two tokens. Rules that judge a sentence
 * as a whole (is the help said? is the noun phrase empty?) read it from here, so that they agree
 * on where one ends.
 */
export function tokenSentences(text: string, tokens: readonly Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  tokens.forEach((t, i) => {
    const previous = tokens[i - 1];
    if (previous && /[.!?;\n]/.test(text.slice(previous.end, t.start))) {
      sentences.push(current);
      current = [];
    }
    current.push(t);
  });
  if (current.length > 0) sentences.push(current);
  return sentences;
}
