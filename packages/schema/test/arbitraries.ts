import fc from "fast-check";
import type { Block, Mark, Plan, TextNode } from "../src/index.js";

// Arbitraries for whole plans, used by the property tests: every value the format admits, with
// text that mixes ASCII, accents, emoji and line breaks.

const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 });
const maybeEmpty = fc.string({ unit: "grapheme", maxLength: 30 });
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const ids = fc.array(id, { maxLength: 3 });
const date = fc
  .date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const month = date.map((d) => d.slice(0, 7));
const monthOrDate = fc.oneof(month, date);

const mark: fc.Arbitrary<Mark> = fc.oneof(
  fc.constant({ type: "bold" as const }),
  fc.constant({ type: "italic" as const }),
  fc.constant({ type: "underline" as const }),
  fc.webUrl().map((href) => ({ type: "link" as const, attrs: { href } })),
);
const marks = fc.uniqueArray(mark, { selector: (m) => m.type, maxLength: 4 });
const textNode: fc.Arbitrary<TextNode> = fc
  .tuple(text, marks)
  .map(([t, m]) => (m.length ? { type: "text", text: t, marks: m } : { type: "text", text: t }));
const inline = fc.array(textNode, { maxLength: 4 });

const { block } = fc.letrec<{ block: Block; listItem: { type: "listItem"; content: Block[] } }>(
  (tie) => ({
    block: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      inline.map((content) =>
        content.length ? { type: "paragraph" as const, content } : { type: "paragraph" as const },
      ),
      fc.tuple(fc.constantFrom(3 as const, 4 as const), inline).map(([level, content]) => ({
        type: "heading" as const,
        attrs: { level },
        ...(content.length ? { content } : {}),
      })),
      fc
        .array(tie("listItem"), { minLength: 1, maxLength: 3 })
        .map((content) => ({ type: "bulletList" as const, content })),
      fc
        .array(tie("listItem"), { minLength: 1, maxLength: 3 })
        .map((content) => ({ type: "orderedList" as const, content })),
    ) as fc.Arbitrary<Block>,
    listItem: fc
      .array(tie("block"), { minLength: 1, maxLength: 2 })
      .map((content) => ({ type: "listItem" as const, content: content as Block[] })),
  }),
);
const richText = fc.array(block, { maxLength: 3 });

const need = (areas: readonly string[]) =>
  fc.record({
    id,
    area: fc.constantFrom(...areas),
    title: maybeEmpty,
    description: richText,
    adviceIds: ids,
  });
const needsSection = (areas: readonly string[]) =>
  fc.record(
    { summary: richText, needs: fc.array(need(areas), { maxLength: 3 }) },
    { requiredKeys: ["needs"] },
  );
const four = ["communication-interaction", "cognition-learning", "semh", "sensory-physical"];

const provision = fc.record({
  id,
  outcomeIds: ids,
  needIds: ids,
  what: richText,
  deliveredBy: maybeEmpty,
  expertise: maybeEmpty,
  ratio: fc.option(fc.oneof(fc.constantFrom("1:1", "1:3", "small-group", "whole-class"), text), {
    nil: null,
  }),
  frequency: fc.option(
    fc.record({
      sessions: fc.integer({ min: 1, max: 10 }),
      per: fc.constantFrom("day", "week", "fortnight", "half-term", "term", "year"),
      minutes: fc.integer({ min: 1, max: 600 }),
    }),
    { nil: null },
  ),
  hoursPerWeek: fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: null }),
  duration: fc.option(
    fc.oneof(fc.constant("until next review"), fc.record({ from: date, until: date })),
    { nil: null },
  ),
  adviceIds: ids,
});
const provisions = fc.record({ provisions: fc.array(provision, { maxLength: 3 }) });

/** Any plan the format admits (ids may repeat and links may dangle: that is integrity, not shape). */
export const planArbitrary: fc.Arbitrary<Plan> = fc.record({
  format: fc.constant("ehcp-plan" as const),
  formatVersion: fc.constant(1 as const),
  id,
  meta: fc.record({
    status: fc.constantFrom("draft" as const, "final" as const),
    issue: fc.integer({ min: 1, max: 20 }),
    child: fc.record({
      fullName: maybeEmpty,
      preferredName: maybeEmpty,
      dateOfBirth: date,
      pronouns: maybeEmpty,
      yearGroup: maybeEmpty,
    }),
    localAuthority: maybeEmpty,
    caseworker: fc.record({ name: maybeEmpty, email: maybeEmpty }),
    dates: fc.record({
      requestReceived: date,
      draftIssued: fc.option(date, { nil: null }),
      finalIssued: fc.option(date, { nil: null }),
      nextReview: fc.option(date, { nil: null }),
    }),
    signOff: fc.option(fc.record({ officerName: maybeEmpty, role: maybeEmpty, date }), {
      nil: null,
    }),
  }),
  sections: fc.record({
    A: fc.record({
      views: fc.array(
        fc.record(
          {
            id,
            voice: fc.constantFrom("child", "young-person", "parent", "carer", "professional"),
            topic: fc.constantFrom(
              "about-me",
              "history",
              "important-now",
              "aspirations",
              "how-to-support",
              "communication",
              "other",
            ),
            directQuote: fc.boolean(),
            gatheredHow: maybeEmpty,
            content: richText,
          },
          { requiredKeys: ["id", "voice", "topic", "directQuote", "content"] },
        ),
        { maxLength: 3 },
      ),
    }),
    B: needsSection(four),
    C: needsSection(["health", ...four]),
    D: needsSection(["social-care", ...four]),
    E: fc.record({
      outcomes: fc.array(
        fc.record({
          id,
          needIds: ids,
          statement: richText,
          byWhen: fc.option(monthOrDate, { nil: null }),
          pfa: fc.constantFrom(null, "employment", "independent-living", "community", "health"),
          frameworkRef: fc.option(maybeEmpty, { nil: null }),
          steps: fc.array(fc.record({ id, text: maybeEmpty, byWhen: monthOrDate }), {
            maxLength: 2,
          }),
        }),
        { maxLength: 3 },
      ),
    }),
    F: provisions,
    G: provisions,
    H1: provisions,
    H2: provisions,
    I: fc.record({
      placement: fc.option(
        fc.record({
          institutionName: fc.option(maybeEmpty, { nil: null }),
          institutionType: fc.constantFrom(
            "mainstream",
            "resourced-provision",
            "special",
            "independent-special",
            "post-16",
            "other",
          ),
        }),
        { nil: null },
      ),
    }),
    J: fc.record({
      requested: fc.boolean(),
      items: fc.array(
        fc.record({
          provisionId: id,
          amountGBP: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
          arrangement: fc.constantFrom(
            "direct-payment",
            "organised-arrangement",
            "third-party",
            "combination",
          ),
          outcomesMet: richText,
        }),
        { maxLength: 2 },
      ),
      notes: richText,
    }),
    K: fc.record({
      advice: fc.array(
        fc.record({
          id,
          title: maybeEmpty,
          from: fc.record({ name: maybeEmpty, role: maybeEmpty }),
          agency: fc.constantFrom(
            "education",
            "health",
            "social-care",
            "family",
            "young-person",
            "other",
          ),
          requested: fc.option(date, { nil: null }),
          received: fc.option(date, { nil: null }),
          appended: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
    }),
  }),
}) as fc.Arbitrary<Plan>;
