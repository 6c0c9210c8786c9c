import type { Plan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { para, provision, view, wellWrittenPlan, withProvisionText } from "@ehcp/fixtures";
import { findingsOf } from "../../test/findingsOf.js";
import { plainText } from "../text/plainText.js";

const underlined = (plan: Plan, rule: string) =>
  findingsOf(plan, rule).map((f) => {
    const [section, list, index, field] = f.path.split(/[.[\]]+/).slice(1);
    const item = (plan.sections as never)[section!][list!][Number(index)] as Record<string, never>;
    const value = item[field!] as unknown;
    const text = typeof value === "string" ? value : plainText(value as never);
    return f.range ? text.slice(f.range.from, f.range.to) : null;
  });

describe("health-or-social-care-in-f", () => {
  it("finds a nurse's medication plan in F, naming the item, the child and the section it belongs in", () => {
    const plan = withProvisionText(
      "Mia's rescue medication is given as set out in her epilepsy care plan.",
    );
    plan.sections.F.provisions[0]!.deliveredBy = "The epilepsy specialist nurse";
    expect(underlined(plan, "health-or-social-care-in-f")).toEqual(["rescue medication"]);
    expect(findingsOf(plan, "health-or-social-care-in-f")[0]?.message).toMatch(
      /^F1 reads as health care provision \('rescue medication'\).*educates or trains Mia \(CFA s\.21\(5\)\), move it to G/,
    );
  });
  it("finds a social worker's short breaks in F, which belong in H", () => {
    const plan = withProvisionText("A short break of one day a month at the Oaks centre.");
    plan.sections.F.provisions[0]!.deliveredBy = "Mia's social worker";
    expect(underlined(plan, "health-or-social-care-in-f")).toEqual(["short break"]);
    expect(findingsOf(plan, "health-or-social-care-in-f")[0]?.message).toMatch(
      /move it to H1 or H2/,
    );
  });
  it("passes therapy in F, care that teaches the child, and a doctor named only as an adviser", () => {
    for (const text of [
      "Speech and language therapy: 3 sessions of 30 minutes a week on Colourful Semantics.",
      "The diabetes nurse teaches Mia to check her own blood glucose before lunch, each day.",
      "Balance games in the garden, chosen with the advice of the community paediatrician.",
      "Mia does not need medication in school.",
    ])
      expect(findingsOf(withProvisionText(text), "health-or-social-care-in-f"), text).toEqual([]);
  });
});

describe("outcome-not-linked-to-aspiration", () => {
  const withAspiration = (text: string) => {
    const plan = wellWrittenPlan();
    plan.sections.A.views.push(view(text, { voice: "parent", topic: "aspirations" }));
    return plan;
  };
  it("finds an aspiration no outcome works towards", () => {
    const plan = withAspiration("Her parents hope she will become a vet and work with animals.");
    const found = findingsOf(plan, "outcome-not-linked-to-aspiration");
    expect(found).toHaveLength(1);
    expect(found[0]?.target).toBe(plan.sections.A.views[1]!.id);
    expect(found[0]?.message).toMatch(/^A2 sets out the aspirations for Mia, but no outcome in E/);
  });
  it("passes an aspiration an outcome shares a word's root with", () => {
    expect(
      findingsOf(
        withAspiration("Her parents hope she will go to clubs at the weekends with friends."),
        "outcome-not-linked-to-aspiration",
      ),
    ).toEqual([]);
    // "Instructions" in the outcome, "instruction" in the hope.
    expect(
      findingsOf(
        withAspiration("We would like Mia to follow an instruction the first time."),
        "outcome-not-linked-to-aspiration",
      ),
    ).toEqual([]);
  });
});

describe("provision-session-length-missing", () => {
  const inG = (text: string) => {
    const plan = wellWrittenPlan();
    const g = plan.sections.G.provisions[0]!;
    g.what = para(text);
    g.frequency = null;
    g.hoursPerWeek = null;
    return plan;
  };
  it("finds health provision that says how often but not for how long", () => {
    const plan = inG("Physiotherapy for Mia's core strength, twice a month, at home.");
    expect(underlined(plan, "provision-session-length-missing")).toEqual(["twice a month"]);
    expect(findingsOf(plan, "provision-session-length-missing")[0]?.message).toMatch(
      /^G1 says how often Mia gets it \('twice a month'\) but not for how long/,
    );
  });
  it("passes a length given in words or in the fields, and a session named by its length", () => {
    expect(
      findingsOf(
        inG("Physiotherapy, 45 minutes twice a month."),
        "provision-session-length-missing",
      ),
    ).toEqual([]);
    expect(
      findingsOf(
        inG("A nurse checks Mia's glucose every lunchtime."),
        "provision-session-length-missing",
      ),
    ).toEqual([]);
    expect(findingsOf(wellWrittenPlan(), "provision-session-length-missing")).toEqual([]);
  });
});

describe("social-care-section-confused", () => {
  const withH = (key: "H1" | "H2", text: string, dob = "2019-05-01") => {
    const plan = wellWrittenPlan();
    plan.meta.child.dateOfBirth = dob;
    plan.sections[key].provisions.push(
      provision(text, [plan.sections.E.outcomes[2]!.id], {
        deliveredBy: "Westmere Disabled Children's Service",
        expertise: "Registered social care workers",
      }),
    );
    return plan;
  };
  it("finds s.2 CSDPA provision for a child put in H2", () => {
    const plan = withH("H2", "Adaptations to the home: a level-access shower and a stair lift.");
    expect(underlined(plan, "social-care-section-confused")).toEqual(["Adaptations to the home"]);
    expect(findingsOf(plan, "social-care-section-confused")[0]?.message).toMatch(
      /^H2\.2 is in H2, but 'Adaptations to the home' is provision for a disabled child under section 2 .* belongs in H1/,
    );
  });
  it("finds residential short breaks in H1, and H1 for a young person of 18", () => {
    expect(
      underlined(
        withH("H1", "Residential short breaks: two nights a month at Oak House."),
        "social-care-section-confused",
      ),
    ).toEqual(["Residential short breaks"]);
    const adult = withH("H1", "Practical help in the home with cooking.", "2007-03-01");
    expect(findingsOf(adult, "social-care-section-confused")[0]?.message).toMatch(
      /^H1\.1 is in H1, but Mia is 19: .*Care Act 2014\) in H2/,
    );
  });
  it("passes s.2 provision in H1 for a child, and the well-written plan's short breaks in H2", () => {
    expect(
      findingsOf(
        withH("H1", "Practical help in the home each evening."),
        "social-care-section-confused",
      ),
    ).toEqual([]);
    expect(findingsOf(wellWrittenPlan(), "social-care-section-confused")).toEqual([]);
  });
});
