import { describe, expect, it } from "vitest";
import { parsePlan, type Plan, statutoryDates } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const base = parsePlan(examplePlan("plan-good.json"));
const withDates = (dates: Partial<Plan["meta"]["dates"]>, yearGroup = "Year 3"): Plan => ({
  ...base,
  meta: {
    ...base.meta,
    child: { ...base.meta.child, yearGroup },
    dates: { ...base.meta.dates, draftIssued: null, finalIssued: null, nextReview: null, ...dates },
  },
});
const byKey = (dates: ReturnType<typeof statutoryDates>) =>
  Object.fromEntries(dates.map((d) => [d.key, d]));

describe("statutoryDates", () => {
  it("counts 6, 16 and 20 weeks from the request, and says what is late", () => {
    const plan = withDates({ requestReceived: "2026-09-01" });
    const dates = byKey(statutoryDates(plan, "2026-12-30"));
    expect(dates.decision).toMatchObject({ due: "2026-10-13", status: "overdue" });
    expect(dates.draft).toMatchObject({ due: "2026-12-22", status: "overdue", daysLeft: -8 });
    expect(dates.final).toMatchObject({ due: "2027-01-19", status: "due", daysLeft: 20 });
    expect(dates.representations).toBeUndefined();
  });

  it("marks dates met or late from the plan's issue dates, and counts the 15 days and the review", () => {
    const plan = withDates({
      requestReceived: "2026-09-01",
      draftIssued: "2026-12-01",
      finalIssued: "2027-01-25",
    });
    const dates = byKey(statutoryDates(plan, "2027-02-01"));
    expect(dates.draft).toMatchObject({ status: "met", done: "2026-12-01" });
    expect(dates.final).toMatchObject({ due: "2027-01-19", status: "late", done: "2027-01-25" });
    expect(dates.representations).toMatchObject({ due: "2026-12-16" });
    expect(dates["annual-review"]).toMatchObject({ due: "2028-01-25", status: "due" });
  });

  it("counts an amendment from the proposed amendments sent, not the first request", () => {
    const amended = (dates: Partial<Plan["meta"]["dates"]>): Plan => {
      const plan = withDates({ requestReceived: "2025-01-06", nextReview: "2027-05-04", ...dates });
      return { ...plan, meta: { ...plan.meta, issue: 2 } };
    };
    // Started, the family not yet sent anything: nothing is overdue.
    const started = byKey(statutoryDates(amended({}), "2026-12-03"));
    expect(Object.keys(started).sort()).toEqual(["annual-review"]);
    const sent = byKey(statutoryDates(amended({ draftIssued: "2026-12-03" }), "2026-12-10"));
    expect(sent.decision).toBeUndefined();
    expect(sent.draft).toBeUndefined();
    expect(sent.representations).toMatchObject({ due: "2026-12-18", status: "due" });
    expect(sent.final).toMatchObject({ label: "Amended plan issued", due: "2027-01-28" });
    const issued = byKey(
      statutoryDates(
        amended({ draftIssued: "2026-12-03", finalIssued: "2027-02-01" }),
        "2027-02-02",
      ),
    );
    expect(issued.final).toMatchObject({ status: "late", done: "2027-02-01" });
  });

  it("gives the phase transfer deadline: 15 February, or 31 March for post-16", () => {
    const year6 = byKey(statutoryDates(withDates({}, "Year 6"), "2026-10-01"));
    expect(year6["phase-transfer"]).toMatchObject({
      due: "2027-02-15",
      label: "Plan amended for the move to secondary school (Year 7)",
    });
    const year11 = byKey(statutoryDates(withDates({}, "Year 11"), "2027-01-10"));
    expect(year11["phase-transfer"]).toMatchObject({ due: "2027-03-31", status: "due" });
    expect(
      byKey(statutoryDates(withDates({}, "Year 4"), "2027-01-10"))["phase-transfer"],
    ).toBeUndefined();
  });
});
