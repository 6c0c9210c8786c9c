import { describe, expect, it } from "vitest";
import { readLanguage } from "./readLanguage.js";
import { tokenize } from "./tokenize.js";
import { vaguenessByGrammar } from "./vaguenessByGrammar.js";

const spans = (text: string) =>
  vaguenessByGrammar(text, tokenize(text), readLanguage(text), "mia").map((s) => [
    s.kind,
    text.slice(s.start, s.end),
  ]);

describe("vaguenessByGrammar", () => {
  it.each([
    ["Time in the calm room if feeling anxious.", "condition", "if feeling anxious"],
    ["A movement break whenever his body needs one.", "condition", "whenever his body needs"],
    [
      "Travel assistance if she satisfies the transport policy.",
      "condition",
      "if she satisfies the transport policy",
    ],
    ["Staff will try their hardest to give notice of changes.", "hedge", "will try"],
    ["Staff are to encourage her to use her word mat.", "hedge", "are to encourage"],
    [
      "Reading support informed by the specialist teacher's assessment.",
      "deferral",
      "informed by the specialist teacher's assessment",
    ],
    ["Staff will liaise with the paediatrician.", "empty", "liaise"],
    ["A reading programme, three times a week.", "empty", "A reading programme"],
    ["An individual behaviour plan.", "empty", "individual behaviour plan"],
  ])("finds the doubt in %j", (text, kind, words) => {
    expect(spans(text)).toContainEqual([kind, words]);
  });

  it.each([
    "When he becomes distressed, the TA takes him to the sensory room and follows his calm-down plan.",
    "If the fire alarm sounds, his TA takes him out by the side door.",
    "Sessions follow the speech and language therapist's written programme.",
    "Units of Sound, a programme set by the specialist teacher, three times a week.",
    "A personalised visual timetable with photographs, gone through at 8.50 with her TA.",
    "The class teacher emails his parents each Friday with the week's spellings.",
  ])("leaves %j alone", (text) => {
    expect(spans(text)).toEqual([]);
  });
});

describe("when it starts, how long it lasts and how much, left open", () => {
  it.each([
    [
      "Sessions with the ELSA will begin once the new timetable has bedded in.",
      "condition",
      "once the new timetable has bedded in",
    ],
    [
      "Occupational therapy will start when things have settled at home.",
      "condition",
      "when things have settled",
    ],
    [
      "Precision Teaching, 10 minutes daily, after things calm down.",
      "condition",
      "after things calm down",
    ],
    [
      "Weekly counselling, once she has found her feet in Year 7.",
      "condition",
      "once she has found her feet",
    ],
    [
      "Weekly mentoring for as long as the school feels they are useful.",
      "deferral",
      "as long as the school feels",
    ],
    [
      "Therapy, 45 minutes a fortnight, until the therapist is satisfied.",
      "deferral",
      "until the therapist is satisfied",
    ],
    [
      "Time in the sensory room, the length of which will vary.",
      "empty",
      "length of which will vary",
    ],
    ["Movement breaks of varying length, three a day.", "empty", "varying length"],
    ["Support in class, which varies from week to week.", "empty", "varies"],
  ])("finds the doubt in %j", (text, kind, words) => {
    expect(spans(text)).toContainEqual([kind, words]);
  });

  it.each([
    // A start or an end anyone can date, and a skill taught with the cue for using it.
    "Once the plan is issued, a teaching assistant reads with her for 15 minutes each day.",
    "When she starts at the secondary school, a mentor meets her at the gate each morning.",
    "Therapy, 45 minutes a fortnight, until the annual review in July 2027.",
    "Mentoring for as long as this plan is in force, 30 minutes a week.",
    "A key worker stays with him until he is settled at his table, each morning.",
    "The ELSA will teach her to ask for a break when she feels overwhelmed.",
    "When she is calm, her TA gives her the next instruction, every lesson.",
    "A carer stays with her each evening until she is settled in bed.",
    "Her TA will show her how to use her calm box when she feels worried.",
    "Phonics games from a published scheme, with the game changed every week, 20 minutes a day.",
  ])("leaves %j alone", (text) => {
    expect(spans(text)).toEqual([]);
  });
});
