import { blankPlan, type Plan } from "@ehcp/schema";
import { examplePlan } from "@ehcp/fixtures";

/** A plan with every field empty that may be empty. */
export const emptiestPlan = (): Plan =>
  blankPlan({
    child: {
      fullName: "",
      preferredName: "",
      dateOfBirth: "2018-01-01",
      pronouns: "",
      yearGroup: "",
    },
    requestReceived: "2026-01-01",
  });

/** The good fixture with section G missing: not a valid plan. */
export function planWithoutSectionG(): Plan {
  const bad = structuredClone(examplePlan("plan-good.json")) as {
    sections: Record<string, unknown>;
  };
  delete bad.sections.G;
  return bad as unknown as Plan;
}

/** A 1×1 PNG, for the council's logo. */
export const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * `before` as a later version: F1 delivered by "Speech and language therapy assistant", and a new
 * need in B, for the appendix of changes.
 */
export function revisedPlan(before: Plan): Plan {
  const after = structuredClone(before);
  const provision = after.sections.F.provisions[0];
  if (!provision) throw new Error("the plan has no provision in F");
  provision.deliveredBy = "Speech and language therapy assistant";
  after.sections.B.needs.push({
    id: "need-new",
    area: "semh",
    title: "Worries about the move to secondary school",
    description: [],
    adviceIds: [],
  });
  return after;
}
