/** A word in a text, with where it stands. */
export interface Token {
  /** The word as written. */
  readonly text: string;
  /** Lower case, with curly apostrophes made straight, for matching. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

// Words are runs of letters and digits, joined by inner apostrophes, hyphens, points or colons
// ("don't", "one-to-one", "e.g", "1:1", "2.5"), so "support worker" never matches "support as".
const WORD = /[\p{L}\p{N}]+(?:['’\-.:][\p{L}\p{N}]+)*\.?/gu;

/** Splits text into words. A trailing full stop is kept only on abbreviations such as "etc." and "e.g.". */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    if (word.endsWith(".") && !/^(?:etc|e\.g|i\.e|approx|min|mins|hrs)\.$/i.test(word)) {
      word = word.slice(0, -1);
    }
    const start = match.index;
    tokens.push({
      text: word,
      norm: word.toLowerCase().replaceAll("’", "'"),
      start,
      end: start + word.length,
    });
  }
  return tokens;
}
