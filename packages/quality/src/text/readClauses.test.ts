import { describe, expect, it } from "vitest";
import { readClauses } from "./readClauses.js";
import { readLanguage } from "./readLanguage.js";

const clauses = (text: string) =>
  readLanguage(text).sentences.flatMap((s) =>
    readClauses(s).map((c) => ({
      subject: c.subject.map((w) => w.text).join(" "),
      verb: c.verb?.lemma ?? null,
      modal: c.modal,
      passive: c.passive,
      negated: c.negated,
      subordinate: c.subordinate,
      words: text.slice(c.start, c.end),
    })),
  );

describe("readLanguage", () => {
  it("gives each word its exact place, part of speech and dictionary form", () => {
    const text = "By July 2027, Mia’s handwriting will have strengthened.";
    const words = readLanguage(text).sentences[0]!.words;
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(
      words.find((w) => w.text === "Mia’s")?.pos ?? words.find((w) => w.text === "Mia")?.pos,
    ).toBe("PROPN");
    expect(readLanguage("She has improved her reading.").sentences[0]!.words[2]!.lemma).toBe(
      "improve",
    );
  });
  it("reads counts written in words as entities", () => {
    const entities = readLanguage("Two to three sessions of forty-five minutes a week.").entities;
    expect(entities.map((e) => e.value)).toContain("forty-five minutes");
  });
  it("splits a field into its sentences", () => {
    expect(readLanguage("Phonics daily. Reading weekly.\nMaths termly.").sentences).toHaveLength(3);
    expect(readLanguage("   ").sentences).toEqual([]);
  });
});

describe("readClauses", () => {
  it("finds who does it: an adult, or the child", () => {
    expect(clauses("Her key adult will check in with Maya each morning.")[0]).toMatchObject({
      subject: "Her key adult",
      verb: "check",
      modal: "will",
      passive: false,
    });
    expect(clauses("Mia will read three sentences.")[0]).toMatchObject({
      subject: "Mia",
      verb: "read",
    });
  });
  it("tells a passive, a negation and a subordinate clause", () => {
    expect(clauses("Theo will be reminded to use his fidget tool.")[0]).toMatchObject({
      subject: "Theo",
      verb: "remind",
      passive: true,
      words: "will be reminded",
    });
    expect(clauses("Mia will not need adult prompting.")[0]?.negated).toBe(true);
    const [when, main] = clauses("When her teacher gives the signal, Mia will stop.");
    expect(when).toMatchObject({ subject: "her teacher", subordinate: true });
    expect(main).toMatchObject({ subject: "Mia", subordinate: false });
  });
  it("gives the modal of a verb group", () => {
    expect(clauses("A laptop could be used for writing.")[0]).toMatchObject({
      modal: "could",
      passive: true,
    });
  });
});
