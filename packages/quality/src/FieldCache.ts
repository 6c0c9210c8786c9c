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
  /** The list it is in ("sections.F.provisions"), or its own path for a single item. */
  readonly list: string;
  /** Its place in `list`; -1 for a single item (a section's summary, J's notes). */
  readonly index: number;
  /** A copy of the item as the check saw it (equal to the plan's, by value). */
  readonly copy: unknown;
  readonly fields: readonly PlanField[];
  /**
   * What `compute` gives for this item, remembered while the item and `context` (what else
   * the result depends on) are as they were.
   */
  remember<T>(context: string, compute: () => T): T;
  /**
   * What `compute` (a function kept for the purpose, as it is the key) gives for this item,
   * worked out once while the item is as it was.
   */
  derived<T>(compute: (item: CheckedItem) => T): T;
}

/**
 * An item's entry, kept while the item is as it was; an edited item gets a new one, so what is
 * remembered on an entry (its findings, what is derived from it) is found by identity.
 */
export class ItemEntry implements CheckedItem {
  seen: number;
  #remembered?: { readonly context: string; readonly value: unknown };
  #derived?: Map<unknown, unknown>;

  /** The entry this one replaced, whose derived values it may keep (see `derived`). */
  #previous: ItemEntry | undefined;

  constructor(
    readonly list: string,
    readonly index: number,
    readonly copy: unknown,
    readonly fields: readonly PlanField[],
    seen: number,
    previous?: ItemEntry,
  ) {
    this.seen = seen;
    this.#previous = previous;
    // Only one entry back, so a field edited a thousand times holds no chain of its past.
    if (previous) previous.#previous = undefined;
  }

  get key(): string {
    return this.index < 0 ? this.list : `${this.list}[${this.index}]`;
  }

  remember<T>(context: string, compute: () => T): T {
    const known = this.recall(context);
    return known === undefined ? this.keep(context, compute()) : (known as T);
  }

  /** What was kept under `context` (`undefined` if nothing was): no closure for a hot loop. */
  recall(context: string): unknown {
    return this.#remembered?.context === context ? this.#remembered.value : undefined;
  }

  keep<T>(context: string, value: T): T {
    this.#remembered = { context, value };
    return value;
  }

