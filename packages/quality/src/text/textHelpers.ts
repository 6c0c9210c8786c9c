import type { Token } from "./tokenize.js";

/** The sentence (or line) of `text` around the characters `start` to `end`. */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  // A point between digits ("at 10.15", "2.5 hours") is a number's, not a sentence's end.
  const ends = (i: number) =>
    /[.!?;\n]/.test(text[i] as string) &&
    !(text[i] === "." && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""));
  let from = start;
  while (from > 0 && !ends(from - 1)) from--;
  let to = end;
  while (to < text.length && !ends(to)) to++;
  return { start: from, end: to };
}

const NEGATIONS = new Set(["not", "no", "never", "without", "nor", "cannot"]);

/** Whether one of the three words before token `index`, in the same sentence, negates it. */
export function isNegated(tokens: readonly Token[], index: number, text: string): boolean {
  const here = tokens[index];
  if (!here) return false;
  const sentence = sentenceAround(text, here.start, here.end);
  for (let k = index - 1; k >= Math.max(0, index - 3); k--) {
    const t = tokens[k] as Token;
    if (t.start < sentence.start) break;
    if (NEGATIONS.has(t.norm) || t.norm.endsWith("n't")) return true;
  }
  return false;
}

/** Character ranges of text inside double quotation marks, straight or curly. */
export function quotedRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/“[^”]*”|"[^"]*"|‘[^’]*’(?![\p{L}])/gu))
    ranges.push({ start: m.index, end: m.index + m[0].length });
  return ranges;
}

export const inRanges = (ranges: readonly { start: number; end: number }[], at: number): boolean =>
  ranges.some((r) => at >= r.start && at < r.end);

/** Counts the words of a text. */
export const wordCount = (text: string): number =>
  text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
