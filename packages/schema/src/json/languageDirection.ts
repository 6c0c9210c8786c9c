/** Scripts written right to left (ISO 15924), as a language's likely script names them. */
const RTL_SCRIPTS: ReadonlySet<string> = new Set([
  "Adlm",
  "Arab",
  "Hebr",
  "Mand",
  "Mend",
  "Nkoo",
  "Rohg",
  "Samr",
  "Syrc",
  "Thaa",
  "Yezi",
]);

/**
 * Which way a language tag's text runs: "rtl" for Urdu, Arabic, Persian, Pashto, Hebrew, Sorani,
 * Dhivehi or Punjabi written in Shahmukhi ("pa-Arab"), "ltr" otherwise (and for a tag that is not
 * one). The script comes from the tag, or is the one the language is most likely written in.
 */
export function languageDirection(tag: string): "rtl" | "ltr" {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    return script !== undefined && RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
  } catch {
    return "ltr";
  }
}