  derived<T>(compute: (item: CheckedItem) => T): T {
    this.#derived ??= new Map();
    if (this.#derived.has(compute)) return this.#derived.get(compute) as T;
    let value = compute(this);
    // An edit that left this value as it was keeps the very object, so what is remembered by
    // it (element by element, see `FieldCache.byKey`) is found by identity.
    const before = this.#previous && this.#previous.#derived;
    if (before?.has(compute) && jsonEqual(before.get(compute), value))
      value = before.get(compute) as T;
    this.#derived.set(compute, value);
    return value;
  }
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
  // By list, then place in it: no path is formatted for an item that did not change.
  readonly #items = new Map<string, (ItemEntry | undefined)[]>();
  #order: ItemEntry[] = [];
  readonly #byKey = new Map<
    string,
    { readonly key: readonly unknown[]; readonly value: unknown }
  >();
  readonly #ranked = new Map<
    string,
    { readonly severity: string; readonly of: readonly unknown[]; readonly value: unknown }
  >();
  #context = "";
  /** The last check's key of the thread (see `threadKey` in checkPlan.ts). */
  threadKey: readonly unknown[] = [];
  #check = 0;
  #fields: readonly PlanField[] = [];
  readonly #byPath = new Map<string, PlanField>();
  readonly #readings = new Map<
    string,
    { readonly text: string; readonly reading: LanguageReading }
  >();
  // What this check worked out from a text alone, by what and the text: a plan says the same
  // thing in many fields ("Weekly", "Teaching assistant", a view repeated), read once a check.
  readonly #ofText = new Map<string, Map<string, unknown>>();

  /** Starts a check: the items it does not see are forgotten at `keepOnly`. */
  startCheck(): void {
    this.#check++;
    this.#order = [];
    for (const byText of this.#ofText.values()) byText.clear();
  }

  /**
   * What `compute` gives for `text` under `name`, worked out once in a check however many fields
   * hold that text; `compute` must read nothing but the text (and what `name` stands for).
   */
  ofText<T>(name: string, text: string, compute: () => T): T {
    let byText = this.#ofText.get(name);
    if (!byText) {
      byText = new Map();
      this.#ofText.set(name, byText);
    }
    if (byText.has(text)) return byText.get(text) as T;
    const value = compute();
    byText.set(text, value);
    return value;
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
    if (
      known &&
      (known.key === key ||
        (known.key.length === key.length && known.key.every((k, i) => k === key[i])))
    )
      return known.value as T;
    const value = compute();
    this.#byKey.set(name, { key, value });
    return value;
  }

  /**
   * What `compute` makes of a rule's findings (`of`), made again only when the rule found other
   * finding objects than last time or its severity changed: a rule that remembers its findings
   * gives the same objects, and they are then not wrapped again.
   */
  ranked<T>(rule: string, severity: string, of: readonly unknown[], compute: () => T): T {
    const known = this.#ranked.get(rule);
    if (
      known &&
      known.severity === severity &&
      known.of.length === of.length &&
      known.of.every((f, i) => f === of[i])
    )
      return known.value as T;
    const value = compute();
    this.#ranked.set(rule, { severity, of, value });
    return value;
  }

  /** The items this check has seen so far (`itemFields`), in document order. */
  items(): readonly ItemEntry[] {
    return this.#order;
  }

  /**
   * The fields of the item at `list[index]` (`index` -1: the item at the path `list`), built
   * again only when the item is not as it was (compared by value with a copy of it, as each
   * check may get a freshly built plan or the same one changed in place). An unchanged item
   * gives the very objects of the last check, so what rules remember of its fields is found by
   * identity.
   */
  itemFields<T>(
    list: string,
    index: number,
    item: T,
    build: (item: T, index: number) => readonly PlanField[],
  ): readonly PlanField[] {
    let entries = this.#items.get(list);
    if (!entries) {
      entries = [];
      this.#items.set(list, entries);
    }
    const at = index < 0 ? 0 : index;
    let known = entries[at];
    if (known && jsonEqual(item, known.copy)) known.seen = this.#check;
    else {
      if (known) for (const f of known.fields) this.#byPath.delete(f.path);
      known = new ItemEntry(
        list,
        index,
        structuredClone(item),
        build(item, index),
        this.#check,
        known,
      );
      for (const f of known.fields) this.#byPath.set(f.path, f);
      entries[at] = known;
    }
    this.#order.push(known);
    return known.fields;
  }

  /** The language model's reading of the field at `path`, read again only when its text changed. */
  reading(path: string, text: string): LanguageReading {
    const known = this.#readings.get(path);
    if (known && known.text === text) return known.reading;
    const reading = this.ofText("reading", text, () => readLanguage(text));
    this.#readings.set(path, { text, reading });
    return reading;
  }

  /** The words of the field at `path`, split again only when its text changed. */
  tokens(path: string, text: string): readonly Token[] {
    const known = this.#tokens.get(path);
    if (known && known.text === text) return known.tokens;
    const tokens = this.ofText("tokens", text, () => tokenize(text));
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
    if (
      last.length === fields.length &&
      last.every((f, i) => f === fields[i] || f.path === fields[i]!.path)
    )
      return;
    for (const [list, entries] of this.#items) {
      let kept = 0;
      for (let i = 0; i < entries.length; i++) {
        if (entries[i]?.seen === this.#check) kept = i + 1;
        else entries[i] = undefined;
      }
      if (kept === 0) this.#items.delete(list);
      else entries.length = kept;
    }
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
