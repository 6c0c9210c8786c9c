import { describe, expect, it } from "vitest";
import { findingsOf } from "../../test/findingsOf.js";
import { withOutcomeText } from "@ehcp/fixtures";

const fires = (rule: string, statement: string, over = {}) =>
  findingsOf(withOutcomeText(statement, over), rule).length > 0;

describe("outcome-not-time-bound", () => {
  it("fires when an outcome has no date and its words give none", () => {
    expect(
      fires(
        "outcome-not-time-bound",
        "Mia will follow three-step instructions in 8 of 10 lessons.",
        { byWhen: null },
      ),
    ).toBe(true);
  });
  it.each([
    [
      "a date in the field",
      "Mia will follow three-step instructions in 8 of 10 lessons.",
      { byWhen: "2027-07" },
    ],
    [
      "a month in the words",
      "By July 2027 Mia will follow three-step instructions in 8 of 10 lessons.",
      { byWhen: null },
    ],
    [
      "the end of a key stage",
      "By the end of Key Stage 2, Mia will read aloud a page of a book at her level.",
      { byWhen: null },
    ],
    [
      "a span of weeks",
      "Within 12 weeks Mia will ask for a break using her card on 4 of 5 occasions.",
      { byWhen: null },
    ],
  ])("does not fire with %s", (_what, statement, over) => {
    expect(fires("outcome-not-time-bound", statement, over)).toBe(false);
  });
});

describe("outcome-not-measurable", () => {
  it.each([
    "Mia will improve her reading.",
    "Mia will develop her social skills.",
    "Mia will be happier at school.",
    "Mia will make progress in maths.",
    "Mia will be more confident when speaking in class.",
    "Mia will show a reduction in anxious behaviours.",
    "Mia will demonstrate good listening skills.",
    "Mia will behave appropriately at lunchtime.",
  ])("fires on %j", (statement) => {
    expect(fires("outcome-not-measurable", statement)).toBe(true);
  });
  it.each([
    "By July 2027 Mia will improve her reading age from 6 years 2 months to 7 years.",
    "Mia will be more confident: she will answer a question in front of the class in 3 lessons a week.",
    "Mia will develop her handwriting so that she writes her name independently.",
    "Mia will follow three-step instructions in eight out of ten lessons.",
    "Mia will not feel she has to hide when routines change, asking for a break on 4 of 5 occasions.",
    "Mia will show a reduction in the times she leaves class, to no more than 2 a week.",
  ])("does not fire on the measurable %j", (statement) => {
    expect(fires("outcome-not-measurable", statement)).toBe(false);
  });
  it("fires on an empty statement", () => {
    expect(findingsOf(withOutcomeText(""), "outcome-not-measurable")[0]?.message).toBe(
      "E1 has no statement. Say what Mia will be able to do, and how anyone will know.",
    );
  });
  it("underlines the vague words", () => {
    expect(
      findingsOf(withOutcomeText("Mia will improve her reading."), "outcome-not-measurable")[0]
        ?.range,
    ).toEqual({ from: 9, to: 16 });
  });
  it.each([
    ["Mia will become more confident talking to adults.", "Mia will 'become more confident'"],
    ["By July 2027 Mia will make good progress with her speech.", "Mia will 'make good progress'"],
    ["By July 2027 Mia will feel happier at school.", "Mia will 'feel happier'"],
  ])("quotes the change as written: %s", (statement, quoted) => {
    const [finding] = findingsOf(withOutcomeText(statement), "outcome-not-measurable");
    // Not "Mia will 'more'": the words after "will" up to what is left open.
    expect(finding?.message).toMatch(new RegExp(`^E1 says ${quoted} but not by how much\\.`));
  });
  it("finds every change left unmeasured, each underlined where the message quotes it", () => {
    const statement =
      "By July 2027 Mia will be happier and more confident at school and will make good progress with her reading.";
    const findings = findingsOf(withOutcomeText(statement), "outcome-not-measurable");
    expect(findings.map((f) => statement.slice(f.range!.from, f.range!.to))).toEqual([
      "be happier",
      "more confident",
      "make good progress",
    ]);
    expect(findings.map((f) => f.message.split(" but ")[0])).toEqual([
      "E1 says Mia will 'be happier'",
      "E1 says 'more confident'",
      "E1 says Mia will 'make good progress'",
    ]);
  });
});

