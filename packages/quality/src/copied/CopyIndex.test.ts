import { blankPlan, type Plan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { checkPlan } from "../checkPlan.js";
import { createCopyIndex, findCopiedText } from "./CopyIndex.js";
import { para, wellWrittenPlan } from "@ehcp/fixtures";

const PASSAGE =
  "He finds it hard to wait his turn in group work and calls out answers before others can speak";

/** Another child's plan that shares nothing with the well-written plan but `text`. */
function otherChild(id: string, fullName: string, text: string): Plan {
  const plan = blankPlan({
    child: {
      fullName,
      preferredName: fullName.split(" ")[0]!,
      dateOfBirth: "2018-01-01",
      pronouns: "he/him",
      yearGroup: "Year 3",
    },
    requestReceived: "2026-01-01",
  });
  plan.id = id;
  plan.sections.B.needs.push({
    id: "need-1",
    area: "semh",
    title: "Waiting",
    description: para(text),
    adviceIds: [],
  });
  return plan;
}

describe("findCopiedText", () => {
  it("finds a passage of 12 or more words shared with another child's plan, with its range", () => {
    const other = otherChild(
      "plan-leo",
      "Leo Grant",
      `Leo is seven. ${PASSAGE}. He enjoys football.`,
    );
    const plan = wellWrittenPlan();
    const text = `Mia is eight. ${PASSAGE}.`;
    plan.sections.B.needs[0]!.description = para(text);
    const findings = findCopiedText(plan, [other]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "copied-text",
      severity: "info",
      target: plan.sections.B.needs[0]!.id,
      path: "sections.B.needs[0].description",
      range: { from: text.indexOf("He finds"), to: text.indexOf(" speak") + 6 },
    });
    expect(findings[0]?.message).toMatch(
      /^B1 shares 19 words with another child's plan \(plan-leo\): 'He finds it hard to wait his turn…'/,
    );
  });

  it("ignores shorter shared wording, and matches words regardless of case and punctuation", () => {
    const eleven = PASSAGE.split(" ").slice(0, 11).join(" ");
    const other = otherChild("plan-leo", "Leo Grant", `${eleven}.`);
    const plan = wellWrittenPlan();
    plan.sections.B.needs[0]!.description = para(`${eleven} today.`);
    expect(findCopiedText(plan, [other])).toEqual([]);
    plan.sections.B.needs[0]!.description = para(PASSAGE.toUpperCase().replaceAll(" ", ", "));
    expect(findCopiedText(plan, [otherChild("plan-leo", "Leo Grant", PASSAGE)])).toHaveLength(1);
  });

  it("does not count the same child's earlier plan, or wording shared by many plans (the council's template)", () => {
    const plan = wellWrittenPlan();
    plan.sections.B.needs[0]!.description = para(PASSAGE);
    expect(findCopiedText(plan, [{ ...otherChild(plan.id, "Mia Clarke", PASSAGE) }])).toEqual([]);
    const many = Array.from({ length: 25 }, (_, i) =>
      otherChild(`plan-${i}`, `Child Number${i}`, PASSAGE),
    );
    expect(findCopiedText(plan, many)).toEqual([]);
    expect(findCopiedText(plan, createCopyIndex(many, { commonIn: 30 }))).toHaveLength(1);
  });

  it("finds another child's name in this plan", () => {
    const other = otherChild("plan-leo", "Leo Grant", "Leo likes football.");
    const plan = wellWrittenPlan();
    const text = "Mia sits with Leo Grant in maths.";
    plan.sections.B.needs[0]!.description = para(text);
    expect(findCopiedText(plan, [other])).toMatchObject([
      {
        range: { from: text.indexOf("Leo"), to: text.indexOf(" in maths") },
        message: expect.stringMatching(/names 'Leo Grant', another child/),
      },
    ]);
  });

  it("checks a plan against an index built once over thousands of plans", () => {
    const store = Array.from({ length: 3000 }, (_, i) =>
      otherChild(
        `plan-${i}`,
        `Child${i} Surname${i}`,
        `Child${i} has a need described in words unique to plan number ${i} of the store, written by hand.`,
      ),
    );
    store.push(otherChild("plan-leo", "Leo Grant", PASSAGE));
    const index = createCopyIndex(store);
    expect(index.size).toBe(3001);
    const plan = wellWrittenPlan();
    plan.sections.B.needs[0]!.description = para(PASSAGE);
    expect(index.find(plan).map((f) => f.message)).toEqual([expect.stringContaining("(plan-leo)")]);
    expect(
      checkPlan(plan, { copyIndex: index }).filter((f) => f.rule === "copied-text"),
    ).toHaveLength(1);
  });
});
