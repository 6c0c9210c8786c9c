import type { RuleCheck } from "../Rule.js";

export const noChildVoice: RuleCheck = ({ plan, childName }) =>
  plan.sections.A.views.some((v) => v.voice === "child" || v.voice === "young-person")
    ? []
    : [
        {
          section: "A",
          target: "A",
          path: "sections.A.views",
          message: `Section A has no view in ${childName}'s own voice. Add what ${childName} says about their life, hopes and what helps, in their words or through how they communicate (CoP 9.69, 1.3).`,
        },
      ];
