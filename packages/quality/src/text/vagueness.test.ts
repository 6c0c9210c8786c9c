import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";
import { findVagueness } from "./vagueness.js";

const spans = (text: string, inProvision = true) =>
  findVagueness(text, tokenize(text), "Mia", inProvision).map((s) => [
    s.kind,
    text.slice(s.start, s.end),
  ]);

describe("modal verbs in a provision's description, read from the grammar", () => {
  const statement = (text: string) =>
    findVagueness(text, tokenize(text), "Mia", true, true).map((s) => [
      s.kind,
      text.slice(s.start, s.end),
    ]);
  it("finds 'would' and 'can' before a verb as a possibility, not a duty", () => {
    expect(statement("Mia would have a movement break of 10 minutes before maths.")).toContainEqual(
      ["hedge", "would have"],
    );
    expect(statement("A laptop can be set up for her in every lesson.")).toContainEqual([
      "hedge",
      "can be set",
    ]);
  });
  it("passes leave given to the child and a duty", () => {
    expect(statement("Mia can use the lift at any time, with her pass.")).toEqual([]);
    expect(statement("She may leave two minutes early at each lesson change.")).toEqual([]);
    expect(statement("A time-out pass that she may show to any teacher, every lesson.")).toEqual(
      [],
    );
    expect(statement("A card Mia may hand to her teacher to leave the room.")).toEqual([]);
    // A hedge on what she is given is still one.
    expect(statement("Mia may receive sessions with the counsellor.")).toContainEqual([
      "hedge",
      "may",
    ]);
    expect(statement("The TA must check her planner for 5 minutes each day.")).toEqual([]);
  });
});

describe("findVagueness", () => {
  it.each([
    ["Phonics two to three times a week.", "range", "two to three times"],
    ["Reading for 15–20 minutes each day.", "range", "15–20 minutes"],
    ["Between 1 and 2 hours of maths a week.", "range", "Between 1 and 2 hours"],
    ["Once or twice a week, a social group.", "range", "Once or twice a week"],
    [
      "At least 10 and no more than 20 minutes of practice daily.",
      "range",
      "At least 10 and no more than 20 minutes",
    ],
    ["About 20 minutes of reading daily.", "estimate", "About 20"],
    ["Approximately 2 hours a week.", "estimate", "Approximately"],
    ["Counselling every week or fortnight.", "frequency", "every week or fortnight"],
    ["Speech therapy if necessary.", "condition", "if necessary"],
    ["A reader when available.", "condition", "when available"],
    ["Sensory circuits, subject to staffing.", "condition", "subject to staffing"],
    // The words the message quotes are the condition whole, not "subject to staff".
    ["Speech therapy subject to staff availability.", "condition", "subject to staff availability"],
    ["Sessions when staff are available.", "condition", "when staff are available"],
    ["Nurture provision within school's resources.", "condition", "within school's resources"],
    ["Staff could use a visual timetable.", "hedge", "could"],
    [
      "Handwriting for seventeen to twenty-five minutes, daily.",
      "range",
      "seventeen to twenty-five minutes",
    ],
    ["School will try to provide a consistent adult.", "hedge", "will try to"],
    ["Staff may use Makaton signs.", "hedge", "may"],
    ["Typically three sessions a week of handwriting.", "hedge", "Typically"],
    ["Sessions as advised by the SENCO.", "deferral", "as advised"],
    ["Frequency to be agreed with school.", "deferral", "to be agreed"],
    ["At the discretion of the class teacher.", "deferral", "At the discretion"],
    ["Provision as set out in the educational psychology report.", "deferral", "as set"],
    ["Occasional check-ins with a mentor.", "frequency", "Occasional"],
    ["Check-ins from time to time.", "frequency", "from time to time"],
    ["Appropriate differentiation in all lessons.", "empty", "Appropriate differentiation"],
    ["A range of strategies to support attention.", "empty", "A range of"],
    ["Support to develop her independence skills.", "empty", "Support to develop"],
    ["Mia can access a quiet room.", "hedge", "can access"],
    ["Opportunities to practise turn-taking.", "offer", "Opportunities to"],
    ["For example, a now-and-next board.", "example", "For example"],
    ["A teaching assistant and/or the class teacher.", "example", "and/or"],
  ])("finds the doubt in %j", (text, kind, words) => {
    expect(spans(text)).toContainEqual([kind, words]);
  });

  it.each([
    "Wheelchair access to every classroom, the hall and the dining room.",
    "Regular weekly 30-minute sessions with the speech and language therapist.",
    "Three sessions of up to 30 minutes a week of a handwriting programme.",
    "Mia does not need access to a laptop; she writes with a slope.",
    'Mia said "I sometimes want to be on my own", so a quiet table is set for her at 12.15 daily.',
    "A reduced timetable of 9.00 to 12.00 each day for the first three weeks.",
    "Extra time of 25% in all tests and examinations.",
    "A break card she may use to go to the library for five minutes.",
    "Lego therapy, one to one, for 30 minutes every Tuesday.",
    "By May 2027, two practice papers a week with a reader.",
  ])("finds no doubt in the specific %j", (text) => {
    expect(spans(text)).toEqual([]);
  });

  it("leaves a child's awareness in an outcome to the measure rules", () => {
    expect(spans("Mia will be aware of her sensory needs.", false)).toEqual([]);
    expect(spans("Staff will be aware of her sensory needs.")).toEqual([["hedge", "be aware"]]);
  });

  it("gives each span's exact place in the text", () => {
    const text = "Phonics, two to three times a week, as advised by the SENCO.";
    const found = findVagueness(text, tokenize(text));
    expect(found.map((s) => [s.start, s.end])).toEqual([
      [9, 27],
      [36, 46],
    ]);
  });
});

