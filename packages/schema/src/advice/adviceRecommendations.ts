import {
  type Need,
  NEEDS_SECTION_KEYS,
  type Outcome,
  type Plan,
  type Provision,
  PROVISION_SECTION_KEYS,
  type SectionKey,
} from "../json/plan.js";
import { labelPlan } from "../items/labelPlan.js";
import { recommendationText } from "./recommendationText.js";

/** A recommendation of a piece of advice: a need, an outcome or a provision it sets out. */
export type AdviceRecommendation = {
  /** The item's id inside the advice document: what a plan item's `source` names. */
  readonly id: string;
  /** The section of the advice it is written in (B for a special educational need, …). */
  readonly section: SectionKey;
  /** Its label in the advice, as its author and the caseworker read it there: B1, E2, F3. */
  readonly label: string;
  /** What it says, in plain words, to show and to compare two versions by. */
  readonly text: string;
} & (
  | { readonly kind: "need"; readonly value: Need }
  | { readonly kind: "outcome"; readonly value: Outcome }
  | { readonly kind: "provision"; readonly value: Provision }
);

/** The plan sections a recommendation of each kind may be lifted into. */
export const LIFT_SECTIONS = {
  need: NEEDS_SECTION_KEYS,
  outcome: ["E"],
  provision: PROVISION_SECTION_KEYS,
} as const satisfies Record<AdviceRecommendation["kind"], readonly SectionKey[]>;

/**
 * Every recommendation of a piece of advice (an advice document read as a plan), in the order
 * its author wrote them: needs (B, C, D), outcomes (E), then provision (F, G, H1, H2).
 */
export function adviceRecommendations(advice: Plan): AdviceRecommendation[] {
  const labels = labelPlan(advice);
  const s = advice.sections;
  const out: AdviceRecommendation[] = [];
  const base = (id: string, section: SectionKey) => ({
    id,
    section,
    label: labels.get(id) ?? section,
  });
  for (const key of NEEDS_SECTION_KEYS) {
    for (const value of s[key].needs) {
      const text = recommendationText({ kind: "need", value });
      out.push({ ...base(value.id, key), text, kind: "need", value });
    }
  }
  for (const value of s.E.outcomes) {
    const text = recommendationText({ kind: "outcome", value });
    out.push({ ...base(value.id, "E"), text, kind: "outcome", value });
  }
  for (const key of PROVISION_SECTION_KEYS) {
    for (const value of s[key].provisions) {
      const text = recommendationText({ kind: "provision", value });
      out.push({ ...base(value.id, key), text, kind: "provision", value });
    }
  }
  return out;
}
