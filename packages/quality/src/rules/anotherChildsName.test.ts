import { parsePlan, type Plan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { examplePlan, para, view, wellWrittenPlan, withProvisionText } from "@ehcp/fixtures";
import { findingsOf } from "../../test/findingsOf.js";

const rule = "another-childs-name";
const named = (plan: Plan) => findingsOf(plan, rule).map((f) => f.message.match(/'([^']+)'/)![1]);

describe("another-childs-name", () => {
  it("finds a name used as the child's would be, in F, with its exact place and a message naming the child", () => {
    const words = "Jack will read a page of his book aloud with the teaching assistant each day.";
    const plan = withProvisionText(words);
    const [finding] = findingsOf(plan, rule);
    expect(finding?.severity).toBe("warning");
    expect(finding?.range).toEqual({ from: 0, to: 4 });
    expect(finding?.message).toMatch(
      /^F1 says 'Jack' where its words are about Mia\. Check that they are not copied from another child's plan/,
    );
  });

  it("finds it as a possessive, after a conjunction, and before a verb, in B, E and F", () => {
    for (const words of [
      "Jack's needs are met through a small group, daily for 20 minutes.",
      "When Oliver feels anxious he is offered a quiet space with his key adult.",
      "Sophie finds it hard to sit still, so she is offered a movement break every hour.",
    ])
      expect(named(withProvisionText(words)), words).toHaveLength(1);
    const plan = wellWrittenPlan();
    plan.sections.B.needs[0]!.description = para("Tom needs visual prompts at each change.");
    plan.sections.E.outcomes[0]!.statement = para(
      "By July 2027, Ella will follow a three-step instruction in class without a prompt.",
    );
    expect(named(plan)).toEqual(["Tom", "Ella"]);
  });

  it("passes a named professional, family the plan names, programmes and the child's own names", () => {
    for (const words of [
      "Mrs Patel will meet Mia weekly for 20 minutes to practise her signs.",
      "Her teacher, Mr. Patel. Patel will meet Mia weekly for 20 minutes.",
      "Staff will model her signs throughout the day.",
      "This will be reviewed each half-term by the SENCO.",
      "Phonics will be taught daily for 20 minutes in a group of three.",
      "Makaton will be used by all staff throughout the day.",
      "Reading will take place every morning for 20 minutes.",
      "Colourful Semantics is used to build her sentences, three times a week.",
      "Mia's brother Jack will read with her at home each evening.",
      "Mia will use Numicon to add numbers to 20, three times a week.",
      "Clarke will be named on her reading record.",
    ])
      expect(named(withProvisionText(words)), words).toEqual([]);
    // A name given in A (her family's words) or in K (an adviser's) is someone the plan knows.
    const plan = withProvisionText("Sarah will take Mia to the sensory room each morning.");
    expect(named(plan)).toEqual(["Sarah"]);
    plan.sections.A.views.push(view("Sarah, my mum, says I sleep better after the sensory room."));
    expect(named(plan)).toEqual([]);
    const adviser = withProvisionText("Priya will review Mia's signing each half-term.");
    adviser.sections.K.advice[0]!.from.name = "Priya Shah";
    expect(named(adviser)).toEqual([]);
  });

  it("raises no false alarm on the example plans or the well-written plan", () => {
    for (const name of ["plan-good.json", "plan-poor.json"] as const)
      expect(findingsOf(parsePlan(examplePlan(name)) as Plan, rule), name).toEqual([]);
    expect(findingsOf(wellWrittenPlan(), rule)).toEqual([]);
  });

  it("follows the child's name when it changes", () => {
    const plan = withProvisionText("Jack will read a page of his book aloud each day.");
    plan.meta.child.preferredName = "Jack";
    expect(named(plan)).toEqual([]);
  });
});
