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

/** Whether a word is a count: digits ("3", "2.5", "80%") or a number word ("three", "twice"). */
export function isNumberWord(norm: string): boolean {
  return /^\d+(?:[.,]\d+)?%?$/.test(norm) || NUMBER_WORDS.has(norm);
}
