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
  /** Words quoted as a person said them (a direct-quote view in A): never corrected. */
  readonly quoted: boolean;
}

const at = (...segments: PathSegment[]) => formatJsonPath(segments);

/** Every text field of a plan, in document order. */
export function planFields(plan: Plan): PlanField[] {
  const s = plan.sections;
  const fields: PlanField[] = [];
  const push = (f: Omit<PlanField, "quoted"> & { quoted?: boolean }) => {
    if (f.text.trim() !== "") fields.push({ quoted: false, ...f });
  };

  s.A.views.forEach((v, i) => {
    push({
      section: "A",
      target: v.id,
      label: labelAt("A", i),
      field: "content",
      path: at("sections", "A", "views", i, "content"),
      text: plainText(v.content),
      quoted: v.directQuote,
    });
  });
  for (const key of NEEDS_SECTION_KEYS) {
    const section = s[key];
    if (section.summary) {
      push({
        section: key,
        target: key,
        label: `Section ${key}`,
        field: "summary",
        path: at("sections", key, "summary"),
        text: plainText(section.summary),
      });
    }
    section.needs.forEach((n, i) => {
      push({
        section: key,
        target: n.id,
        label: labelAt(key, i),
        field: "title",
        path: at("sections", key, "needs", i, "title"),
        text: n.title,
      });
      push({
        section: key,
        target: n.id,
        label: labelAt(key, i),
        field: "description",
        path: at("sections", key, "needs", i, "description"),
        text: plainText(n.description),
      });
    });
  }
  s.E.outcomes.forEach((o, i) => {
    push({
      section: "E",
      target: o.id,
      label: labelAt("E", i),
      field: "statement",
      path: at("sections", "E", "outcomes", i, "statement"),
      text: plainText(o.statement),
    });
    o.steps.forEach((step, j) => {
      push({
        section: "E",
        target: o.id,
        label: `${labelAt("E", i)}.${j + 1}`,
        field: "step",
        path: at("sections", "E", "outcomes", i, "steps", j, "text"),
        text: step.text,
      });
    });
  });
  for (const key of PROVISION_SECTION_KEYS) {
    s[key].provisions.forEach((p, i) => {
      const base = { section: key, target: p.id, label: labelAt(key, i) } as const;
      push({
        ...base,
        field: "what",
        path: at("sections", key, "provisions", i, "what"),
        text: plainText(p.what),
      });
      push({
        ...base,
        field: "deliveredBy",
        path: at("sections", key, "provisions", i, "deliveredBy"),
        text: p.deliveredBy,
      });
      push({
        ...base,
        field: "expertise",
        path: at("sections", key, "provisions", i, "expertise"),
        text: p.expertise,
      });
    });
  }
  s.J.items.forEach((item, i) => {
    push({
      section: "J",
      target: "J",
      label: "Section J",
      field: "outcomesMet",
      path: at("sections", "J", "items", i, "outcomesMet"),
      text: plainText(item.outcomesMet),
    });
  });
  push({
    section: "J",
    target: "J",
    label: "Section J",
    field: "notes",
    path: at("sections", "J", "notes"),
    text: plainText(s.J.notes),
  });
  return fields;
}
