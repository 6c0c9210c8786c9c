import { blankPlan, type Plan, parsePlan } from "@ehcp/schema";
// The benchmark's generator makes made-up plans of any size; stories use small and large ones.
import { generatePlan } from "@ehcp/fixtures/generatePlan";

/** A new plan for a made-up child, every section empty. */
export const emptyPlan: Plan = blankPlan({
  child: {
    fullName: "Robin Example",
    preferredName: "Robin",
    dateOfBirth: "2018-05-14",
    pronouns: "they/them",
    yearGroup: "Year 3",
  },
  localAuthority: "Northshire County Council",
  requestReceived: "2026-09-01",
});

/** A sound plan of a dozen needs and their outcomes and provision. */
export const goodPlan: Plan = parsePlan(generatePlan({ scale: 0.25, seed: 7 }));

/**
 * The same plan written badly: vague provision, an outcome with no need, a provision with no
 * outcome, and a need no outcome names.
 */
export const poorPlan: Plan = (() => {
  const plan = structuredClone(goodPlan);
  const [first, second] = plan.sections.F.provisions;
  if (first) {
    first.what = [
      {
        type: "paragraph",
        content: [{ type: "text", text: "Access to regular support as required." }],
      },
    ];
    first.frequency = null;
    first.deliveredBy = "";
  }
  if (second) second.outcomeIds = [];
  const outcome = plan.sections.E.outcomes[0];
  if (outcome) outcome.needIds = [];
  // A need that no outcome names: the thread breaks at once.
  plan.sections.B.needs.push({
    id: "need-lunch",
    area: "sensory-physical",
    title: "Finds the dining hall too loud to eat in",
    description: [],
    adviceIds: [],
  });
  return parsePlan(plan);
})();

/** A plan of 240 provisions, about a hundred pages. */
export const largePlan: Plan = parsePlan(generatePlan({ scale: 1, seed: 1 }));
