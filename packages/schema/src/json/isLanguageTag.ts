/**
 * Whether a value is a well-formed language tag (BCP 47), as the platform's own Intl reads it:
 * "cy", "ur", "pa-Guru", "pt-BR". Only the shape is checked, not that a language has the code.
 */
export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== "string" || value.length === 0 || value.length > 35) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}
