import type { Plan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { findingsOf } from "../../test/findingsOf.js";
import { para, wellWrittenPlan } from "@ehcp/fixtures";

describe("placement", () => {
  it("refuses a named school or a type of setting in a draft", () => {
    const plan = wellWrittenPlan();
    plan.sections.I.placement = { institutionName: null, institutionType: "special" };
    expect(findingsOf(plan, "placement-in-draft")[0]?.message).toMatch(
      /^Section I names a special setting, but this draft has not been issued/,
    );
  });
  it("lets the school be named once the draft has been issued, as the final plan is made", () => {
    const plan = wellWrittenPlan();
    plan.meta.dates.draftIssued = "2026-10-01";
    plan.sections.I.placement = {
      institutionName: "Hollins Park Primary School",
      institutionType: "mainstream",
    };
    expect(findingsOf(plan, "placement-in-draft")).toEqual([]);
    plan.meta.dates.draftIssued = null;
    expect(findingsOf(plan, "placement-in-draft")).toHaveLength(1);
  });
  it("wants a placement in a final plan, and none in a draft", () => {
    const plan = wellWrittenPlan();
    plan.meta.status = "final";
    expect(findingsOf(plan, "placement-missing-in-final")).toHaveLength(1);
    plan.sections.I.placement = {
      institutionName: "Hollins Park Primary School",
      institutionType: "mainstream",
    };
    expect(findingsOf(plan, "placement-missing-in-final")).toEqual([]);
    expect(findingsOf(plan, "placement-in-draft")).toEqual([]);
  });
});

describe("pfa-outcomes-missing", () => {
  const teen = (yearGroup: string, dateOfBirth = "2012-01-01") => {
    const plan = wellWrittenPlan();
    plan.meta.child.yearGroup = yearGroup;
    plan.meta.child.dateOfBirth = dateOfBirth;
    for (const o of plan.sections.E.outcomes) o.pfa = null;
    return plan;
  };
  it("fires from Year 9", () => {
    expect(findingsOf(teen("Year 9"), "pfa-outcomes-missing")).toHaveLength(1);
    expect(findingsOf(teen("Y11"), "pfa-outcomes-missing")).toHaveLength(1);
    expect(findingsOf(teen("Post-16 college", "2009-01-01"), "pfa-outcomes-missing")).toHaveLength(
      1,
    );
    expect(findingsOf(teen("Year 8", "2013-06-01"), "pfa-outcomes-missing")).toEqual([]);
  });
  it("fires from age 14 on the date passed in, whatever the year group says", () => {
    const plan = teen("Year 8", "2012-11-23");
    expect(findingsOf(plan, "pfa-outcomes-missing", { today: "2026-11-22" })).toEqual([]);
    expect(findingsOf(plan, "pfa-outcomes-missing", { today: "2026-11-23" })[0]?.message).toMatch(
      /^Mia is 14 years old/,
    );
  });
  it("is met by one outcome marked as preparing for adulthood", () => {
    const plan = teen("Year 10");
    plan.sections.E.outcomes[0]!.pfa = "employment";
    expect(findingsOf(plan, "pfa-outcomes-missing")).toEqual([]);
  });
  it("takes the council's year and age", () => {
    expect(
      findingsOf(teen("Year 8", "2013-06-01"), "pfa-outcomes-missing", { pfaFromYear: 8 }),
    ).toHaveLength(1);
  });
});

describe("advice", () => {
  it("fires no-advice on an empty section K", () => {
    const plan = wellWrittenPlan();
    plan.sections.K.advice = [];
    expect(findingsOf(plan, "no-advice")).toMatchObject([{ target: "K", severity: "error" }]);
    expect(findingsOf(plan, "missing-advice")).toEqual([]);
  });
  it("names each kind of advice that is missing", () => {
    const plan = wellWrittenPlan();
    plan.sections.K.advice = plan.sections.K.advice.filter(
      (a) => a.agency === "education" && !/psycholog/i.test(a.from.role),
    );
    expect(findingsOf(plan, "missing-advice")[0]?.message).toBe(
      "Section K has no advice from the parent or young person, health (medical), an educational psychologist and social care. The assessment must seek advice from each of these (reg 6(1)); list it, or say why it was not needed.",
    );
  });
  it("names the nursery's own advice as missing when only an educational psychologist's is listed", () => {
    const plan = wellWrittenPlan();
    plan.meta.child.yearGroup = "Nursery";
    plan.sections.K.advice = plan.sections.K.advice.filter(
      (a) => a.agency !== "education" || /psycholog/i.test(a.from.role),
    );
    expect(findingsOf(plan, "missing-advice")[0]?.message).toBe(
      "Section K has no advice from the nursery's own staff (the educational psychologist's is not the nursery's). The assessment must seek advice from each of these (reg 6(1)); list it, or say why it was not needed.",
    );
    plan.meta.child.yearGroup = "Year 3";
    plan.sections.K.advice = plan.sections.K.advice.filter((a) => a.agency !== "education");
    expect(findingsOf(plan, "missing-advice")[0]?.message).toMatch(
      /^Section K has no advice from the school's own staff and an educational psychologist\./,
    );
  });
});

describe("personal-budget-not-explained", () => {
  const budget = (requested: boolean, notes: string) => {
    const plan: Plan = wellWrittenPlan();
    plan.sections.J = { requested, items: [], notes: para(notes) };
    return findingsOf(plan, "personal-budget-not-explained").length;
  };
  it("fires when no budget was requested and nothing says one was offered", () => {
    expect(budget(false, "")).toBe(1);
    expect(budget(false, "None.")).toBe(1);
  });
  it("is satisfied by a note of the offer, or a request", () => {
    expect(
      budget(
        false,
        "Personal budgets were explained at the meeting on 3 May; the family decided against one.",
      ),
    ).toBe(0);
    expect(budget(true, "")).toBe(0);
  });
});

describe("therapy-in-health-section", () => {
  const inG = (what: string, deliveredBy = "Community health team") => {
    const plan = wellWrittenPlan();
    plan.sections.G.provisions[0]!.what = para(what);
    plan.sections.G.provisions[0]!.deliveredBy = deliveredBy;
    return findingsOf(plan, "therapy-in-health-section");
  };
  it.each([
    "Speech and language therapy to build Mia's vocabulary.",
    "SALT input on social communication.",
    "Occupational therapy for handwriting.",
    "A physiotherapy programme for balance in PE.",
    "Weekly OT sessions for fine motor skills.",
  ])("fires on %j", (what) => {
    expect(inG(what)).toHaveLength(1);
  });
  it("fires when the therapist is named only as who delivers it", () => {
    expect(inG("A programme of exercises for Mia's balance.", "Physiotherapist")[0]?.path).toBe(
      "sections.G.provisions[0].deliveredBy",
    );
  });
  it.each([
    "A sleep programme with a bedtime routine plan for home.",
    "A speech and language therapist reviews Mia's swallowing each term.",
    "Occupational therapy assessment for a wheelchair and seating.",
  ])("does not fire on health provision: %j", (what) => {
    expect(inG(what)).toEqual([]);
  });
});

describe("outcome-framework-unknown", () => {
  it("checks an outcome's framework statement against the council's framework, when it has one", () => {
    const plan = wellWrittenPlan();
    plan.sections.E.outcomes[0]!.frameworkRef = "I can communicate and be understood";
    expect(findingsOf(plan, "outcome-framework-unknown")).toEqual([]);
    expect(
      findingsOf(plan, "outcome-framework-unknown", {
        outcomesFramework: ["I can communicate  and be understood"],
      }),
    ).toEqual([]);
    expect(
      findingsOf(plan, "outcome-framework-unknown", { outcomesFramework: ["I have friends"] }),
    ).toHaveLength(1);
  });
});

describe("statutory-section-empty", () => {
  it("finds nothing in a plan that sets out needs, outcomes and provision", () => {
    expect(findingsOf(wellWrittenPlan(), "statutory-section-empty")).toEqual([]);
  });
  it("blocks a plan with no needs in B, no outcomes in E or no provision in F, naming each section", () => {
    const plan = wellWrittenPlan();
    plan.sections.B.needs = [];
    plan.sections.E.outcomes = [];
    plan.sections.F.provisions = [];
    const found = findingsOf(plan, "statutory-section-empty");
    expect(found.map((f) => [f.section, f.severity, f.path])).toEqual([
      ["B", "error", "sections.B.needs"],
      ["E", "error", "sections.E.outcomes"],
      ["F", "error", "sections.F.provisions"],
    ]);
    expect(found[0]?.message).toMatch(
      /^Section B is empty\. A plan must set out the child's special/,
    );
  });
});
