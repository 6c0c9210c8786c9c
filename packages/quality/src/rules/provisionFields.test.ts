import { describe, expect, it } from "vitest";
import { findingsOf } from "../../test/findingsOf.js";
import { para, wellWrittenPlan } from "@ehcp/fixtures";

const planWithF1 = (
  change: (p: ReturnType<typeof wellWrittenPlan>["sections"]["F"]["provisions"][number]) => void,
) => {
  const plan = wellWrittenPlan();
  change(plan.sections.F.provisions[0]!);
  return plan;
};

describe("provision-not-quantified", () => {
  it("fires on provision in F with no frequency and no hours", () => {
    const plan = planWithF1((p) => (p.frequency = null));
    expect(findingsOf(plan, "provision-not-quantified")).toMatchObject([
      { target: plan.sections.F.provisions[0]!.id, path: "sections.F.provisions[0].frequency" },
    ]);
  });
  it("is satisfied by hours a week, or by how often and how long in words", () => {
    expect(
      findingsOf(
        planWithF1((p) => ((p.frequency = null), (p.hoursPerWeek = 5))),
        "provision-not-quantified",
      ),
    ).toEqual([]);
    const inWords = planWithF1((p) => {
      p.frequency = null;
      p.what = para(
        "Colourful Semantics for 20 minutes three times a week, to build Mia's sentences.",
      );
    });
    expect(findingsOf(inWords, "provision-not-quantified")).toEqual([]);
  });
  it("leaves G and H to their own professions' practice", () => {
    const plan = wellWrittenPlan();
    plan.sections.G.provisions[0]!.frequency = null;
    expect(findingsOf(plan, "provision-not-quantified")).toEqual([]);
  });
});

describe("provision-hours-only", () => {
  it("fires on hours with nothing said of what is done or why", () => {
    for (const what of [
      "25 hours of 1:1 support.",
      "15 hours a week of TA support in class.",
      "20 hours of 1:1 support to access the curriculum.",
    ]) {
      const plan = planWithF1(
        (p) => ((p.frequency = null), (p.hoursPerWeek = 20), (p.what = para(what))),
      );
      expect(findingsOf(plan, "provision-hours-only"), what).toHaveLength(1);
    }
  });
  it("does not fire when the description says what is done and to what end", () => {
    const plan = planWithF1((p) => {
      p.frequency = null;
      p.hoursPerWeek = 15;
      p.what = para(
        "A teaching assistant pre-teaches the key words of each lesson and breaks tasks into steps, so that Mia can follow whole-class teaching.",
      );
    });
    expect(findingsOf(plan, "provision-hours-only")).toEqual([]);
  });
});

describe("provision-missing-who, provision-missing-expertise, provision-ratio-missing", () => {
  it("fire on empty and placeholder answers", () => {
    for (const who of ["", "  ", "TBC", "n/a"]) {
      const plan = planWithF1(
        (p) => ((p.deliveredBy = who), (p.expertise = who), (p.ratio = who === "" ? null : who)),
      );
      expect(findingsOf(plan, "provision-missing-who"), who).toHaveLength(1);
      expect(findingsOf(plan, "provision-missing-expertise"), who).toHaveLength(1);
      expect(findingsOf(plan, "provision-ratio-missing"), who).toHaveLength(1);
    }
  });
  it("check who in G and H too, but a ratio only in F", () => {
    const plan = wellWrittenPlan();
    plan.sections.H2.provisions[0]!.deliveredBy = "";
    plan.sections.H2.provisions[0]!.ratio = null;
    expect(findingsOf(plan, "provision-missing-who").map((f) => f.message)).toEqual([
      'H2.1 does not say who delivers it. Name the role, e.g. "teaching assistant" or "speech and language therapist".',
    ]);
    expect(findingsOf(plan, "provision-ratio-missing")).toEqual([]);
  });
});

describe("provision-hours-only, judged by whether the words name an activity", () => {
  const hoursOnly = (what: string, hours: number) =>
    findingsOf(
      planWithF1((p) => ((p.frequency = null), (p.hoursPerWeek = hours), (p.what = para(what)))),
      "provision-hours-only",
    ).length > 0;

  it("does not flag a named activity however short", () => {
    expect(hoursOnly("Precision Teaching for phonics.", 2)).toBe(false);
    expect(hoursOnly("Tube feeding at lunchtime by a trained teaching assistant.", 3)).toBe(false);
  });

  it("flags hours of support whatever little words come with them", () => {
    expect(hoursOnly("Up to 15 hours of teaching assistant support.", 15)).toBe(true);
    expect(hoursOnly("20 hours of support to help Ava with her learning.", 20)).toBe(true);
    expect(hoursOnly("25 hours of support, to include break and lunchtimes.", 25)).toBe(true);
  });
});

describe("placeholders and nought hours", () => {
  it("does not take a placeholder for who or for expertise", () => {
    for (const placeholder of ["To be confirmed", "staff", "School staff", "An adult"]) {
      const plan = planWithF1((p) => (p.deliveredBy = placeholder));
      expect(findingsOf(plan, "provision-missing-who")[0]?.message, placeholder).toContain(
        `says '${placeholder}'`,
      );
    }
    for (const placeholder of ["Appropriately trained", "Experienced", "Enhanced DBS check"]) {
      const plan = planWithF1((p) => (p.expertise = placeholder));
      expect(findingsOf(plan, "provision-missing-expertise"), placeholder).toHaveLength(1);
    }
    const named = planWithF1(
      (p) => (p.expertise = "Enhanced DBS check; autism awareness training"),
    );
    expect(findingsOf(named, "provision-missing-expertise")).toEqual([]);
  });

  it("does not take nought hours as a quantity", () => {
    const plan = planWithF1((p) => ((p.frequency = null), (p.hoursPerWeek = 0)));
    expect(findingsOf(plan, "provision-not-quantified")).toMatchObject([
      { path: "sections.F.provisions[0].hoursPerWeek" },
    ]);
    const noSessions = planWithF1(
      (p) => ((p.frequency = { sessions: 0, per: "week", minutes: 30 }), (p.hoursPerWeek = null)),
    );
    expect(findingsOf(noSessions, "provision-not-quantified")).toMatchObject([
      {
        path: "sections.F.provisions[0].frequency",
        message: expect.stringContaining("0 sessions"),
      },
    ]);
  });

  it("takes a thing given where it holds as quantified, and a qualification by its title as expertise", () => {
    const seat = planWithF1((p) => {
      p.frequency = null;
      p.what = para("A fixed seat at the front, facing the board, in every lesson.");
    });
    expect(findingsOf(seat, "provision-not-quantified")).toEqual([]);
    for (const expertise of [
      "Mandatory qualification for teachers of the deaf",
      "MSc in habilitation",
      "Advised by the teacher of the visually impaired",
    ]) {
      const plan = planWithF1((p) => (p.expertise = expertise));
      expect(findingsOf(plan, "provision-missing-expertise"), expertise).toEqual([]);
    }
    for (const expertise of ["Has a degree", "Qualified teacher"]) {
      const plan = planWithF1((p) => (p.expertise = expertise));
      expect(findingsOf(plan, "provision-missing-expertise"), expertise).toHaveLength(1);
    }
  });
});
