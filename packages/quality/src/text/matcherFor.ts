import { PhraseMatcher } from "./PhraseMatcher.js";

const cache = new Map<string, PhraseMatcher>();
const LIMIT = 32;

/**
 * A compiled matcher for a list of phrases, made once per distinct list: each check resolves its
 * settings afresh, so caching by object identity would compile the defaults on every check.
 */
export function matcherFor(phrases: readonly string[]): PhraseMatcher {
  const key = phrases.join("\u0000");
  let matcher = cache.get(key);
  if (!matcher) {
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
    matcher = new PhraseMatcher(phrases);
    cache.set(key, matcher);
  }
  return matcher;
}
