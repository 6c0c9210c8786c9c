import type { Token } from "./tokenize.js";

/**
 * What "access" at token `i` is access to, in an outcome: a service others give ("will access a
 * social skills group", "speech and language therapy"), the whole of learning ("access the
 * curriculum", which names no act), or something the child uses or goes to by themselves ("her
 * emails", "the school library", "the lunchtime chess club"), which is the child's own act.
 */
export type AccessedThing = "service" | "learning" | "own";

// Nouns of what others provide: support, teaching, therapy, a group or a session run for the child.
const SERVICE =
  /^(?:support|help|1:1|one-to-one|sessions?|therapy|therapies|interventions?|programmes?|provision|input|teaching|tuition|tutoring|counselling|mentoring|group|groups|elsa|salt|physiotherapy|nurture|adult|ta|lsa|keyworker|mentor|resources|equipment|strategies|space|room|breaks?|time)$/;
const LEARNING = /^(?:curriculum|learning|education|lessons)$/;
// Words that end the thing accessed: "her emails | on her tablet", "the library | to change…".
const ENDS_OBJECT =
  /^(?:on|in|at|from|to|for|with|by|during|when|if|so|before|after|using|via|without|each|every|daily|weekly|twice|once)$/;

export function accessedThing(tokens: readonly Token[], i: number, text: string): AccessedThing {
  const words: Token[] = [];
  for (let k = i + 1; k < tokens.length && words.length < 6; k++) {
    const t = tokens[k] as Token;
    if (k === i + 1 && t.norm === "to") continue;
    if (
      words.length > 0 &&
      (ENDS_OBJECT.test(t.norm) || /[,.;:]/.test(text.slice(words[words.length - 1]!.end, t.start)))
    )
      break;
    words.push(t);
  }
  if (words.some((w) => SERVICE.test(w.norm))) return "service";
  if (words.some((w) => LEARNING.test(w.norm))) return "learning";
  return "own";
}
