import { PhraseMatcher } from "./PhraseMatcher.js";

const byWords = new Map<string, PhraseMatcher>();
const byList = new WeakMap<object, PhraseMatcher>();
const LIMIT = 32;

/**
 * A compiled matcher for a list of phrases (or the keys of a record of phrases), made once per
 * distinct list. A list already seen is found by the object itself, as a checker keeps its
 * settings while they stay; a list made afresh (settings resolved again) is found by its words,
 * so the defaults are not compiled on every check.
 */
export function matcherFor(
  phrases: readonly string[] | Readonly<Record<string, unknown>>,
): PhraseMatcher {
  const seen = byList.get(phrases);
  if (seen) return seen;
  const list = Array.isArray(phrases) ? (phrases as readonly string[]) : Object.keys(phrases);
  const key = list.join("\u0000");
  let matcher = byWords.get(key);
  if (!matcher) {
    if (byWords.size >= LIMIT) byWords.delete(byWords.keys().next().value as string);
    matcher = new PhraseMatcher(list);
    byWords.set(key, matcher);
  }
  byList.set(phrases, matcher);
  return matcher;
}