describe("outcome-not-measurable: a measure left to whoever reviews it", () => {
  it.each([
    [
      "a vague frequency",
      "By July 2027 Mia will occasionally say good morning to her teacher.",
      "occasionally",
    ],
    [
      "a vague frequency",
      "By July 2027 Mia will use her word bank most mornings.",
      "most mornings",
    ],
    [
      "'regularly' with no interval",
      "By July 2027 Mia will regularly bring her reading book.",
      "regularly",
    ],
    [
      "a hedge on how often",
      "By July 2027 Mia will generally follow the class routine.",
      "generally",
    ],
    [
      "an amount left to what she manages",
      "By July 2027 Mia will take part in PE as much as she can.",
      "as much as she can",
    ],
    [
      "an amount that counts nothing",
      "By July 2027 Mia will write a few sentences independently.",
      "a few sentences",
    ],
    [
      "an amount that counts nothing",
      "By July 2027 Mia will read some books from the class library.",
      "some books",
    ],
    [
      "a judgement left to staff",
      "By July 2027 Mia will put her hand up when appropriate.",
      "when appropriate",
    ],
    [
      "the child's wish",
      "By July 2027 Mia will join in with singing if she wants to.",
      "if she wants to",
    ],
    ["no act to check", "By July 2027 Mia will access the curriculum with help.", "will access"],
  ])("fires on %s and underlines it: %j", (_kind, statement, words) => {
    const found = findingsOf(withOutcomeText(statement), "outcome-not-measurable")[0];
    expect(found && statement.slice(found.range!.from, found.range!.to)).toBe(words);
  });
  it.each([
    "By July 2027 Mia will sometimes, and at least twice a week, choose a book to take home.",
    "By July 2027 Mia will speak in class when appropriate, in 2 lessons a day.",
    "By July 2027 Mia will use a range of calming strategies in 4 out of 5 upsets.",
    "By July 2027 Mia will, if possible, climb the frame in the playground.",
    "By July 2027 Mia will fasten her coat with appropriate help.",
    "By July 2027 Mia will write her full name, with support as needed.",
    "By July 2027 Mia will ideally be toilet trained by the summer.",
    "By July 2027 Mia will write about 8 sentences in a story.",
    "By July 2027 Mia will access her online spelling program at home and complete one list a week.",
  ])("does not fire when the act or its count can still be checked: %j", (statement) => {
    expect(fires("outcome-not-measurable", statement)).toBe(false);
  });
  it("leaves what others give the child to outcome-is-provision", () => {
    const plan = withOutcomeText("By July 2027 Mia will have access to a calm room when needed.");
    expect(findingsOf(plan, "outcome-not-measurable")).toEqual([]);
    expect(findingsOf(plan, "outcome-is-provision")).toHaveLength(1);
  });
  it("says what is missing in the child's name and pronoun", () => {
    const [vague] = findingsOf(
      withOutcomeText("By July 2027 Mia will put her hand up when appropriate."),
      "outcome-not-measurable",
    );
    expect(vague?.message).toBe(
      `E1 says 'when appropriate', which leaves it to a judgement at the time whether Mia should do it, so no one can tell at the review whether it was met. Say when and how often, e.g. "each time her teacher asks, in 4 of 5 lessons".`,
    );
  });
});

describe("outcome-is-provision: access", () => {
  it.each([
    "By July 2027 Mia will access the school library on her own to change her book each week.",
    "By July 2027 Mia will access her emails on her tablet and reply to one each day.",
  ])("does not fire on what the child uses or goes to herself: %j", (statement) => {
    expect(fires("outcome-is-provision", statement)).toBe(false);
    expect(fires("vague-wording", statement)).toBe(false);
  });
  it("fires on access to a service, which is vague as in section F", () => {
    const statement = "By July 2027 Mia will continue to access small group phonics teaching.";
    expect(fires("outcome-is-provision", statement)).toBe(true);
    expect(fires("vague-wording", statement)).toBe(true);
  });
});

describe("outcome-is-provision", () => {
  it.each([
    "Mia will have 1:1 support in all lessons.",
    "Mia will receive speech and language therapy.",
    "Mia will be given a laptop for written work.",
    "Mia will have access to a quiet room.",
    "Mia will be supported to make friends.",
    "Mia will continue to have a daily check-in.",
  ])("fires on %j", (statement) => {
    expect(fires("outcome-is-provision", `${statement} In 4 of 5 weeks.`)).toBe(true);
  });
  it.each([
    "By July 2027 Mia will have made two friends she plays with at break, on 3 days a week.",
    "By July 2027 Mia will have learnt to ask for help using her card in 4 of 5 lessons.",
    "By July 2027 Mia will take part in a weekend club every week, with support from a short breaks worker.",
    "By July 2027 Mia will have a conversation of four turns with a classmate in 3 of 5 break times.",
  ])("does not fire on %j, which says what Mia will do", (statement) => {
    expect(fires("outcome-is-provision", statement)).toBe(false);
  });
});

describe("a date is not a measure", () => {
  it.each([
    "By July 2027 she will improve her reading.",
    "By the end of Year 6, Mia will be more independent.",
    "By the end of Key Stage 2 Mia will increase her independence.",
    "Within 12 weeks Mia will develop her confidence.",
  ])("fires on %j", (statement) => {
    expect(fires("outcome-not-measurable", statement)).toBe(true);
  });

  it.each([
    ["Mia will improve her handwriting.", "will write three sentences"],
    ["Mia will make friends more easily.", "will play a game with a friend"],
    ["Mia will be calmer when routines change.", "will use her calm card"],
  ])("gives an example that fits the outcome: %j", (statement, example) => {
    expect(findingsOf(withOutcomeText(statement), "outcome-not-measurable")[0]?.message).toContain(
      example,
    );
  });
  it("uses the child's pronoun in its example", () => {
    expect(
      findingsOf(withOutcomeText("Mia will improve her reading."), "outcome-not-measurable")[0]
        ?.message,
    ).toContain("at her level");
  });
});

