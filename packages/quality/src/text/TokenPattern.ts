import { isNumberWord } from "./numbers.js";
import type { Token } from "./tokenize.js";

/**
 * One element of a pattern: any of a set of words, `#` for a count, `*` for any word; optional
 * when written `[...]`, and `~N` lets up to N words come between it and the element before.
 */
interface Element {
  readonly words: ReadonlySet<string> | null;
  readonly number: boolean;
  readonly any: boolean;
  readonly optional: boolean;
  readonly gap: number;
}

/** Where a pattern matched: token indices, end exclusive. */
export interface TokenMatch {
  readonly index: number;
  readonly endIndex: number;
}

function parseElement(source: string): Element {
  let text = source;
  let gap = 0;
  const gapMatch = /^~(\d+)(.*)$/.exec(text);
  if (gapMatch) {
    gap = Number(gapMatch[1]);
    text = gapMatch[2] as string;
  }
  const optional = text.startsWith("[") && text.endsWith("]");
  if (optional) text = text.slice(1, -1);
  const alternatives = text.split("|");
  const number = alternatives.includes("#");
  const any = alternatives.includes("*");
  const words = alternatives.filter((a) => a !== "#" && a !== "*");
  return { words: words.length > 0 ? new Set(words) : null, number, any, optional, gap };
}

const accepts = (e: Element, t: Token | undefined): boolean =>
  t !== undefined &&
  (e.any || (e.number && isNumberWord(t.norm)) || (e.words?.has(t.norm) ?? false));

/**
 * A sequence of word elements matched against tokenized text, written as a string so a rule
 * reads as what it looks for: `"as advised|recommended|determined by|in"`. Matching is greedy
 * with backtracking, which is cheap because patterns are a few elements long.
 */
export class TokenPattern {
  readonly #elements: readonly Element[];

  constructor(source: string) {
    this.#elements = source.trim().split(/\s+/).map(parseElement);
    const first = this.#elements[0];
    if (!first || first.optional || first.gap > 0) throw new Error(`Bad pattern: ${source}`);
  }

  /** The words the pattern can start with, or null when it starts with `#` or `*`. */
  get firstWords(): ReadonlySet<string> | null {
    const first = this.#elements[0] as Element;
    return first.any || first.number ? null : first.words;
  }

  /** The match starting at token `i`, if any; `stop` is the index no match may reach. */
  matchAt(tokens: readonly Token[], i: number, stop = tokens.length): TokenMatch | null {
    const end = this.#from(tokens, 0, i, stop);
    return end === null ? null : { index: i, endIndex: end };
  }

  #from(tokens: readonly Token[], k: number, i: number, stop: number): number | null {
    if (k === this.#elements.length) return i;
    const e = this.#elements[k] as Element;
    for (let skip = 0; skip <= e.gap && i + skip < stop; skip++) {
      if (accepts(e, tokens[i + skip])) {
        const end = this.#from(tokens, k + 1, i + skip + 1, stop);
        if (end !== null) return end;
      }
    }
    return e.optional ? this.#from(tokens, k + 1, i, stop) : null;
  }
}
