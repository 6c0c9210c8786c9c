/**
 * Characters no plan needs and attackers use: C0 and C1 controls other than tab and line breaks,
 * the bidirectional embeddings, overrides and isolates that make text read other than it is
 * stored ("Trojan Source"), and noncharacters. Lone surrogates are checked apart.
 */
const UNSAFE =
  // Finding control characters is this pattern's purpose.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;
// Without the `u` flag a pattern sees UTF-16 code units, so it can find halves of a pair.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/** Why a string may not be stored, naming the character ("U+202E"), or null when it may. */
export function unsafeCharacter(text: string): string | null {
  const found = UNSAFE.exec(text);
  if (found) return `the character ${hex(found[0].charCodeAt(0))} is not allowed`;
  if (LONE_SURROGATE.test(text)) return "the text holds half of a character (a lone surrogate)";
  return null;
}

/**
 * The first unsafe string in a JSON-like value (an attribute's value, a mark's attributes),
 * keys included, with where it is ("frequency.per"); null when there is none.
 */
export function unsafeInValue(value: unknown, path = "", depth = 0): string | null {
  if (depth > 64) return `${path || "the value"} is nested too deep`;
  if (typeof value === "string") {
    const why = unsafeCharacter(value);
    return why && `${path || "the value"}: ${why}`;
  }
  if (value === null || typeof value !== "object") return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const why = unsafeCharacter(key) ?? (key === "__proto__" ? "the name is not allowed" : null);
    if (why) return `${at}: ${why}`;
    const deeper = unsafeInValue(inner, at, depth + 1);
    if (deeper) return deeper;
  }
  return null;
}
