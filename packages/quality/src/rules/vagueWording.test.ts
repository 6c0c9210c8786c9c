import { describe, expect, it } from "vitest";
import { findingsOf } from "../../test/findingsOf.js";
import { para, wellWrittenPlan, withOutcomeText, withProvisionText } from "@ehcp/fixtures";

const vague = (what: string, field?: "what" | "deliveredBy" | "expertise") =>
  findingsOf(withProvisionText(what, field), "vague-wording").map(
    (f) => f.message.match(/says '([^']*)'/)?.[1],
  );

describe("vague-wording", () => {
  it.each([
    ["Access to a laptop for written work.", "Access to"],
    ["Regular sessions with a teaching assistant to practise reading.", "Regular"],
    ["Reading practice, regularly.", "regularly"],
    ["Movement breaks as required.", "as required"],
    ["A writing slope as appropriate.", "as appropriate"],
    ["Visual prompts when needed.", "when needed"],
    ["In-class support where possible.", "where possible"],
    ["Up to 3 hours of literacy support a week.", "Up to 3"],
    ["Up to three sessions of phonics a week.", "Up to three"],
    ["Speech and language therapy or equivalent.", "or equivalent"],
    ["Mia would benefit from a quiet space.", "would benefit from"],
    ["Mia may benefit from sensory circuits.", "may benefit"],
    ["Mia should have a visual timetable.", "should have"],
    ["Sensory tools such as fidget toys.", "such as"],
    ["Sensory tools, e.g. ear defenders.", "e.g."],
    ["Ear defenders, a wobble cushion, etc.", "etc."],
    ["Daily check-in with a key adult.", "key adult"],
    ["Support as necessary at break times.", "Support as necessary"],
    ["Opportunities to practise turn-taking.", "Opportunities to"],
    ["Phonics sessions of 20-45 minutes each day.", "20-45 minutes"],
    ["Phonics 2 to 3 sessions a week.", "2 to 3 sessions"],
  ])("finds the doubt in %j", (what, phrase) => {
    expect(vague(what)).toContain(phrase);
  });

  it.each([
    "A support worker takes Mia to a weekend club of her choice.",
    "Mia's targets are regularly reviewed by the therapist each term.",
    "Regular practice every day of the words from her therapy programme.",
    "Keep the visual timetable up to date before every change of activity.",
    "Exam access arrangements: a reader and 25% extra time in every test.",
    "A teaching assistant trained by the speech and language therapist reads with Mia.",
    "Mia does not need access to a laptop; she writes with a slope.",
    "Three sessions of 20 minutes a week of Colourful Semantics, one to one.",
    "A language programme in which the adult gives the key words first.",
  ])("finds no doubt in the specific %j", (what) => {
    expect(vague(what)).toEqual([]);
  });

  it("checks who delivers the provision and their expertise too", () => {
    expect(vague("Key adult", "deliveredBy")).toEqual(["Key adult"]);
    expect(vague("Level 3 or equivalent", "expertise")).toEqual(["or equivalent"]);
  });

  it("gives the range of the words within the field, for the editor to underline", () => {
    const plan = withProvisionText("Phonics with a teacher, as required, in a small group.");
    const [finding] = findingsOf(plan, "vague-wording");
    expect(finding).toMatchObject({
      target: plan.sections.F.provisions[0]!.id,
      path: "sections.F.provisions[0].what",
      range: { from: 24, to: 35 },
    });
    expect(finding?.message).toBe(
      "F1 says 'as required' — say how often and for how long, e.g. 3 × 20 minutes a week; provision cannot wait on someone deciding later.",
    );
  });

  it("counts ranges in rich text as the editor's text of the field, blocks separated by a line break", () => {
    const plan = wellWrittenPlan();
    plan.sections.F.provisions[0]!.what = [
      { type: "paragraph", content: [{ type: "text", text: "Phonics." }] },
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              { type: "paragraph", content: [{ type: "text", text: "Reading, as needed." }] },
            ],
          },
        ],
      },
    ];
    expect(findingsOf(plan, "vague-wording")[0]?.range).toEqual({ from: 18, to: 27 });
  });

  it("checks outcomes and their steps, but not needs or views", () => {
    expect(
      findingsOf(
        withOutcomeText("By July 2027 Mia will read with a key adult in 4 of 5 lessons."),
        "vague-wording",
      ),
    ).toHaveLength(1);
    const plan = wellWrittenPlan();
    plan.sections.E.outcomes[0]!.steps = [
      { id: "step-1", text: "Reads with support as necessary", byWhen: "2027-02" },
    ];
    plan.sections.B.needs[0]!.description = para("Mia would benefit from access to a quiet space.");
    plan.sections.A.views[0]!.content = para("I like having regular breaks.");
    const findings = findingsOf(plan, "vague-wording");
    // 'with support' and 'as necessary', both in the step.
    expect(new Set(findings.map((f) => f.path))).toEqual(
      new Set(["sections.E.outcomes[0].steps[0].text"]),
    );
    expect(findings[0]?.message).toMatch(/^E1\.1 says/);
  });

  it("takes a council's own words, and its exemptions", () => {
    const plan = withProvisionText(
      "Support from the inclusion team, as appropriate, with a nurture group.",
    );
    expect(
      findingsOf(plan, "vague-wording", { vagueWords: { add: ["nurture group"] } }).length,
    ).toBe(2);
    expect(
      findingsOf(plan, "vague-wording", { vagueWords: { allow: ["as appropriate"] } }),
    ).toEqual([]);
    expect(
      findingsOf(plan, "vague-wording", { vagueWords: { replace: ["inclusion team"] } }).map(
        (f) => f.range,
      ),
    ).toEqual([{ from: 17, to: 31 }]);
  });

  it("in an outcome, reads 'of up to four children' as the size of the task, 'answer up to 5 questions' as no measure", () => {
    const inOutcome = (text: string) =>
      findingsOf(withOutcomeText(text), "vague-wording").map(
        (f) => f.message.match(/says '([^']*)'/)?.[1],
      );
    expect(
      inOutcome(
        "By July 2027 Mia will play a game in a group of up to four children, 3 times a week.",
      ),
    ).toEqual([]);
    expect(inOutcome("By July 2027 Mia will answer up to 5 questions in each lesson.")).toEqual([
      "up to 5",
    ]);
    expect(inOutcome("By July 2027 Mia will sit at the table for up to 10 minutes.")).not.toEqual(
      [],
    );
  });

  it("in an outcome, passes what the child must suit, take or reach, and words given as an example", () => {
    const inOutcome = (text: string) =>
      findingsOf(withOutcomeText(text), "vague-wording").map(
        (f) => f.message.match(/says '([^']*)'/)?.[1],
      );
    for (const text of [
      "By July 2027 Mia will choose clothes appropriate to the weather, without a prompt, on 4 of 5 days.",
      "By July 2027 Mia will take up the chance to answer a question in each lesson.",
      'By July 2027 Mia will follow a 2-step instruction, such as "get your coat and line up", in 8 of 10 tries.',
      "By July 2027 Mia will access the toilet on her own, 5 days a week.",
    ])
      expect(inOutcome(text), text).toEqual([]);
    expect(
      inOutcome("By July 2027 Mia will get support appropriate to her needs each day."),
    ).toContain("appropriate");
    expect(inOutcome("By July 2027 Mia will access the curriculum.")).not.toEqual([]);
  });
});

