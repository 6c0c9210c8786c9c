import type { Plan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { para, view, wellWrittenPlan, withProvisionText } from "@ehcp/fixtures";
import { findingsOf } from "../../test/findingsOf.js";
import { plainText } from "../text/plainText.js";

const underlined = (plan: Plan, rule: string) =>
  findingsOf(plan, rule).map((f) => {
    const [section, list, index, field] = f.path.split(/[.[\]]+/).slice(1);
    const item = (plan.sections as never)[section!][list!][Number(index)] as Record<string, never>;
    const value = item[field!] as unknown;
    const text = typeof value === "string" ? value : plainText(value as never);
    return text.slice(f.range!.from, f.range!.to);
  });

describe("school-named-in-draft", () => {
  it("finds a school's name in F of a draft, with its exact words", () => {
    const plan = withProvisionText(
      "Phonics in a group of three at Hollins Park Primary School, every morning.",
    );
    expect(underlined(plan, "school-named-in-draft")).toEqual(["Hollins Park Primary School"]);
    expect(findingsOf(plan, "school-named-in-draft")[0]?.message).toMatch(
      /^F1 names 'Hollins Park Primary School', but this is a draft.*wherever Mia goes/,
    );
  });
  it("passes the kind of school, Forest School, and a final plan", () => {
    expect(
      findingsOf(
        withProvisionText("Forest School sessions and a mainstream primary school day."),
        "school-named-in-draft",
      ),
    ).toEqual([]);
    const final = withProvisionText("Phonics at St Mary's Academy.");
    expect(findingsOf(final, "school-named-in-draft")).toHaveLength(1);
    final.meta.status = "final";
    expect(findingsOf(final, "school-named-in-draft")).toEqual([]);
  });
});

describe("specialist-advice-missing", () => {
  const deaf = (description: string) => {
    const plan = wellWrittenPlan();
    plan.sections.B.needs[0]!.description = para(description);
    return plan;
  };
  it("wants a teacher of the deaf's advice for a deaf child", () => {
    const plan = deaf("Mia has a moderate hearing loss and wears hearing aids in both ears.");
    expect(underlined(plan, "specialist-advice-missing")).toEqual(["hearing loss"]);
    expect(findingsOf(plan, "specialist-advice-missing")[0]?.message).toMatch(
      /^B1 describes a hearing impairment \('hearing loss'\), but section K lists no advice from a qualified teacher of the deaf/,
    );
    plan.sections.K.advice[1]!.from.role = "Qualified Teacher of the Deaf";
    expect(findingsOf(plan, "specialist-advice-missing")).toEqual([]);
  });
  it("wants a QTVI for a vision impairment, and nothing where hearing is ruled out", () => {
    expect(
      underlined(deaf("Mia has cortical visual impairment."), "specialist-advice-missing"),
    ).toEqual(["cortical visual impairment"]);
    expect(
      findingsOf(
        deaf("Her hearing was tested in May: no hearing loss."),
        "specialist-advice-missing",
      ),
    ).toEqual([]);
  });
});

describe("need-is-diagnosis", () => {
  const need = (description: string) => {
    const plan = wellWrittenPlan();
    plan.sections.B.needs[0]!.description = para(description);
    return plan;
  };
  it("finds a need written only as a diagnosis, and says what to describe for its area", () => {
    const plan = need("Mia has a diagnosis of autism spectrum disorder.");
    expect(underlined(plan, "need-is-diagnosis")).toEqual(["autism spectrum disorder"]);
    expect(findingsOf(plan, "need-is-diagnosis")[0]?.message).toMatch(
      /^B1 gives only a diagnosis \('autism spectrum disorder'\)\. Describe Mia's needs as they show: how Mia understands what others say, how Mia makes her needs known/,
    );
    expect(findingsOf(need("ADHD."), "need-is-diagnosis")).toHaveLength(1);
  });
  it("passes a diagnosis with what the child finds hard", () => {
    expect(
      findingsOf(
        need("Mia has autism; she loses instructions of more than two steps."),
        "need-is-diagnosis",
      ),
    ).toEqual([]);
    expect(findingsOf(wellWrittenPlan(), "need-is-diagnosis")).toEqual([]);
  });
});

describe("view-in-third-person", () => {
  it("finds the child's view written about her", () => {
    const plan = wellWrittenPlan();
    plan.sections.A.views = [view("Mia likes horses and wants to ride a pony.")];
    expect(underlined(plan, "view-in-third-person")).toEqual(["Mia"]);
    expect(findingsOf(plan, "view-in-third-person")[0]?.message).toMatch(
      /^A1 is Mia's own view but is written about Mia \('Mia'\)/,
    );
  });
  it("passes the child's own words and a parent's view about her", () => {
    const plan = wellWrittenPlan();
    plan.sections.A.views = [
      view("I like horses. My sister Ella likes them too, and she rides."),
      view("Mia loves horses.", { voice: "parent" }),
    ];
    expect(findingsOf(plan, "view-in-third-person")).toEqual([]);
  });
});

describe("frequency-contradicts-field", () => {
  it("finds a count in the words that the frequency field contradicts", () => {
    // The well-written provision's field says 3 × 20 minutes a week.
    const plan = withProvisionText("Colourful Semantics with the TA, twice a week.");
    expect(underlined(plan, "frequency-contradicts-field")).toEqual(["twice a week"]);
    expect(findingsOf(plan, "frequency-contradicts-field")[0]?.message).toMatch(
      /^F1 says 'twice a week' but its frequency is 3 × 20 minutes a week\..*what Mia will get/,
    );
    expect(
      underlined(
        withProvisionText("Sessions of 30 minutes with the TA."),
        "frequency-contradicts-field",
      ),
    ).toEqual(["Sessions of 30 minutes"]);
  });
  it("passes words that agree, and how often something else happens", () => {
    for (const words of [
      "Colourful Semantics with the TA, three times a week.",
      "Colourful Semantics in 20-minute sessions.",
      "Colourful Semantics; progress shared with her parents each half-term.",
      "Once a day, three days a week, the TA runs it.",
      // Times of day are not counts.
      "Colourful Semantics with the TA, who meets her at 08:30 each day.",
      "Colourful Semantics with the TA at 8.30am every day.",
      "Colourful Semantics with the TA, 3:15pm each day.",
      "Colourful Semantics with the TA from 09:00–09:30 each day.",
      "Colourful Semantics with the TA at 9 every day.",
    ])
      expect(findingsOf(withProvisionText(words), "frequency-contradicts-field"), words).toEqual(
        [],
      );
  });
});

describe("personal-budget-no-detail", () => {
  it("finds a requested budget with no parts, or a part with no amount or outcomes", () => {
    const plan = wellWrittenPlan();
    plan.sections.J.requested = true;
    expect(findingsOf(plan, "personal-budget-no-detail")[0]?.message).toMatch(
      /^Section J says a personal budget was requested but lists no part of Mia's provision/,
    );
    const h2 = plan.sections.H2.provisions[0]!;
    plan.sections.J.items = [
      { provisionId: h2.id, amountGBP: null, arrangement: "direct-payment", outcomesMet: [] },
    ];
    expect(findingsOf(plan, "personal-budget-no-detail")[0]?.message).toMatch(
      /^Section J's budget for H2\.1 does not give the amount or the outcomes it is to meet/,
    );
    plan.sections.J.items = [
      {
        provisionId: h2.id,
        amountGBP: 2400,
        arrangement: "direct-payment",
        outcomesMet: para("E3: a weekend club of her choice every week."),
      },
    ];
    expect(findingsOf(plan, "personal-budget-no-detail")).toEqual([]);
  });
});

describe("wrong-pronouns", () => {
  it("finds 'his' said of a girl, at the word", () => {
    const plan = withProvisionText("Mia practises his sounds with the TA.");
    expect(underlined(plan, "wrong-pronouns")).toEqual(["his"]);
    for (const words of [
      "When Mia arrives, his timetable is on the desk.",
      "Each day Mia reads his book.",
    ])
      expect(underlined(withProvisionText(words), "wrong-pronouns"), words).toEqual(["his"]);
    expect(findingsOf(plan, "wrong-pronouns")[0]?.message).toMatch(
      /^F1 says 'his' of Mia, whose pronouns in this plan are she\/her/,
    );
  });
  it("passes a pronoun that may be someone else's", () => {
    for (const words of [
      "Mia reads with Mr Ahmed and he writes down her words.",
      "Mia and her brother practise; he reads first.",
      "The TA reads with Mia. He keeps a log.",
      "Ewa would like Mia to live in supported housing near him, cooking for herself.",
      "Grandad hopes Mia will visit his allotment.",
    ])
      expect(findingsOf(withProvisionText(words), "wrong-pronouns"), words).toEqual([]);
  });
});
