import { describe, expect, it } from "vitest";
import { namesExpertise, namesSomeone } from "./readDeliverer.js";
import { readLanguage } from "./readLanguage.js";
import { tokenize } from "./tokenize.js";

const who = (text: string) => namesSomeone(text, readLanguage(text));
const expertise = (text: string) => namesExpertise(text, tokenize(text));

describe("namesSomeone", () => {
  it.each([
    "Class teacher",
    "Her class teacher, Miss Ahmed",
    "Habilitation specialist",
    "Mr Okafor, the school's ELSA",
    "Physiotherapist and a trained teaching assistant",
    "Occupational therapist from the children's therapy team",
    "NHS speech and language therapy team",
  ])("takes '%s' for a person named by role or name", (text) => {
    expect(who(text)).toBe(true);
  });

  it.each([
    "Learning support staff",
    "Members of the pastoral team",
    "The academy",
    "Someone from school",
    "SEN team",
    "Properly trained staff",
    "As allocated by the SENCO",
    "Whoever the school allocates",
    "At the school's discretion",
  ])("finds no one named in '%s'", (text) => {
    expect(who(text)).toBe(false);
  });
});

describe("namesExpertise", () => {
  it.each([
    "Trained in Precision Teaching by the educational psychologist",
    "BSL Level 3",
    "HCPC-registered physiotherapist",
    "Makaton Foundation workshop, refreshed yearly",
    "Enhanced DBS check and first aid training",
    "Briefed by the occupational therapist",
    "Qualified Teacher of the Visually Impaired (QTVI)",
  ])("takes '%s' for a credential", (text) => {
    expect(expertise(text)).toBe(true);
  });

  it.each([
    "Knows the family well",
    "Has worked in a special school",
    "Calm and patient manner",
    "SENCO",
    "First aid",
    "Relevant training",
    "Training to be arranged",
  ])("finds no credential in '%s'", (text) => {
    expect(expertise(text)).toBe(false);
  });
});