describe("vague-wording's advice in an outcome", () => {
  const advice = (text: string) =>
    findingsOf(withOutcomeText(text), "vague-wording").map((f) => f.message);
  it("asks for the child's count, not an amount of provision", () => {
    expect(advice("By July 2027 Mia will write about 8 sentences in a story.")).toEqual([
      `E1 says 'about 8' — give the count Mia will reach, e.g. "30 words a minute", not an estimate.`,
    ]);
  });
  it("asks when the child will do it, in the child's pronoun", () => {
    expect(advice("By July 2027 Mia will join in with singing if she wants to.")).toEqual([
      `E1 says 'if she wants to' — say when Mia will do it, e.g. "each time her teacher asks", not whether it suits at the time.`,
    ]);
  });
});

describe("vague-wording's fix for a key adult", () => {
  const message = (deliveredBy: string) => {
    const plan = withProvisionText(
      "Play sessions at home with a key adult, using the child's toys.",
    );
    plan.sections.F.provisions[0]!.deliveredBy = deliveredBy;
    return findingsOf(plan, "vague-wording").find((f) => f.message.includes("'key adult'"))
      ?.message;
  };
  it("names the provision's own deliverer, and no other provision's programme", () => {
    const portage = message("Portage home visitor");
    expect(portage).toContain(
      "if the key adult is the Portage home visitor given as who delivers it",
    );
    expect(portage).not.toMatch(/Zones of Regulation/);
    expect(message(""), message("")).toMatch(/name the role and the training this provision needs/);
  });
});
