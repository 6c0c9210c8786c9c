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
