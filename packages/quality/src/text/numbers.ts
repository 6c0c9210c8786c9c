const UNITS = [
  "zero",
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
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

// Every number a plan writes in words up to a hundred ("forty-five"), and the counts of times.
const NUMBER_WORDS = new Set([
  ...UNITS,
  ...TENS,
  ...TENS.flatMap((t) => UNITS.slice(1, 10).map((u) => `${t}-${u}`)),
  "hundred",
  "half",
  "once",
  "twice",
  "thrice",
]);

const DIGITS = /^\d+(?:[.,]\d+)?%?$/;

/**
 * A regular-expression source matching any count a plan writes in words ("seventeen",
 * "twenty-five", "twice"), longest first so "twenty-five" is not read as "twenty".
 */
export const NUMBER_WORD_SOURCE = [...NUMBER_WORDS]
  .filter((w) => w !== "half" && w !== "hundred")
  .sort((a, b) => b.length - a.length)
  .join("|");

/** Whether a word is a count: digits ("3", "2.5", "80%") or a number word ("three", "twice"). */
export function isNumberWord(norm: string): boolean {
  const first = norm.charCodeAt(0);
  return first >= 48 && first <= 57 ? DIGITS.test(norm) : NUMBER_WORDS.has(norm);
}

/** The value of a count ("3" → 3, "three" → 3, "twice" → 2), or null when it is not one. */
export function numberValue(norm: string): number | null {
  const first = norm.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    return DIGITS.test(norm) ? Number.parseFloat(norm.replace(",", ".")) : null;
  }
  if (norm === "once") return 1;
  if (norm === "twice") return 2;
  if (norm === "thrice") return 3;
  if (norm === "half") return 0.5;
  if (norm === "hundred") return 100;
  const unit = UNITS.indexOf(norm);
  if (unit >= 0) return unit;
  const [tens, units] = norm.split("-");
  const t = TENS.indexOf(tens ?? "");
  if (t < 0) return null;
  const u = units === undefined ? 0 : UNITS.indexOf(units);
  return u < 0 || u > 9 ? null : (t + 2) * 10 + u;
}
