import { formatJsonPath, labelAt, type Outcome } from "@ehcp/schema";
import type { RuleCheck, RuleContext, RuleFinding } from "../Rule.js";
import { isNumberWord } from "../text/numbers.js";
import { PhraseMatcher } from "../text/PhraseMatcher.js";
import { isNegated } from "../text/textHelpers.js";
import type { Token } from "../text/tokenize.js";

function eachOutcome(
  { plan, fieldAt }: RuleContext,
  check: (
    o: Outcome,
    label: string,
    path: string,
    text: string,
    tokens: readonly Token[],
  ) => RuleFinding | null,
): RuleFinding[] {
  return plan.sections.E.outcomes.flatMap((o, i) => {
    const path = formatJsonPath(["sections", "E", "outcomes", i]);
    const { text, tokens } = fieldAt(`${path}.statement`);
    return check(o, labelAt("E", i), path, text, tokens) ?? [];
  });
}

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december";
const TIME_IN_WORDS = new RegExp(
  `\\b(?:by|before|within|until|at the end of)\\b[^.;]{0,40}?\\b(?:${MONTHS}|20\\d\\d|year \\d+|key stage \\d|the end of|age \\d+|\\d+ (?:weeks|months)|(?:one|two|three|four|five|six|nine|twelve) (?:weeks|months)|christmas|easter|summer|autumn|spring)\\b`,
  "i",
);

export const outcomeNotTimeBound: RuleCheck = (context) =>
  eachOutcome(context, (o, label, path, text) =>
    o.byWhen !== null || TIME_IN_WORDS.test(text)
      ? null
      : {
          section: "E",
          target: o.id,
          path: `${path}.byWhen`,
          message: `${label} has no date by which it should be met. Set "by when", e.g. the end of the school year or the next key stage.`,
        },
  );

// Change with no yardstick: "will improve", "will be happier".
const VAGUE_CHANGE = new PhraseMatcher([
  "improve",
  "improves",
  "improved",
  "improvement",
  "develop",
  "develops",
  "progress",
  "make progress",
  "increase",
  "increased",
  "enhance",
  "happier",
  "more confident",
  "more independent",
  "better",
  "be aware",
  "feel",
  "understand",
  "enjoy",
]);
const MEASURE = new Set([
  "out",
  "independently",
  "every",
  "each",
  "level",
  "levels",
  "age-related",
  "standard",
  "score",
  "percent",
  "accurately",
  "consistently",
]);
const hasMeasure = (tokens: readonly Token[], text: string): boolean =>
  /%|\bwithout (?:prompting|prompts|adult|help|support|reminders)\b|\breading age\b|\bspelling age\b/i.test(
    text,
  ) || tokens.some((t) => isNumberWord(t.norm) || MEASURE.has(t.norm));

export const outcomeNotMeasurable: RuleCheck = (context) =>
  eachOutcome(context, (o, label, path, text, tokens) => {
    if (text.trim() === "") {
      return {
        section: "E",
        target: o.id,
        path: `${path}.statement`,
        message: `${label} has no statement. Say what ${context.childName} will be able to do, and how anyone will know.`,
      };
    }
    const change = VAGUE_CHANGE.find(tokens).find((m) => !isNegated(tokens, m.index, text));
    if (!change || hasMeasure(tokens, text)) return null;
    return {
      section: "E",
      target: o.id,
      path: `${path}.statement`,
      range: { from: change.start, to: change.end },
      message: `${label} says ${context.childName} will '${text.slice(change.start, change.end)}' but not by how much. Give something anyone can observe or count, e.g. "will read 40 words a minute in a book at his level" or "in 4 out of 5 lessons".`,
    };
  });

// An outcome says what the child will do or gain; these say what the child will be given.
const GIVEN = new PhraseMatcher([
  "will receive",
  "will continue to receive",
  "will be given",
  "will be provided",
  "will be offered",
  "will be supported",
  "will be taught",
  "will be helped",
  "will get",
  "will access",
  "will have access",
  "will continue to have",
]);
const WILL_HAVE = new PhraseMatcher(["will have"]);
const SUPPORT_NOUNS = new Set([
  "support",
  "1:1",
  "one-to-one",
  "help",
  "sessions",
  "therapy",
  "adult",
  "assistant",
  "ta",
  "lsa",
  "intervention",
  "interventions",
  "programme",
  "provision",
  "equipment",
  "input",
  "resources",
  "place",
]);
const PARTICIPLE =
  /(?:ed|en|nt|ne)$|^(?:made|built|read|met|won|begun|got|kept|held|found|left|become)$/;

export const outcomeIsProvision: RuleCheck = (context) =>
  eachOutcome(context, (o, label, path, text, tokens) => {
    let hit = GIVEN.find(tokens)[0];
    if (!hit) {
      hit = WILL_HAVE.find(tokens).find((m) => {
        const next = tokens[m.endIndex];
        if (!next || PARTICIPLE.test(next.norm)) return false;
        return tokens.slice(m.endIndex, m.endIndex + 4).some((t) => SUPPORT_NOUNS.has(t.norm));
      });
    }
    if (!hit) return null;
    return {
      section: "E",
      target: o.id,
      path: `${path}.statement`,
      range: { from: hit.start, to: hit.end },
      message: `${label} says what ${context.childName} '${text.slice(hit.start, hit.end)}', which is provision, not an outcome. Say what difference it will make: what ${context.childName} will be able to do. Put the support itself in section F.`,
    };
  });
