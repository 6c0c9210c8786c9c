/**
 * Whether any part of a plan gives a language: a view's `lang`, a paragraph's `attrs.lang` or a
 * `lang` mark, the only places the key appears. Walked without recursion, as plans nest deep.
 */
export function usesLang(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === null || typeof next !== "object") continue;
    if (Array.isArray(next)) stack.push(...next);
    else {
      if (Object.hasOwn(next, "lang")) return true;
      stack.push(...Object.values(next));
    }
  }
  return false;
}
