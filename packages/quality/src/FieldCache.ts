import type { FieldKey } from "./Rule.js";
import { type LanguageReading, readLanguage } from "./text/readLanguage.js";
import { type Token, tokenize } from "./text/tokenize.js";

interface Remembered<T> {
  readonly text: string;
  readonly label: string;
  readonly target: string;
  readonly context: string;
  readonly value: T;
}

/**
 * What the checker worked out from each field's text, kept between checks: the editor re-checks
 * the whole plan at every pause in typing, when all but one field are as they were, so only the
 * changed field is read again. Each field is remembered by its JSON path, with the text (and
 * whatever else the result depends on) it was worked out from; a field whose text changed is
 * read again and replaces what was remembered. Texts are compared, never object identities,
 * because each check gets a freshly built plan.
 */
export class FieldCache {
  readonly #tokens = new Map<
    string,
    { readonly text: string; readonly tokens: readonly Token[] }
  >();
  readonly #results = new Map<string, Map<string, Remembered<unknown>>>();
  readonly #readings = new Map<
    string,
    { readonly text: string; readonly reading: LanguageReading }
  >();

  /** The language model's reading of the field at `path`, read again only when its text changed. */
  reading(path: string, text: string): LanguageReading {
    const known = this.#readings.get(path);
    if (known && known.text === text) return known.reading;
    const reading = readLanguage(text);
    this.#readings.set(path, { text, reading });
    return reading;
  }

  /** The words of the field at `path`, split again only when its text changed. */
  tokens(path: string, text: string): readonly Token[] {
    const known = this.#tokens.get(path);
    if (known && known.text === text) return known.tokens;
    const tokens = tokenize(text);
    this.#tokens.set(path, { text, tokens });
    return tokens;
  }

  /**
   * The result of `rule` on a field: computed again only when the field's text, label or item,
   * or `context` (the settings and the child's name), changed since the last check.
   */
  result<T>(rule: string, field: FieldKey, context: string, compute: () => T): T {
    let byPath = this.#results.get(rule);
    if (!byPath) {
      byPath = new Map();
      this.#results.set(rule, byPath);
    }
    const known = byPath.get(field.path);
    if (
      known &&
      known.text === field.text &&
      known.label === field.label &&
      known.target === field.target &&
      known.context === context
    )
      return known.value as T;
    const value = compute();
    const { text, label, target } = field;
    byPath.set(field.path, { text, label, target, context, value });
    return value;
  }

  /** Forgets the fields a check no longer saw, so a plan that shrinks does not keep their text. */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const path of this.#tokens.keys()) if (!paths.has(path)) this.#tokens.delete(path);
    for (const path of this.#readings.keys()) if (!paths.has(path)) this.#readings.delete(path);
    for (const byPath of this.#results.values())
      for (const path of byPath.keys()) if (!paths.has(path)) byPath.delete(path);
  }
}
