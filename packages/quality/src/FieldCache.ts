import { jsonEqual } from "./jsonEqual.js";
import type { PlanField } from "./planFields.js";
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

/** An item of the plan as a check saw it. */
export interface CheckedItem {
  /** Its JSON path: "sections.F.provisions[3]". */
  readonly key: string;
  readonly fields: readonly PlanField[];
  /**
   * What `compute` gives for this item, remembered while the item and `context` (what else
   * the result depends on) are as they were.
   */
  remember<T>(context: string, compute: () => T): T;
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
  readonly #items = new Map<
    string,
    {
      readonly copy: unknown;
      readonly fields: readonly PlanField[];
      seen: number;
      remembered?: { readonly context: string; readonly value: unknown };
    }
  >();
  #order: CheckedItem[] = [];
  readonly #byKey = new Map<
    string,
    { readonly key: readonly unknown[]; readonly value: unknown }
  >();
  #context = "";
  #check = 0;
  #fields: readonly PlanField[] = [];
  readonly #byPath = new Map<string, PlanField>();
  readonly #readings = new Map<
    string,
    { readonly text: string; readonly reading: LanguageReading }
  >();

  /** Starts a check: the items it does not see are forgotten at `keepOnly`. */
  startCheck(): void {
    this.#check++;
    this.#order = [];
  }

  /**
   * `context` itself, or the equal string the last check gave: what is remembered by it is then
   * compared by identity, not character by character.
   */
  sameContext(context: string): string {
    if (context !== this.#context) this.#context = context;
    return this.#context;
  }

  /**
   * What `compute` gives under `name`, remembered while `key` is the same, element by element:
   * for what reads across the plan but only a small part of it (its ids and links).
   */
  byKey<T>(name: string, key: readonly unknown[], compute: () => T): T {
    const known = this.#byKey.get(name);
    if (known && known.key.length === key.length && known.key.every((k, i) => k === key[i]))
      return known.value as T;
    const value = compute();
    this.#byKey.set(name, { key, value });
    return value;
  }

  /** The items this check has seen so far (`itemFields`), in document order. */
  items(): readonly CheckedItem[] {
    return this.#order;
  }

  /**
   * The fields of the item at `key`, built again only when the item is not as it was (compared by
   * value with a copy of it, as each check may get a freshly built plan or the same one changed
   * in place). An unchanged item gives the very objects of the last check, so what rules
   * remember of its fields is found by identity.
   */
  itemFields(key: string, item: unknown, build: () => readonly PlanField[]): readonly PlanField[] {
    let known = this.#items.get(key);
    if (known && jsonEqual(item, known.copy)) known.seen = this.#check;
    else {
      if (known) for (const f of known.fields) this.#byPath.delete(f.path);
      known = { copy: structuredClone(item), fields: build(), seen: this.#check };
      for (const f of known.fields) this.#byPath.set(f.path, f);
      this.#items.set(key, known);
    }
    const entry = known;
    this.#order.push({
      key,
      fields: entry.fields,
      remember: <T>(context: string, compute: () => T): T => {
        if (entry.remembered?.context === context) return entry.remembered.value as T;
        const value = compute();
        entry.remembered = { context, value };
        return value;
      },
    });
    return entry.fields;
  }

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

  /** The field at a JSON path as this check's items gave it (after `keepOnly`). */
  fieldAt(path: string): PlanField | undefined {
    return this.#byPath.get(path);
  }

  /**
   * Ends reading the plan's items: forgets the items and fields this check did not see, so a
   * plan that shrinks does not keep their text. When the check's fields are at the paths of the
   * last check's, in the same order, no item was added, moved or removed and nothing is lost.
   */
  keepOnly(fields: readonly PlanField[]): void {
    const last = this.#fields;
    this.#fields = fields;
    if (last.length === fields.length && last.every((f, i) => f.path === fields[i]!.path)) return;
    for (const [key, item] of this.#items) if (item.seen !== this.#check) this.#items.delete(key);
    this.#byPath.clear();
    for (const f of fields) this.#byPath.set(f.path, f);
    this.#forget(new Set(this.#byPath.keys()));
  }

  #forget(paths: ReadonlySet<string>): void {
    for (const path of this.#tokens.keys()) if (!paths.has(path)) this.#tokens.delete(path);
    for (const path of this.#readings.keys()) if (!paths.has(path)) this.#readings.delete(path);
    for (const byPath of this.#results.values())
      for (const path of byPath.keys()) if (!paths.has(path)) byPath.delete(path);
  }
}
