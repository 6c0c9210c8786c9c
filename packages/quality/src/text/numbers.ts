const NUMBER_WORDS = new Set([
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "fifteen",
  "twenty",
  "thirty",
  "forty",
  "forty-five",
  "fifty",
  "sixty",
  "ninety",
  "hundred",
  "half",
  "once",
  "twice",
]);

const DIGITS = /^\d+(?:[.,]\d+)?%?$/;

/** Whether a word is a count: digits ("3", "2.5", "80%") or a number word ("three", "twice"). */
export function isNumberWord(norm: string): boolean {
  const first = norm.charCodeAt(0);
  return first >= 48 && first <= 57 ? DIGITS.test(norm) : NUMBER_WORDS.has(norm);
}
