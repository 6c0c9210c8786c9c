import type { Node as PMNode } from "prosemirror-model";
import {
  LANG_FORMAT_VERSION,
  PLAN_FORMAT,
  PLAN_FORMAT_VERSIONS,
  SOURCE_FORMAT_VERSION,
} from "../json/formatVersion.js";
import { firstSourcePath } from "../json/firstSourcePath.js";
import { usesLang } from "../json/usesLang.js";
import type { Plan, Sections } from "../json/plan.js";
import { parsePlan } from "../json/parsePlan.js";
import { childOf, childrenOf, ITEM_TO_JSON, richText } from "./planNodeJson.js";
import type { PlanNodeName } from "./planSchema.js";
import { withoutSuggestions } from "../suggestions/withoutSuggestions.js";

type Attrs = Record<string, unknown>;

const needsSection = (node: PMNode | undefined) => {
  const summary = childOf(node, "needsSummary");
  return {
    ...(summary ? { summary: richText(summary) } : {}),
    needs: childrenOf(node, "need").map(ITEM_TO_JSON.need),
  };
};

const provisionSection = (node: PMNode | undefined) => ({
  provisions: childrenOf(node, "provision").map(ITEM_TO_JSON.provision),
});

/**
 * Converts a ProseMirror document of `planSchema` back to Plan JSON. The result is validated, so a
 * document holding a value Plan JSON cannot (an item without an id, say) throws a
 * `PlanFormatError` naming the field in Plan JSON terms. Suggested words are left out and words
 * suggested for removal kept, until the suggestion is accepted.
 */
export function docToPlan(withPending: PMNode): Plan {
  // Pending suggestions are not yet the plan.
  const doc = withoutSuggestions(withPending);
  const section = (type: PlanNodeName) => childOf(doc, type);
  const planDetails = childOf(doc, "planDetails");
  const details = (planDetails?.attrs ?? {}) as Attrs;
  const sectionI = section("sectionI");
  const sectionJ = section("sectionJ");
  const decisions = childrenOf(section("sectionK"), "adviceDecision").map(
    ITEM_TO_JSON.adviceDecision,
  );

  const plan = {
    format: PLAN_FORMAT,
    formatVersion: PLAN_FORMAT_VERSIONS[0],
    id: details.planId,
    meta: planDetails ? ITEM_TO_JSON.planDetails(planDetails) : {},
    sections: {
      A: {
        views: childrenOf(section("sectionA"), "view").map(ITEM_TO_JSON.view),
      },
      B: needsSection(section("sectionB")),
      C: needsSection(section("sectionC")),
      D: needsSection(section("sectionD")),
      E: {
        outcomes: childrenOf(section("sectionE"), "outcome").map(ITEM_TO_JSON.outcome),
      },
      F: provisionSection(section("sectionF")),
      G: provisionSection(section("sectionG")),
      H1: provisionSection(section("sectionH1")),
      H2: provisionSection(section("sectionH2")),
      I: { placement: structuredClone(sectionI?.attrs.placement ?? null) },
      J: {
        requested: sectionJ?.attrs.requested,
        items: childrenOf(sectionJ, "budgetItem").map(ITEM_TO_JSON.budgetItem),
        notes: richText(childOf(sectionJ, "budgetNotes")),
      },
      K: {
        advice: childrenOf(section("sectionK"), "advice").map(ITEM_TO_JSON.advice),
        ...(decisions.length > 0 ? { decisions } : {}),
      },
    },
  };
  // The lowest version that describes the plan: one that gives no language is still version 1,
  // and one with no sources nor decisions on advice at most 1.1.
  const formatVersion = firstSourcePath(plan.sections as unknown as Sections)
    ? SOURCE_FORMAT_VERSION
    : usesLang(plan.sections)
      ? LANG_FORMAT_VERSION
      : PLAN_FORMAT_VERSIONS[0];
  return parsePlan({ ...plan, formatVersion });
}
