import { describe, expect, it } from "vitest";
import { withOutcomeText } from "@ehcp/fixtures";
import { findingsOf } from "../../test/findingsOf.js";

const inYear = (statement: string, yearGroup: string) => {
  const plan = withOutcomeText(statement, { byWhen: "2027-07" });
  plan.meta.child.yearGroup = yearGroup;
  return plan;
};

describe("messages that fit the child's setting", () => {
  it("gives a nursery child's example in sessions with a keyworker, not lessons with a teacher", () => {
    const statement = "By July 2027 Mia will say hello to her friends when appropriate.";
    const [nursery] = findingsOf(inYear(statement, "Nursery"), "outcome-not-measurable");
    expect(nursery?.message).toContain("each time her keyworker asks, in 4 of 5 sessions");
    expect(nursery?.message).not.toMatch(/teacher|lessons/);
    const [school] = findingsOf(inYear(statement, "Year 3"), "outcome-not-measurable");
    expect(school?.message).toContain("each time her teacher asks, in 4 of 5 lessons");
  });

  it("says the college year for a student at college", () => {
    const plan = inYear("Mia will travel to college on the bus on her own.", "Post-16");
    plan.sections.E.outcomes[0]!.byWhen = null;
    const [found] = findingsOf(plan, "outcome-not-time-bound");
    expect(found?.message).toContain("the end of the college year");
  });

  it("underlines the words the message quotes", () => {
    const statement = "By July 2027 Mia will become more confident.";
    const [found] = findingsOf(inYear(statement, "Year 3"), "outcome-not-measurable");
    expect(found?.message).toContain("Mia will 'become more confident'");
    expect(statement.slice(found!.range!.from, found!.range!.to)).toBe("become more confident");
  });
});
