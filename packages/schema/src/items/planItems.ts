import {
  type Advice,
  NEEDS_SECTION_KEYS,
  type Need,
  type Outcome,
  type OutcomeStep,
  type Plan,
  PROVISION_SECTION_KEYS,
  type Provision,
  type SectionKey,
  type View,
} from "../json/plan.js";
import type { PathSegment } from "../errors/jsonPath.js";
import { labelAt } from "./labelAt.js";

interface ItemValues {
  view: View;
  need: Need;
  outcome: Outcome;
  step: OutcomeStep;
  provision: Provision;
  advice: Advice;
}

export type PlanItemKind = keyof ItemValues;

/** An item of a plan that has an id, with where it stands. */
export type PlanItem = { [K in PlanItemKind]: PlanItemOf<K> }[PlanItemKind];

interface PlanItemOf<K extends PlanItemKind> {
  readonly kind: K;
  readonly value: ItemValues[K];
  readonly id: string;
  readonly section: SectionKey;
  /** Path of the item itself, e.g. `["sections", "F", "provisions", 2]`. */
  readonly path: readonly PathSegment[];
  /** The label people read, derived from position: A1, B2, E3, E3.1, F12, H1.2, K4. */
  readonly label: string;
}

/** Every item of a plan that has an id, in document order. */
export function planItems(plan: Plan): PlanItem[] {
  const s = plan.sections;
  const items: PlanItem[] = [];
  s.A.views.forEach((v, i) => {
    items.push({
      kind: "view",
      value: v,
      id: v.id,
      section: "A",
      path: ["sections", "A", "views", i],
      label: labelAt("A", i),
    });
  });
  for (const key of NEEDS_SECTION_KEYS) {
    s[key].needs.forEach((n, i) => {
      items.push({
        kind: "need",
        value: n,
        id: n.id,
        section: key,
        path: ["sections", key, "needs", i],
        label: labelAt(key, i),
      });
    });
  }
  s.E.outcomes.forEach((o, i) => {
    const label = labelAt("E", i);
    const path = ["sections", "E", "outcomes", i];
    items.push({ kind: "outcome", value: o, id: o.id, section: "E", path, label });
    o.steps.forEach((step, j) => {
      items.push({
        kind: "step",
        value: step,
        id: step.id,
        section: "E",
        path: [...path, "steps", j],
        label: `${label}.${j + 1}`,
      });
    });
  });
  for (const key of PROVISION_SECTION_KEYS) {
    s[key].provisions.forEach((p, i) => {
      items.push({
        kind: "provision",
        value: p,
        id: p.id,
        section: key,
        path: ["sections", key, "provisions", i],
        label: labelAt(key, i),
      });
    });
  }
  s.K.advice.forEach((a, i) => {
    items.push({
      kind: "advice",
      value: a,
      id: a.id,
      section: "K",
      path: ["sections", "K", "advice", i],
      label: labelAt("K", i),
    });
  });
  return items;
}
