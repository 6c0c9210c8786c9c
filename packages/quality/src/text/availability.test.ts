import { describe, expect, it } from "vitest";
import { availabilityConditions } from "./availability.js";
import { tokenize } from "./tokenize.js";

const found = (text: string) =>
  availabilityConditions(text, tokenize(text), "mia").map((s) => text.slice(s.start, s.end));

describe("a condition on an adult's time or the setting's capacity", () => {
  it.each([
    ["Her TA will hear her read each afternoon if she has time.", "if she has time"],
    ["Phonics in a small group twice a week, when staff are free.", "when staff are free"],
    ["Art therapy weekly, where capacity allows.", "where capacity allows"],
    ["A walk at lunch with an adult, as staffing permits.", "as staffing permits"],
    [
      "If a member of staff is available, Mia will be met at the gate.",
      "If a member of staff is available",
    ],
    ["Cooking each Friday, provided an adult can go with her.", "provided an adult can go"],
    ["A place in the club, should one become free.", "should one become free"],
    ["Extra reading when the SENCO has capacity.", "when the SENCO has capacity"],
    ["Swimming, if there are enough staff.", "if there are enough staff"],
    ["Pre-teaching, if the TA is not needed elsewhere.", "if the TA is not needed elsewhere"],
    ["A check-in each morning when the staff rota allows.", "when the staff rota allows"],
  ])("finds it in %j", (text, words) => {
    expect(found(text)).toEqual([words]);
  });

  it.each([
    // A cover arrangement decides who does it.
    "If her usual TA is not available, a second trained TA will deliver the session.",
    // What the child says or chooses is not a condition on what she is given.
    "Mia will say when she is free to play, using her card.",
    "Mia will choose a game in her free time each afternoon.",
    "A quiet room where staff are based, open every lunchtime.",
    "Free time of 5 minutes at the end of each session.",
    "When she has not finished, her TA gives her 5 more minutes.",
    "Mia will be available for learning within five minutes of arriving.",
    "A session once a week with the ELSA.",
  ])("passes %j", (text) => {
    expect(found(text)).toEqual([]);
  });
});
