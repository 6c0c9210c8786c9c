/** A word in a text, with where it stands. */
export interface Token {
  /** Lower case, with curly apostrophes made straight, for matching. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ABBREVIATION = /^(?:etc|e\.g|i\.e|approx|min|mins|hrs)\.$/i;

// ASCII letters and digits come from a table; only other characters need the Unicode test.
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] === 1;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i) as number));
}

// A character outside the basic plane takes two UTF-16 units.
const charLength = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
};

// Joiners inside a word: apostrophes, hyphens, points and colons ("don't", "one-to-one", "e.g",
// "1:1", "2.5"), so "support worker" never matches "support as".
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45 || c === 46 || c === 58;

/**
 * Splits text into words; the word as written is `text.slice(start, end)`. A trailing full stop
 * is kept only on abbreviations such as "etc." and "e.g.".
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Lower-case the whole text once; where that changes its length (a rare letter such as "İ"),
  // each word is lower-cased on its own so offsets stay true.
  let lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  if (sameLength && lower.includes("’")) lower = lower.replaceAll("’", "'");
  let i = 0;
  while (i < text.length) {
    if (!isWordChar(text, i)) {
      i += charLength(text, i);
      continue;
    }
    const start = i;
    for (;;) {
      while (i < text.length && isWordChar(text, i)) i += charLength(text, i);
      if (i + 1 < text.length && isJoiner(text.charCodeAt(i)) && isWordChar(text, i + 1)) i++;
      else break;
    }
    if (text.charCodeAt(i) === 46 && ABBREVIATION.test(text.slice(start, i + 1))) i++;
    const norm = sameLength
      ? lower.slice(start, i)
      : text.slice(start, i).toLowerCase().replaceAll("’", "'");
    tokens.push({ norm, start, end: i });
  }
  return tokens;
}
