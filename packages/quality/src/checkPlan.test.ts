import { parsePlan, type Plan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import {
  checkPlan,
  createPlanChecker,
  type QualityConfig,
  RULE_CATALOGUE,
  RULE_IDS,
} from "./index.js";
import { checkWholePlan } from "./checkPlan.js";
import { examplePlan, expectedPoorFindings, para, wellWrittenPlan } from "@ehcp/fixtures";
import { generatePlan } from "@ehcp/fixtures/generatePlan";

const today = "2026-11-22";
const fixture = (name: string) => parsePlan(examplePlan(name)) as Plan;

describe("checkPlan on the example plans", () => {
  it("finds no error and no warning in the good plan", () => {
    const findings = checkPlan(fixture("plan-good.json"), { today });
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("finds every expected finding in the poor plan, and no error the expected list lacks", () => {
    const expected = expectedPoorFindings();
    const findings = checkPlan(fixture("plan-poor.json"), { today });
    for (const e of expected) {
      expect(findings, `${e.rule} on ${e.target}`).toContainEqual(expect.objectContaining(e));
    }
    const listed = new Set(expected.map((e) => `${e.rule} ${e.target}`));
    const unlisted = findings.filter(
      (f) => f.severity === "error" && !listed.has(`${f.rule} ${f.target}`),
    );
    expect(unlisted).toEqual([]);
  });

  it("gives every finding its rule's source, a path, and a message naming the item by label", () => {
    for (const f of checkPlan(fixture("plan-poor.json"), { today })) {
      expect(f.source).toBe(RULE_CATALOGUE[f.rule as keyof typeof RULE_CATALOGUE].source);
      expect(f.path).toMatch(/^sections\.[A-K][12]?/);
      expect(f.message).toMatch(/^(?:[A-K][12]?[.\d]*|Section [A-K]|No |Kieran |This |The )/);
    }
  });

  it("finds nothing to warn about in the tests' own well-written plan", () => {
    expect(checkPlan(wellWrittenPlan(), { today }).filter((f) => f.severity !== "info")).toEqual(
      [],
    );
  });

  it("lists findings in document order: by section, then by item", () => {
    const findings = checkPlan(fixture("plan-poor.json"), { today });
    const sections = findings.map((f) => f.section);
    const order = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"];
    expect([...sections].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(sections);
  });

  it("does not change the plan it checks", () => {
    const plan = fixture("plan-poor.json");
    const before = structuredClone(plan);
    checkPlan(plan, { today });
    expect(plan).toStrictEqual(before);
  });
});

describe("configuration", () => {
  const poor = () => fixture("plan-poor.json");

  it("switches a rule off", () => {
    const findings = checkPlan(poor(), { today, rules: { "vague-wording": "off", jargon: "off" } });
    expect(findings.some((f) => f.rule === "vague-wording" || f.rule === "jargon")).toBe(false);
    expect(findings.some((f) => f.rule === "placement-in-draft")).toBe(true);
  });

  it("changes a rule's severity", () => {
    const findings = checkPlan(poor(), {
      today,
      rules: { "vague-wording": "error", "placement-in-draft": "info" },
    });
    expect(
      findings.filter((f) => f.rule === "vague-wording").every((f) => f.severity === "error"),
    ).toBe(true);
    expect(findings.find((f) => f.rule === "placement-in-draft")?.severity).toBe("info");
  });

  it("knows every rule of the quality rules", () => {
    for (const id of [
      "duplicate-id",
      "dangling-link",
      "placement-in-draft",
      "placement-missing-in-final",
      "need-without-provision",
      "provision-not-quantified",
      "provision-hours-only",
      "provision-missing-who",
      "pfa-outcomes-missing",
      "no-advice",
      "need-without-outcome",
      "health-need-without-provision",
      "social-care-need-without-provision",
      "outcome-without-provision",
      "provision-without-outcome",
      "provision-missing-expertise",
      "vague-wording",
      "therapy-in-health-section",
      "outcome-not-time-bound",
      "outcome-not-measurable",
      "outcome-is-provision",
      "no-child-voice",
      "missing-advice",
      "provision-ratio-missing",
      "jargon",
      "bland-description",
      "personal-budget-not-explained",
      "copied-text",
      "long-history",
    ]) {
      expect(RULE_IDS).toContain(id);
    }
  });
});

describe("the per-field cache", () => {
  it("gives what a fresh checker gives after one field, the child's name or a setting changed", () => {
    const checker = createPlanChecker();
    const plan = fixture("plan-poor.json");
    expect(checker.check(plan, { today })).toEqual(createPlanChecker().check(plan, { today }));
    const changed = structuredClone(plan);
    const f1 = changed.sections.F.provisions[0]!;
    f1.what = [
      { type: "paragraph", content: [{ type: "text", text: "Phonics as and when needed." }] },
    ];
    const afterEdit = checker.check(changed, { today });
    expect(afterEdit).toEqual(createPlanChecker().check(changed, { today }));
    expect(afterEdit).toContainEqual(
      expect.objectContaining({
        rule: "vague-wording",
        target: f1.id,
        message: expect.stringMatching(/^F1 says 'as and when/),
      }),
    );
    changed.meta.child.preferredName = "Sol";
    const renamed = checker.check(changed, { today });
    expect(renamed).toEqual(createPlanChecker().check(changed, { today }));
    const config = { today, vagueWords: { allow: ["as and when"] } };
    expect(checker.check(changed, config)).toEqual(createPlanChecker().check(changed, config));
  });
});

describe("checking item by item, with what is remembered", () => {
  // Each kind of edit the editor makes between two checks, applied one after another to the
  // same plan, so what a checker remembers from the last check is always about to be wrong.
  const edits: [string, (plan: Plan) => void, QualityConfig?][] = [
    [
      "a provision added",
      (p) => p.sections.F.provisions.splice(1, 0, structuredClone(p.sections.F.provisions[0]!)),
    ],
    [
      "a provision's words",
      (p) => (p.sections.F.provisions[0]!.what = para("Phonics as and when needed.")),
    ],
    ["who delivers it", (p) => (p.sections.F.provisions[1]!.deliveredBy = "staff")],
    ["its training", (p) => (p.sections.F.provisions[1]!.expertise = "appropriately trained")],
    ["its frequency field", (p) => (p.sections.F.provisions[0]!.frequency = null)],
    ["its hours", (p) => (p.sections.F.provisions[0]!.hoursPerWeek = 15)],
    ["a link to a need dropped", (p) => (p.sections.F.provisions[0]!.needIds = [])],
    [
      "an outcome's statement",
      (p) => (p.sections.E.outcomes[0]!.statement = para("Mia will be more confident.")),
    ],
    ["an outcome's date", (p) => (p.sections.E.outcomes[0]!.byWhen = null)],
    [
      "a need's description",
      (p) => (p.sections.B.needs[0]!.description = para("Mia has a diagnosis of autism.")),
    ],
    ["a view", (p) => (p.sections.A.views[0]!.content = para("Mia likes horses."))],
    ["two outcomes swapped", (p) => p.sections.E.outcomes.reverse()],
    ["a provision moved to G", (p) => p.sections.G.provisions.push(p.sections.F.provisions.pop()!)],
    ["a provision removed", (p) => p.sections.F.provisions.shift()],
    ["the child's name", (p) => (p.meta.child.preferredName = "Sol")],
    ["the child's pronouns", (p) => (p.meta.child.pronouns = "he/him")],
    ["the plan made a draft", (p) => (p.meta.status = "draft")],
    ["a setting", () => {}, { vagueWords: { allow: ["as and when"] } }],
    ["a rule switched off", () => {}, { rules: { "provision-missing-who": "off" } }],
    ["a term added to the glossary", () => {}, { glossary: { add: { Phonics: "letter sounds" } } }],
    ["the glossary as it was", () => {}],
    ["the date", () => {}, { today: "2031-01-01" }],
  ];

  for (const [name, start] of [
    ["the poor example plan", () => fixture("plan-poor.json")],
    ["the well-written plan", () => wellWrittenPlan()],
  ] as const) {
    it(`gives exactly a cold check's findings, and every rule's on the whole plan, after each kind of edit to ${name}`, () => {
      const checker = createPlanChecker();
      const plan = start();
      let config: QualityConfig = { today };
      checker.check(plan, config);
      for (const [edit, apply, settings] of edits) {
        // In place, as a caller may, and as a fresh copy, as the editor does.
        apply(plan);
        config = { today, ...settings };
        const cold = createPlanChecker().check(structuredClone(plan), config);
        expect(checker.check(plan, config), `after ${edit}, in place`).toEqual(cold);
        expect(checker.check(structuredClone(plan), config), `after ${edit}, copied`).toEqual(cold);
        expect(checkWholePlan(plan, config), `after ${edit}, whole plan`).toEqual(cold);
      }
    });
  }

  // The editor's case: a long plan, each check after a pause in typing, the plan built afresh.
  // Every edit is one the remembered parts of a check depend on (an item's words, fields and
  // links, the thread, the advice, the child), so a part remembered too long shows here.
  it("names each of two provisions with the same words by its own label", () => {
    const plan = generatePlan({ scale: 0.25, seed: 7 });
    const words = para("Phonics, if staff are available.");
    plan.sections.F.provisions[1]!.what = words;
    plan.sections.F.provisions[2]!.what = structuredClone(words);
    const vague = createPlanChecker()
      .check(plan, { today })
      .filter((f) => f.rule === "vague-wording" && /if staff are available/.test(f.message));
    expect(vague.map((f) => [f.target, f.message.split(" ")[0]])).toEqual([
      [plan.sections.F.provisions[1]!.id, "F2"],
      [plan.sections.F.provisions[2]!.id, "F3"],
    ]);
  });

  it("gives a fresh checker's findings on a generated plan after each kind of edit, one after another", () => {
    const plan = generatePlan({ scale: 0.25, seed: 7 });
    const config: QualityConfig = { today };
    const text = (p: Plan) => p.sections.F.provisions;
    const steps: [string, (p: Plan) => void][] = [
      ["a provision's words", (p) => (text(p)[3]!.what = para("Phonics, if staff are available."))],
      ["the same provision typed on", (p) => (text(p)[3]!.what = para("Phonics, daily, 20 min."))],
      [
        "a frequency field",
        (p) => (text(p)[3]!.frequency = { sessions: 0, per: "week", minutes: 20 }),
      ],
      ["hours a week", (p) => (text(p)[4]!.hoursPerWeek = 15)],
      ["who delivers it", (p) => (text(p)[5]!.deliveredBy = "TBC")],
      [
        "an outcome's words",
        (p) => (p.sections.E.outcomes[2]!.statement = para("He will improve.")),
      ],
      [
        "a need's title, read by the thread rules",
        (p) => (p.sections.B.needs[0]!.title = "Hearing loss"),
      ],
      ["a provision's link to its outcome dropped", (p) => (text(p)[0]!.outcomeIds = [])],
      ["a link to an item that is not there", (p) => text(p)[1]!.needIds.push("need-gone")],
      ["a provision added", (p) => text(p).splice(2, 0, structuredClone(text(p)[0]!))],
      ["a provision removed", (p) => text(p).splice(7, 1)],
      ["an outcome removed", (p) => p.sections.E.outcomes.splice(1, 1)],
      [
        "a need added to C",
        (p) => p.sections.C.needs.push(structuredClone(p.sections.B.needs[1]!)),
      ],
      [
        "advice added to K",
        (p) =>
          p.sections.K.advice.push({
            ...structuredClone(p.sections.K.advice[0]!),
            id: "k-tod",
            title: "Teacher of the deaf's advice",
          }),
      ],
      ["the child's name", (p) => (p.meta.child.preferredName = "Robin")],
      ["the child's pronouns", (p) => (p.meta.child.pronouns = "she/her")],
      [
        "a term explained in a view",
        (p) =>
          (p.sections.A.views[0]!.content = para(
            "Sam's SENCO (special educational needs co-ordinator) meets his parents each term.",
          )),
      ],
      [
        "the explanation taken out again",
        (p) => (p.sections.A.views[0]!.content = para("Sam's SENCO meets his parents each term.")),
      ],
      [
        "two provisions given the same words, read once for both",
        (p) => {
          text(p)[6]!.what = para("Phonics, if staff are available.");
          text(p)[8]!.what = para("Phonics, if staff are available.");
        },
      ],
      ["one of them typed on", (p) => (text(p)[8]!.what = para("Phonics, daily, 20 min."))],
    ];
    const checker = createPlanChecker();
    checker.check(structuredClone(plan), config);
    for (const [edit, apply] of steps) {
      apply(plan);
      const fresh = createPlanChecker().check(structuredClone(plan), config);
      expect(checker.check(structuredClone(plan), config), `after ${edit}`).toEqual(fresh);
    }
  });
});
