import { createId } from "../items/createId.js";
import { blankPlan } from "../json/blankPlan.js";
import { PLAN_FORMAT_VERSION } from "../json/formatVersion.js";
import type { Plan, SectionKey } from "../json/plan.js";
import type { PlanPart } from "../roles/sectionPolicy.js";

/**
 * A piece of advice is a document of its own, named after its plan and its request, so the
 * server can tell it from a plan by its name alone (a plan's id holds no "/").
 */
export const adviceDocumentName = (planId: string, requestId: string) =>
  `${planId}/advice:${requestId}`;

const ADVICE_DOCUMENT_NAME = /^([A-Za-z0-9_-]{1,64})\/advice:([A-Za-z0-9_-]{1,64})$/;

/** The plan and request an advice document's name stands for; null for any other name. */
export function parseAdviceDocumentName(
  name: string,
): { readonly planId: string; readonly requestId: string } | null {
  const match = ADVICE_DOCUMENT_NAME.exec(name);
  return match ? { planId: match[1] as string, requestId: match[2] as string } : null;
}

/**
 * An advice document is written with the plan's own blocks, so the same editor, the same
 * server checks and the same checker serve it: its sections read as the parts of the advice.
 * Its author writes these and no others: not the plan details (the child's, copied from the
 * plan), not its outline, not the school named (I) nor a personal budget (J), which are the
 * council's to decide.
 */
export const ADVICE_SECTIONS: Readonly<Partial<Record<SectionKey, string>>> = {
  K: "What this advice rests on: assessments, observations and their dates",
  A: "The child's or young person's strengths, and their views and their family's as heard",
  B: "Needs: special educational needs",
  C: "Needs: health",
  D: "Needs: social care",
  E: "Recommended outcomes",
  F: "Recommended provision: special educational provision",
  G: "Recommended provision: health",
  H1: "Recommended provision: social care under section 2 of the Chronically Sick and Disabled Persons Act 1970",
  H2: "Recommended provision: other social care",
};

/** The parts of an advice document its author may change. */
export const ADVICE_AUTHOR_PARTS: readonly PlanPart[] = Object.keys(
  ADVICE_SECTIONS,
) as SectionKey[];

/**
 * A new, empty advice document for a plan: the child's details copied from the plan (so the
 * advice names whom it is about), every section empty.
 */
export function blankAdvice(plan: Plan): Plan {
  const { child, localAuthority, caseworker, dates } = plan.meta;
  const blank = blankPlan({
    child,
    localAuthority,
    caseworker,
    requestReceived: dates.requestReceived,
  });
  return {
    ...blank,
    formatVersion: PLAN_FORMAT_VERSION,
    id: createId("advice"),
    meta: { ...blank.meta, dates: { ...blank.meta.dates, nextReview: dates.nextReview } },
  };
}