describe("outcome-is-provision: what adults will do", () => {
  it.each([
    "Staff will model turn-taking with Mia in 4 of 5 sessions.",
    "By July 2027 the teaching assistant will support Mia to write three sentences.",
    "By July 2027 a visual timetable will be available to Mia in every lesson.",
  ])("fires on %j", (statement) => {
    expect(fires("outcome-is-provision", statement)).toBe(true);
  });

  it.each([
    "By July 2027 Mia will get dressed after PE by herself in under ten minutes.",
    "By July 2027 Mia will no longer need 1:1 support to get changed for PE.",
    "By July 2027, when her teacher gives the class signal, Mia will stop and look at the teacher in 4 of 5 lessons.",
  ])("does not fire on %j", (statement) => {
    expect(fires("outcome-is-provision", statement)).toBe(false);
  });
});

describe("outcome-is-provision: the child acting beside adults", () => {
  it.each([
    "By July 2027 Mia will ask an adult to help her when she is stuck, in 4 of 5 lessons.",
    "By July 2027 Mia will need to ask for help only once in each lesson.",
    "By July 2027 Mia will attend 95% of her therapy sessions.",
    "By July 2027, with her teacher, Mia will read a page aloud each week.",
  ])("does not fire on %j", (statement) => {
    expect(fires("outcome-is-provision", statement)).toBe(false);
  });
});

describe("outcomes read from their grammar", () => {
  it.each([
    ["an adult as the subject", "By July 2027 her key adult will check in with Mia each morning."],
    [
      "a title and a name",
      "By the end of Year 4, Mrs Patel will read with Mia three times a week.",
    ],
    [
      "the child as the subject of a passive",
      "By July 2027 Mia will be reminded to use her fidget tool.",
    ],
  ])("is provision: %s", (_, statement) => {
    expect(fires("outcome-is-provision", statement)).toBe(true);
  });
  it.each([
    [
      "an adult in a subordinate clause",
      "By July 2027, when her teacher gives the class signal, Mia will stop and look within five seconds in 4 of 5 lessons.",
    ],
    [
      "adults who witness the measure",
      "By July 2027 her parents will report that Mia sleeps through the night on 5 nights out of 7.",
    ],
    [
      "a passive of the child's own state",
      "By July 2027 Mia will be understood by unfamiliar adults in 8 out of 10 conversations.",
    ],
  ])("is not provision: %s", (_, statement) => {
    expect(fires("outcome-is-provision", statement)).toBe(false);
  });
  it("finds a verb of change in any of its forms", () => {
    expect(
      fires("outcome-not-measurable", "By July 2027 Mia's handwriting will have strengthened."),
    ).toBe(true);
    expect(
      fires(
        "outcome-not-measurable",
        "Over the next year, Mia will have consolidated her phonics.",
      ),
    ).toBe(true);
    expect(
      fires("outcome-not-measurable", "By July 2027 Mia will have consolidated 40 sight words."),
    ).toBe(false);
  });
});

describe("outcomes that give no measure, or are the adults' doing", () => {
  it.each([
    "By July 2027 Mia will maintain her current level in writing.",
    "By July 2027 Mia will sustain her present levels of attainment.",
    "By July 2027 Mia will make good progress in reading.",
  ])("finds no measure in %j", (statement) => {
    expect(fires("outcome-not-measurable", statement)).toBe(true);
  });
  it.each([
    "By July 2027 Mia will progress from book band 4 to book band 6.",
    "By July 2027 Mia will move from two-word to four-word phrases when asking for things.",
    "By July 2027 Mia will keep her attendance at level 3 of the school's ladder or above.",
  ])("finds a measure in %j", (statement) => {
    expect(fires("outcome-not-measurable", statement)).toBe(false);
  });
  it.each([
    "By July 2027 the nursery will give Mia a quiet space to eat her snack each morning.",
    "By July 2027 her physiotherapist will stretch Mia's hamstrings twice a week.",
    "By July 2027 the learning mentor will see Mia every Tuesday.",
  ])("finds the adults or the setting as the doer in %j", (statement) => {
    expect(fires("outcome-is-provision", statement)).toBe(true);
  });
  it.each([
    "By July 2027 Mia will ask an adult for help when she is stuck, in 4 out of 5 lessons.",
    "By July 2027 Mia will swim a width in her weekly lesson, provided a member of staff can go with her.",
    "By July 2027 staff will see Mia use her calm card in 4 of 5 upsets.",
  ])("finds the child as the doer in %j", (statement) => {
    expect(fires("outcome-is-provision", statement)).toBe(false);
  });
});
