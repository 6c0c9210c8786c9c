import type { RuleCheck } from "../Rule.js";

// The law keeps the school out of the draft the family is sent (s.38(5)); once the draft has been
// issued, naming the school is how the final plan is made, so it is no longer a fault.
export const placementInDraft: RuleCheck = ({ plan }) => {
  const placement = plan.sections.I.placement;
  if (plan.meta.status !== "draft" || placement === null || plan.meta.dates.draftIssued !== null) {
    return [];
  }
  const named = placement.institutionName
    ? `"${placement.institutionName}"`
    : `a ${placement.institutionType} setting`;
  return [
    {
      section: "I",
      target: "I",
      path: "sections.I.placement",
      message: `Section I names ${named}, but this draft has not been issued. The draft sent to the family must name no school or type of setting, so the family can ask for one (Children and Families Act 2014 s.38(5)). Clear section I until the draft has been issued and the final plan is being made.`,
    },
  ];
};

export const placementMissingInFinal: RuleCheck = ({ plan }) => {
  if (plan.meta.status !== "final" || plan.sections.I.placement !== null) return [];
  return [
    {
      section: "I",
      target: "I",
      path: "sections.I.placement",
      message:
        "This final plan's section I names neither a school nor a type of setting. A final plan must name the placement (CoP 9.79).",
    },
  ];
};
