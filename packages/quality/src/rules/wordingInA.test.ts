import { describe, expect, it } from "vitest";
import { findingsOf } from "../../test/findingsOf.js";
import { para, view, wellWrittenPlan, withProvisionText } from "@ehcp/fixtures";

describe("jargon", () => {
  it("finds an unexplained acronym in each item that uses it", () => {
    const plan = withProvisionText(
      "Support from the SALT to work on ASD-related social communication.",
    );
    plan.sections.B.needs[0]!.description = para("Mia has a diagnosis of ASD.");
    const findings = findingsOf(plan, "jargon");
    expect(findings.map((f) => [f.target, f.message.match(/uses '([^']*)'/)?.[1]])).toEqual([
      [plan.sections.B.needs[0]!.id, "ASD"],
      [plan.sections.F.provisions[0]!.id, "SALT"],
      [plan.sections.F.provisions[0]!.id, "ASD"],
    ]);
    expect(findings[0]?.message).toBe(
      `B1 uses 'ASD'. Say it in plain words, or explain it once in the plan, e.g. "autism spectrum disorder (ASD)".`,
    );
  });

  it("counts a term explained once anywhere in the plan as explained everywhere", () => {
    for (const explained of [
      "Mia has autism spectrum disorder (ASD).",
      "Mia has ASD (autism spectrum disorder).",
      "ASD means autism spectrum disorder.",
    ]) {
      const plan = withProvisionText("Visual supports for Mia's ASD, as her therapist advised.");
      plan.sections.B.needs[0]!.description = para(explained);
      expect(findingsOf(plan, "jargon"), explained).toEqual([]);
    }
  });

  it("matches acronyms in capitals only, and technical words in any case", () => {
    expect(
      findingsOf(withProvisionText("Mia says ta to the adult who helps her."), "jargon"),
    ).toEqual([]);
    expect(
      findingsOf(
        withProvisionText("When Mia is Dysregulated she goes to the calm room."),
        "jargon",
      ),
    ).toHaveLength(1);
    expect(findingsOf(withProvisionText("Training from the SENCo."), "jargon")).toHaveLength(1);
  });

  it("never corrects a person's own quoted words", () => {
    const plan = wellWrittenPlan();
    plan.sections.A.views = [
      view("I have ADHD and I like football."),
      view('Mia\'s mum said: "the CAMHS appointment helped."', {
        voice: "parent",
        directQuote: false,
      }),
    ];
    expect(findingsOf(plan, "jargon")).toEqual([]);
  });

  it("uses a council's glossary", () => {
    const plan = withProvisionText("Support from the ISEND team.");
    const [unknown] = findingsOf(plan, "jargon");
    expect(unknown?.message).toBe(
      `F1 uses 'ISEND', which the plan does not explain. Say it in plain words, or write once what it stands for in brackets after it: "ISEND (…)".`,
    );
    expect(
      findingsOf(plan, "jargon", { glossary: { add: { ISEND: "inclusion and SEND team" } } }).map(
        (f) => f.message,
      ),
    ).toEqual([
      `F1 uses 'ISEND'. Say it in plain words, or explain it once in the plan, e.g. "inclusion and SEND team (ISEND)".`,
    ]);
    expect(findingsOf(plan, "jargon", { glossary: { allow: ["ISEND"] } })).toEqual([]);
    // A council's own glossary in place of the defaults is the whole of what it calls jargon.
    expect(
      findingsOf(plan, "jargon", { glossary: { replace: { EP: "an educational psychologist" } } }),
    ).toEqual([]);
    expect(
      findingsOf(withProvisionText("Advice from the EP."), "jargon", {
        glossary: { allow: ["EP"] },
      }),
    ).toEqual([]);
  });

  it("finds an acronym the glossary does not know, where it stands, until the plan explains it", () => {
    const text = "Weekly ELKLAN-trained support, with the KS2 team's visual timetables.";
    const plan = withProvisionText(text);
    expect(
      findingsOf(plan, "jargon").map((f) => [f.range, f.message.match(/uses '([^']*)'/)?.[1]]),
    ).toEqual([
      [{ from: text.indexOf("ELKLAN"), to: text.indexOf("ELKLAN") + 6 }, "ELKLAN"],
      [{ from: text.indexOf("KS2"), to: text.indexOf("KS2") + 3 }, "KS2"],
    ]);
    plan.sections.B.needs[0]!.description = para(
      "Staff trained in ELKLAN (a course in supporting language) and in Key Stage 2 (KS2) teaching.",
    );
    expect(findingsOf(plan, "jargon")).toEqual([]);
  });

  it("leaves abbreviations families read as words, numerals, names and capitals alone", () => {
    for (const text of [
      "Her GP and the NHS dentist see her each term; PE kit stays in school; a DBS-checked driver.",
      "Part II of the report, and the GCSEs she takes in Year 11.",
      "Noah ADEYEMI travels with his own carer.",
      "PLEASE NOTE THAT HE TRAVELS WITH HIS OWN CARER EVERY DAY.",
      "She says ‘the ZX club is fun’ and wants to go each week.",
    ]) {
      const plan = withProvisionText(text);
      plan.meta.child.fullName = "Noah Adeyemi";
      expect(findingsOf(plan, "jargon"), text).toEqual([]);
    }
  });
});

describe("bland-description", () => {
  it("finds empty praise and deficit wording in section A", () => {
    const plan = wellWrittenPlan();
    const text =
      "Mia is a pleasant girl with a lovely smile. She is not disruptive and her work is average.";
    plan.sections.A.views = [view(text, { voice: "professional", directQuote: false })];
    const at = (phrase: string) => ({
      from: text.indexOf(phrase),
      to: text.indexOf(phrase) + phrase.length,
    });
    expect(findingsOf(plan, "bland-description").map((f) => f.range)).toEqual([
      at("pleasant"),
      at("lovely smile"),
      at("not disruptive"),
      at("average"),
    ]);
  });
  it("leaves specific description, other sections and the child's own words alone", () => {
    const plan = wellWrittenPlan();
    plan.sections.A.views = [
      view("Mia loves drawing horses and can name every breed in her pony book.", {
        voice: "parent",
        directQuote: false,
      }),
      view("I am a pleasant person and I have a lovely smile."),
    ];
    plan.sections.B.needs[0]!.description = para("Her attainment in maths is average for her age.");
    expect(findingsOf(plan, "bland-description")).toEqual([]);
  });
});

describe("no-child-voice", () => {
  it("fires when no view is in the child's or young person's voice", () => {
    const plan = wellWrittenPlan();
    plan.sections.A.views = [view("Mia loves horses.", { voice: "parent", directQuote: false })];
    expect(findingsOf(plan, "no-child-voice")).toMatchObject([{ target: "A", section: "A" }]);
    plan.sections.A.views.push(view("I like riding.", { voice: "young-person" }));
    expect(findingsOf(plan, "no-child-voice")).toEqual([]);
  });
});

describe("long-history", () => {
  it("fires when A's history passes 500 words", () => {
    const plan = wellWrittenPlan();
    const history = (n: number) =>
      view(Array.from({ length: n }, (_, i) => `word${i}`).join(" "), {
        voice: "professional",
        topic: "history",
        directQuote: false,
      });
    plan.sections.A.views = [view("I like horses."), history(500)];
    expect(findingsOf(plan, "long-history")).toEqual([]);
    plan.sections.A.views.push(history(1));
    expect(findingsOf(plan, "long-history")[0]?.message).toMatch(/runs to 501 words/);
  });
});
