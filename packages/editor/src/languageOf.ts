import { isLanguageTag } from "@ehcp/schema";
import { LANGUAGES } from "./LANGUAGES.js";

/**
 * The language tag a writer means by what they typed: a language of `LANGUAGES` by its tag, its
 * name in English or in itself, or the label the list shows ("Urdu · اردو"); otherwise any
 * well-formed language tag, in its canonical form ("PT-br" is "pt-BR"). Null when it is neither.
 */
export function languageOf(typed: string): string | null {
  const text = typed.trim();
  const lower = text.toLowerCase();
  const known = LANGUAGES.find(
    (l) =>
      l.tag.toLowerCase() === lower ||
      l.english.toLowerCase() === lower ||
      l.own.toLowerCase() === lower ||
      `${l.english} · ${l.own}`.toLowerCase() === lower,
  );
  if (known) return known.tag;
  return isLanguageTag(text) ? (Intl.getCanonicalLocales(text)[0] ?? null) : null;
}
