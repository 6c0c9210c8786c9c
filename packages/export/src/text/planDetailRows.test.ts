import { wellWrittenPlan } from "@ehcp/fixtures";
import { describe, expect, it } from "vitest";
import { planDetailRows } from "./planDetailRows.js";

const nextReviewOf = (plan: ReturnType<typeof wellWrittenPlan>) =>
  planDetailRows(plan, "Anytown Council").find(([label]) => label === "Next review")?.[1];

describe("planDetailRows", () => {
  it("gives a final plan's next review as the annual review the app shows, when none is recorded", () => {
    const plan = wellWrittenPlan();
    plan.meta.status = "final";
    plan.meta.dates.finalIssued = "2026-11-20";
    plan.meta.dates.nextReview = null;
    expect(nextReviewOf(plan)).toBe("20 November 2027");
  });
  it("keeps a recorded review date, and says a draft's is not yet set", () => {
    const plan = wellWrittenPlan();
    plan.meta.dates.finalIssued = null;
    plan.meta.dates.nextReview = null;
    expect(nextReviewOf(plan)).toBe("Not yet set");
    plan.meta.dates.nextReview = "2027-06-01";
    expect(nextReviewOf(plan)).toBe("1 June 2027");
  });
});
