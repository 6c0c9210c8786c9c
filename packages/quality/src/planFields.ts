import {
  formatJsonPath,
  labelAt,
  NEEDS_SECTION_KEYS,
  type PathSegment,
  type Plan,
  PROVISION_SECTION_KEYS,
  type SectionKey,
} from "@ehcp/schema";
import { plainText } from "./text/plainText.js";
import { type Token, tokenize } from "./text/tokenize.js";

export type FieldName =
  | "content"
  | "summary"
  | "title"
  | "description"
  | "statement"
  | "step"
  | "what"
  | "deliveredBy"
  | "expertise"
  | "ratio"
  | "outcomesMet"
  | "notes";

/** One piece of text a person wrote in a plan, with where it is. */
export interface PlanField {
  readonly section: SectionKey;
  /** The item's id, or the section letter for text that belongs to a section. */
  readonly target: string;
  /** How people name the item: "F3", or "Section B" for a section's own text. */
  readonly label: string;
  readonly field: FieldName;
  readonly path: string;
  readonly text: string;
  /** The words of `text`, split once for every rule that reads them. */
  readonly tokens: readonly Token[];
  /** Words quoted as a person said them (a direct-quote view in A): never corrected. */
  readonly quoted: boolean;
}

const at = (...segments: PathSegment[]) => formatJsonPath(segments);

/**
 * Gives the fields of one item (a view, a need, an outcome, a provision...), at `list[index]`
 * (`index` -1: the single item at the path `list`), building them with `build` only when `item`
 * is not as it was: the checker passes one that remembers them between checks.
 */
export type ItemFields = <T>(
  list: string,
  index: number,
  item: T,
  build: (item: T, index: number) => readonly PlanField[],
) => readonly PlanField[];

const buildAlways: ItemFields = (_list, index, item, build) => build(item, index);

// The lists' paths, made once: a check formats no path for an item that did not change.
const NEEDS_LISTS = new Map(NEEDS_SECTION_KEYS.map((k) => [k, `sections.${k}.needs`]));
const SUMMARIES = new Map(NEEDS_SECTION_KEYS.map((k) => [k, `sections.${k}.summary`]));
const PROVISION_LISTS = new Map(PROVISION_SECTION_KEYS.map((k) => [k, `sections.${k}.provisions`]));

/**
 * Every text field of a plan, in document order; `split` gives a field's words, and `itemFields`
 * the fields of each item (by default, built afresh).
 */
export function planFields(
  plan: Plan,
  split: (path: string, text: string) => readonly Token[] = (_path, text) => tokenize(text),
  itemFields: ItemFields = buildAlways,
): PlanField[] {
  const s = plan.sections;
  const fields: PlanField[] = [];
  // The fields of the item being built.
  let built: PlanField[] = [];
  const collect = (fill: () => void): PlanField[] => {
    built = [];
    fill();
    return built;
  };
  const add = (own: readonly PlanField[]) => {
    for (const f of own) fields.push(f);
  };
  // One object shape for every field, built in one place, keeps this hot loop fast.
  const push = (
    section: SectionKey,
    target: string,
    label: string,
    field: FieldName,
    path: string,
    text: string,
    quoted = false,
  ) => {
    if (text.trim() !== "") {
      built.push({ section, target, label, field, path, text, tokens: split(path, text), quoted });
    }
  };

  s.A.views.forEach((v, i) => {
    add(
      itemFields("sections.A.views", i, v, (v, i) =>
        collect(() =>
          push(
            "A",
            v.id,
            labelAt("A", i),
            "content",
            at("sections", "A", "views", i, "content"),
            plainText(v.content),
            v.directQuote,
          ),
        ),
      ),
    );
  });
  for (const key of NEEDS_SECTION_KEYS) {
    const section = s[key];
    if (section.summary) {
      add(
        itemFields(SUMMARIES.get(key)!, -1, section.summary, (summary) =>
          collect(() =>
            push(
              key,
              key,
              `Section ${key}`,
              "summary",
              at("sections", key, "summary"),
              plainText(summary),
            ),
          ),
        ),
      );
    }
    const list = NEEDS_LISTS.get(key)!;
    const build = (n: (typeof section.needs)[number], i: number) =>
      collect(() => {
        const label = labelAt(key, i);
        push(key, n.id, label, "title", at("sections", key, "needs", i, "title"), n.title);
        push(
          key,
          n.id,
          label,
          "description",
          at("sections", key, "needs", i, "description"),
          plainText(n.description),
        );
      });
    for (let i = 0; i < section.needs.length; i++)
      add(itemFields(list, i, section.needs[i]!, build));
  }
  const buildOutcome = (o: Plan["sections"]["E"]["outcomes"][number], i: number) =>
    collect(() => {
      const label = labelAt("E", i);
      push(
        "E",
        o.id,
        label,
        "statement",
        at("sections", "E", "outcomes", i, "statement"),
        plainText(o.statement),
      );
      o.steps.forEach((step, j) => {
        push(
          "E",
          o.id,
          `${label}.${j + 1}`,
          "step",
          at("sections", "E", "outcomes", i, "steps", j, "text"),
          step.text,
        );
      });
    });
  for (let i = 0; i < s.E.outcomes.length; i++)
    add(itemFields("sections.E.outcomes", i, s.E.outcomes[i]!, buildOutcome));
  for (const key of PROVISION_SECTION_KEYS) {
    const list = PROVISION_LISTS.get(key)!;
    const provisions = s[key].provisions;
    const build = (p: (typeof provisions)[number], i: number) =>
      collect(() => {
        const path = `${list}[${i}]`;
        const label = labelAt(key, i);
        push(key, p.id, label, "what", `${path}.what`, plainText(p.what));
        push(key, p.id, label, "deliveredBy", `${path}.deliveredBy`, p.deliveredBy);
        push(key, p.id, label, "expertise", `${path}.expertise`, p.expertise);
      });
    for (let i = 0; i < provisions.length; i++) add(itemFields(list, i, provisions[i]!, build));
  }
  const buildJItem = (item: Plan["sections"]["J"]["items"][number], i: number) =>
    collect(() =>
      push(
        "J",
        "J",
        "Section J",
        "outcomesMet",
        at("sections", "J", "items", i, "outcomesMet"),
        plainText(item.outcomesMet),
      ),
    );
  for (let i = 0; i < s.J.items.length; i++)
    add(itemFields("sections.J.items", i, s.J.items[i]!, buildJItem));
  add(
    itemFields("sections.J.notes", -1, s.J.notes, (notes) =>
      collect(() =>
        push("J", "J", "Section J", "notes", at("sections", "J", "notes"), plainText(notes)),
      ),
    ),
  );
  return fields;
}
