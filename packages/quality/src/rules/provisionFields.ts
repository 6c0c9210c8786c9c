import { formatJsonPath, type ProvisionSectionKey } from "@ehcp/schema";
import type { RuleCheck, RuleContext, RuleFinding } from "../Rule.js";
import type { ProvisionEntry } from "../Thread.js";
import { hasDuration, hasFrequency } from "../text/findFrequency.js";
import { isNumberWord } from "../text/numbers.js";
import type { Token } from "../text/tokenize.js";

const fieldPath = (e: ProvisionEntry, field: string) =>
  formatJsonPath(["sections", e.section, "provisions", e.index, field]);

function eachProvision(
  { thread }: RuleContext,
  sections: readonly ProvisionSectionKey[],
  check: (e: ProvisionEntry, label: string) => RuleFinding | null,
): RuleFinding[] {
  return thread.provisions
    .filter((e) => sections.includes(e.section))
    .flatMap((e) => check(e, e.label) ?? []);
}

/** Says how often and how long in words, where the structured fields were left empty. */
const quantifiedInWords = (tokens: readonly Token[]): boolean =>
  hasFrequency(tokens) && hasDuration(tokens, isNumberWord);

export const provisionNotQuantified: RuleCheck = (context) =>
  eachProvision(context, ["F"], (e, label) => {
    const p = e.provision;
    if (p.frequency || p.hoursPerWeek !== null) return null;
    if (quantifiedInWords(context.fieldAt(fieldPath(e, "what")).tokens)) return null;
    return {
      section: e.section,
      target: p.id,
      path: fieldPath(e, "frequency"),
      message: `${label} does not say how much: give how often and for how long (e.g. 3 × 20 minutes a week) or the hours a week. Provision must be quantified (CoP 9.69).`,
    };
  });

// "To what end": a purpose ("to build", "so that", "in order to") or an activity named with it.
const PURPOSE =
  /\b(?:to|so that|in order to|aimed at|focus(?:ing|ed)? on|working on|targeting|towards)\b/i;
const FILLER = new Set([
  "hours",
  "hour",
  "hrs",
  "of",
  "a",
  "an",
  "the",
  "per",
  "week",
  "weekly",
  "support",
  "1:1",
  "one-to-one",
  "adult",
  "ta",
  "in",
  "class",
  "school",
  "with",
  "and",
  "lessons",
  "all",
]);

export const provisionHoursOnly: RuleCheck = (context) =>
  eachProvision(context, ["F", "G", "H1", "H2"], (e, label) => {
    const p = e.provision;
    if (p.hoursPerWeek === null || p.frequency !== null) return null;
    const { text, tokens } = context.fieldAt(fieldPath(e, "what"));
    const substance = tokens.filter((t) => !FILLER.has(t.norm) && !isNumberWord(t.norm));
    if (PURPOSE.test(text) && substance.length >= 4) return null;
    return {
      section: e.section,
      target: p.id,
      path: fieldPath(e, "what"),
      message: `${label} gives ${p.hoursPerWeek} hours a week but not what is done in them or to what end. Say what the adult does with ${context.childName}, and what it is for (EC v North East Lincolnshire [2015]).`,
    };
  });

const NO_ONE = /^\s*(?:tbc|tbd|tba|n\/?a|none|unknown|-+|\?+)?\s*$/i;

export const provisionMissingWho: RuleCheck = (context) =>
  eachProvision(context, ["F", "G", "H1", "H2"], (e, label) =>
    NO_ONE.test(e.provision.deliveredBy)
      ? {
          section: e.section,
          target: e.provision.id,
          path: fieldPath(e, "deliveredBy"),
          message: `${label} does not say who delivers it. Name the role, e.g. "teaching assistant" or "speech and language therapist".`,
        }
      : null,
  );

export const provisionMissingExpertise: RuleCheck = (context) =>
  eachProvision(context, ["F", "G", "H1", "H2"], (e, label) =>
    NO_ONE.test(e.provision.expertise)
      ? {
          section: e.section,
          target: e.provision.id,
          path: fieldPath(e, "expertise"),
          message: `${label} does not say what training or expertise the person delivering it needs, e.g. "trained in the Zones of Regulation" or "HCPC-registered".`,
        }
      : null,
  );

export const provisionRatioMissing: RuleCheck = (context) =>
  eachProvision(context, ["F"], (e, label) =>
    e.provision.ratio === null || NO_ONE.test(e.provision.ratio)
      ? {
          section: e.section,
          target: e.provision.id,
          path: fieldPath(e, "ratio"),
          message: `${label} does not give a ratio or group size, e.g. 1:1, 1:3 or whole class.`,
        }
      : null,
  );