describe("findVagueness in outcomes", () => {
  it.each([
    "By July 2027 Mia will count up to 20 objects accurately.",
    "By July 2027 Mia will order numbers between 1 and 100.",
    "By July 2027, at times of change, Mia will show her card.",
    "By July 2027 Mia will consider how others feel in 4 of 5 stories.",
    "By July 2027 Mia will spend more time in class, staying for 4 of 5 lessons.",
    "By July 2027 Mia will no longer need 1:1 support at lunchtime.",
  ])("finds no doubt in the child's own doing %j", (text) => {
    expect(spans(text, false)).toEqual([]);
  });
});

describe("in an outcome, words that are what the child says, knows or does", () => {
  const outcome = (text: string) => spans(text, false);
  it("passes a modal in the question the child answers, and a range of a stated count", () => {
    expect(outcome("Mia will explain what she could do instead, in 4 of 5 incidents.")).toEqual([]);
    expect(outcome("Mia will know what she should do in a fire drill, each drill.")).toEqual([]);
    expect(outcome("Mia will use a range of 5 feelings words at registration.")).toEqual([]);
    expect(outcome("Mia will use sentences of 4 to 5 words in 8 of 10 requests.")).toEqual([]);
  });
  it("still finds a hedge on the outcome itself, a range of nothing counted, and counts left open", () => {
    expect(outcome("Mia could explain what she wants.")).toContainEqual(["hedge", "could"]);
    expect(outcome("Mia will use a range of words.")).not.toEqual([]);
    expect(outcome("Mia will write 4 to 5 sentences about a picture.")).not.toEqual([]);
    expect(outcome("Mia will sit for 10 to 15 minutes.")).not.toEqual([]);
  });
  it("finds an outcome met only if the child wishes, help of no stated kind, and amounts in words", () => {
    expect(outcome("Mia will join in with a game if she wants to.")).toContainEqual([
      "condition",
      "if she wants to",
    ]);
    expect(outcome("Mia will take part in PE with encouragement.")).toContainEqual([
      "empty",
      "with encouragement",
    ]);
    expect(outcome("Mia will have lots of friends.")).toContainEqual(["estimate", "lots of"]);
    expect(outcome("Mia will go to her safe space when she needs to, on 4 of 5 days.")).toEqual([]);
    expect(outcome("Mia will read with a prompt in 4 of 5 sessions.")).toEqual([]);
  });
  it("leaves 'if she wants to' in provision alone: leave given to the child is a decision", () => {
    expect(spans("She may go to the library at lunchtime if she wants to.")).toEqual([]);
  });
});

describe("how often and how many, left open", () => {
  it.each([
    ["Mia will nearly always hand in her homework.", "frequency", "nearly always"],
    ["Mia will seldom leave the room without asking.", "frequency", "seldom"],
    ["Mia will join the choir most terms.", "frequency", "most terms"],
    ["Mia will finish her maths in a reasonable time.", "estimate", "a reasonable time"],
  ])("finds %j in provision and outcomes alike", (text, kind, words) => {
    expect(spans(text)).toContainEqual([kind, words]);
    expect(spans(text, false)).toContainEqual([kind, words]);
  });
  it("finds an amount that counts nothing in an outcome, where the count is the measure", () => {
    expect(spans("Mia will read some books from the library.", false)).toContainEqual([
      "estimate",
      "some books",
    ]);
    expect(spans("Mia will write a few lines about her day.", false)).toContainEqual([
      "frequency",
      "a few lines",
    ]);
  });
  it("finds 'some' as the amount of what is given, even beside how often", () => {
    expect(
      spans(
        "Some speech and language support twice a week from the speech and language therapist.",
      ),
    ).toContainEqual(["estimate", "Some speech and language support"]);
    expect(spans("He will get some 1:1 reading practice each morning.")).toContainEqual([
      "estimate",
      "some 1:1 reading practice",
    ]);
    // What the child chooses from is no amount of provision.
    expect(spans("Mia chooses some books from the class library each Friday.")).toEqual([]);
  });
  it("finds a share of the day no one counted, and a change left to a later review", () => {
    expect(spans("Teaching assistant support for the majority of the school day.")).toContainEqual([
      "frequency",
      "the majority of the school day",
    ]);
    expect(spans("Mia will stay in class for most of the week.", false)).toContainEqual([
      "frequency",
      "most of the week",
    ]);
    expect(spans("Support to be reviewed termly and adjusted accordingly.")).toContainEqual([
      "deferral",
      "adjusted accordingly",
    ]);
    expect(spans("For the rest of the day she is in class with her class teacher.")).toEqual([]);
  });
  it("finds continuing access to a service, which is no more decided than access", () => {
    expect(spans("Mia will continue to access small group teaching.", false)).toContainEqual([
      "access",
      "continue to access",
    ]);
  });
});

describe("a cap on who is in a group", () => {
  it("passes the size of a group, and finds a cap on what is given", () => {
    expect(spans("Literacy in a group of a maximum of 6 pupils, daily.")).toEqual([]);
    expect(spans("Lego therapy in a group of no more than three children, weekly.")).toEqual([]);
    expect(spans("A maximum of 6 sessions of therapy a year.")).toContainEqual([
      "ceiling",
      "A maximum of 6",
    ]);
  });
});
