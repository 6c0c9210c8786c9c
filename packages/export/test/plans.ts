import { blankPlan, type Plan } from "@ehcp/schema";
import { sharedFixture } from "../../schema/test/fixtures.js";

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
  const bad = structuredClone(sharedFixture("plan-good.json")) as {
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
