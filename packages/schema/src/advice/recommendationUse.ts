import type { AdviceDecision, ItemSource, Plan, SectionKey } from "../json/plan.js";
import { planItems } from "../items/planItems.js";

/** A plan item lifted from a recommendation, with where it stands. */
export interface LiftedItem {
  readonly id: string;
  readonly section: SectionKey;
  readonly label: string;
  readonly source: ItemSource;
}

/**
 * What became of one recommendation of a piece of advice in a plan: in the plan (the items whose
 * source names it, with the caseworker's `kept` decision if the advice changed after), merged
 * into another item, not included (with the reason), or nothing decided yet.
 */
export type RecommendationUse =
  | {
      readonly state: "in-plan";
      readonly items: readonly LiftedItem[];
      readonly kept: Extract<AdviceDecision, { decision: "kept" }> | null;
    }
  | { readonly state: "merged"; readonly into: string; readonly label: string | null }
  | { readonly state: "declined"; readonly reason: string }
  | { readonly state: "undecided" };

/** What became of recommendation `recommendationId` of the advice asked for by `requestId`. */
export function recommendationUse(
  plan: Plan,
  requestId: string,
  recommendationId: string,
): RecommendationUse {
  const items = planItems(plan);
  const lifted: LiftedItem[] = [];
  for (const item of items) {
    if (item.kind !== "need" && item.kind !== "outcome" && item.kind !== "provision") continue;
    const source = item.value.source;
    if (source?.requestId === requestId && source.recommendationId === recommendationId) {
      lifted.push({ id: item.id, section: item.section, label: item.label, source });
    }
  }
  const decisions = (plan.sections.K.decisions ?? []).filter(
    (d) => d.requestId === requestId && d.recommendationId === recommendationId,
  );
  // A recommendation has one decision; should two caseworkers have written one each at once,
  // the later in the plan stands.
  const decision = decisions.at(-1) ?? null;
  if (lifted.length > 0) {
    return {
      state: "in-plan",
      items: lifted,
      kept: decision?.decision === "kept" ? decision : null,
    };
  }
  if (decision?.decision === "merged") {
    const into = items.find((item) => item.id === decision.into);
    return { state: "merged", into: decision.into, label: into?.label ?? null };
  }
  if (decision?.decision === "declined") return { state: "declined", reason: decision.reason };
  return { state: "undecided" };
}
