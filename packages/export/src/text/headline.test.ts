import { plainText } from "@ehcp/quality";
import { type Plan, parsePlan } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { examplePlan } from "@ehcp/fixtures";
import { generatePlan } from "@ehcp/fixtures/generatePlan";
import { headline } from "./headline.js";

const plans = [
  parsePlan(examplePlan("plan-good.json")),
  parsePlan(examplePlan("plan-poor.json")),
  parsePlan(generatePlan({ scale: 1, seed: 1 })),
] as Plan[];
const provisions = plans.flatMap((p) =>
  (["F", "G", "H1", "H2"] as const).flatMap((k) => p.sections[k].provisions),
);
const outcomes = plans.flatMap((p) => p.sections.E.outcomes);

describe("headline", () => {
  it("heads a provision with its first phrase, in whole words and without an ellipsis", () => {
    const good = plans[0] as Plan;
    expect(good.sections.F.provisions.map((p) => headline(plainText(p.what)))).toEqual([
      "A speech and language therapy programme",
      "Practice on every school day of the targets",
      "A personal visual timetable",
      "A friendship group following the Talkabout programme",
      "Lessons in the Zones of Regulation",
      "A sensory plan written by the occupational therapist",
    ]);
    for (const p of provisions) {
      const text = plainText(p.what);
      const words = headline(text).split(" ");
      expect(words.length, text).toBeLessThanOrEqual(8);
      // Whole words from the start: the heading is where the text begins, word for word.
      expect(text.split(/[\s,;:.]+/).slice(0, words.length), text).toEqual(words);
      expect(headline(text)).not.toMatch(/…|\b(?:the|a|an|of|and|to|with|by)$/i);
    }
  });

  it("heads an outcome with what the child will do, passing over when", () => {
    const good = plans[0] as Plan;
    expect(
      good.sections.E.outcomes.map((o) =>
        headline(plainText(o.statement), { maxWords: 10, skipWhen: true }),
      ),
    ).toEqual([
      "Tilly will carry out three-step instructions",
      "Tilly will tell an adult",
      "Tilly will play a game",
      "Tilly will show her break card",
      "Tilly will eat her lunch",
      "Tilly will go to an after-school or weekend activity",
    ]);
    // A date with no comma after it ("By July 2027 Kieran will read …") is passed over too.
    expect(
      headline(
        "By July 2027 Kieran will read the questions on a mock paper himself, using a pen.",
        {
          maxWords: 10,
          skipWhen: true,
        },
      ),
    ).toBe("Kieran will read the questions on a mock paper himself");
    for (const o of outcomes) {
      const h = headline(plainText(o.statement), { maxWords: 10, skipWhen: true });
      expect(h, plainText(o.statement)).toMatch(/^\S+ (?:will|should|can)\b/);
      expect(plainText(o.statement)).toContain(h);
    }
  });

  it("does not end a heading cut at its limit on a word that describes what was cut off", () => {
    expect(
      headline(
        "A speech and language therapy programme of play-based targets set by his therapist",
      ),
    ).toBe("A speech and language therapy programme");
    // A short first clause is kept whole.
    expect(headline("Daily reading practice with an adult, in a quiet room near the hall")).toBe(
      "Daily reading practice with an adult",
    );
    expect(
      headline("Two sessions each week of small-group intensive structured phonics teaching"),
    ).toBe("Two sessions each week");
  });

  it("never gives an empty heading for text, and nothing for no text", () => {
    expect(headline("")).toBe("");
    expect(headline("Speech therapy.")).toBe("Speech therapy");
    expect(headline("Supercalifragilistic")).toBe("Supercalifragilistic");
  });
});
