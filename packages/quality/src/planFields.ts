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
 * Gives the fields of one item (a view, a need, an outcome, a provision...), at `key` (its JSON
 * path), building them only when `item` is not as it was: the checker passes one that remembers
 * them between checks.
 */
export type ItemFields = (
  key: string,
  item: unknown,
  build: () => readonly PlanField[],
) => readonly PlanField[];

const buildAlways: ItemFields = (_key, _item, build) => build();

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
  // The fields of the item being built; `each` adds them to the plan's.
  let built: PlanField[] = fields;
  const each = (key: string, item: unknown, build: () => void) => {
    const own = itemFields(key, item, () => {
      built = [];
      build();
      const out = built;
      built = fields;
      return out;
    });
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
    each(`sections.A.views[${i}]`, v, () =>
      push(
        "A",
        v.id,
        labelAt("A", i),
        "content",
        at("sections", "A", "views", i, "content"),
        plainText(v.content),
        v.directQuote,
      ),
    );
  });
  for (const key of NEEDS_SECTION_KEYS) {
    const section = s[key];
    if (section.summary) {
      each(`sections.${key}.summary`, section.summary, () =>
        push(
          key,
          key,
          `Section ${key}`,
          "summary",
          at("sections", key, "summary"),
          plainText(section.summary!),
        ),
      );
    }
    section.needs.forEach((n, i) => {
      each(`sections.${key}.needs[${i}]`, n, () => {
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
    });
  }
  s.E.outcomes.forEach((o, i) => {
    each(`sections.E.outcomes[${i}]`, o, () => {
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
  });
  for (const key of PROVISION_SECTION_KEYS) {
    s[key].provisions.forEach((p, i) => {
      const path = `sections.${key}.provisions[${i}]`;
      each(path, p, () => {
        const label = labelAt(key, i);
        push(key, p.id, label, "what", `${path}.what`, plainText(p.what));
        push(key, p.id, label, "deliveredBy", `${path}.deliveredBy`, p.deliveredBy);
        push(key, p.id, label, "expertise", `${path}.expertise`, p.expertise);
      });
    });
  }
  s.J.items.forEach((item, i) => {
    each(`sections.J.items[${i}]`, item, () =>
      push(
        "J",
        "J",
        "Section J",
        "outcomesMet",
        at("sections", "J", "items", i, "outcomesMet"),
        plainText(item.outcomesMet),
      ),
    );
  });
  each("sections.J.notes", s.J.notes, () =>
    push("J", "J", "Section J", "notes", at("sections", "J", "notes"), plainText(s.J.notes)),
  );
  return fields;
}
