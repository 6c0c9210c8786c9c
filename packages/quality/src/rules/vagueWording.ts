import type { SectionKey } from "@ehcp/schema";
import type { PlanField } from "../planFields.js";
import type { RuleCheck, RuleFinding } from "../Rule.js";
import { DEFAULT_VAGUE_WORDS } from "../defaults/vagueWords.js";
import { accessedThing } from "../text/accessedThing.js";
import { matcherFor } from "../text/matcherFor.js";
import { forTheChild } from "../text/forTheChild.js";
import { settingWords } from "../text/settingWords.js";
import type { Token } from "../text/tokenize.js";
import { isPlaceholder } from "./provisionFields.js";
import { inRanges, isNegated, quotedRanges } from "../text/textHelpers.js";
import {
  accessSpan,
  CONTENT_BEFORE,
  findVagueness,
  isAmountUnit,
  isLengthCap,
  regularHasInterval,
  OUTCOME_VAGUENESS_ADVICE,
  VAGUENESS_ADVICE,
  withoutOverlaps,
} from "../text/vagueness.js";

const SECTIONS = new Set<SectionKey>(["E", "F", "G", "H1", "H2"]);

const KEY_ADULT = DEFAULT_VAGUE_WORDS["key adult"];

// "Regular" is vague only when nothing near it says how often.
const NEEDS_FREQUENCY_NEARBY = new Set(["regular", "regularly"]);

const NAMED_ROLE =
  /^\s*(?:,|\(|–|—|-)\s*(?:(?:the|her|his|their|a|an)\s+)?(?:[\w'-]+\s+){0,3}(?:teacher|assistant|ta|lsa|senco|mentor|elsa|practitioner|keyworker|worker|coordinator|co-ordinator|tutor|therapist)\b/i;

// "Her key adult", "the key adult": someone already named; "a key adult" is someone not yet chosen.
const refersBack = (tokens: readonly { norm: string }[], i: number) =>
  /^(?:her|his|their|the|this|that|same)$/.test(tokens[i - 1]?.norm ?? "");

/** Whether a role's name follows the words, set off by a comma or brackets. */
const namedBeside = (text: string, end: number) => NAMED_ROLE.test(text.slice(end, end + 60));

export const vagueWording: RuleCheck = ({
  fields,
  config,
  childName,
  childPossessive,
  perField,
  perText,
  fieldAt,
  plan,
}) => {
  const matcher = matcherFor(config.vagueWords);
  // The examples in the advice name the child's setting's adults and periods.
  const where = settingWords(plan);
  // Remembered apart for each setting, so no field's key is built again for it.
  const remembered = `vague-wording\u0000${where.setting}`;
  const findings: RuleFinding[] = [];
  for (const field of fields) {
    if (!SECTIONS.has(field.section)) continue;
    // A provision's words are read with its "who delivers it", which can name the role the
    // words refer to ("her key adult"); they are remembered by both.
    const who =
      field.field === "what" && field.section !== "E"
        ? fieldAt(field.path.replace(/\.what$/, ".deliveredBy"))
        : null;
    const key = who ? { ...field, text: `${field.text}\u0000${who.text}` } : field;
    findings.push(...perField(remembered, key, () => inField(field, who)));
  }
  return findings;

  function inField(
    field: PlanField,
    who: Pick<PlanField, "text" | "tokens"> | null,
  ): RuleFinding[] {
    const whoIsNamed =
      who !== null && who.text.trim() !== "" && !isPlaceholder(who.text, who.tokens);
    const findings: RuleFinding[] = [];
    const { text, tokens } = field;
    const quoted = quotedRanges(text);
    const found: { start: number; end: number; advice: string }[] = [];
    // The council's list first: its advice is the council's own.
    for (const match of matcher.find(tokens)) {
      if (isNegated(tokens, match.index, text) || inRanges(quoted, match.start)) continue;
      if (NEEDS_FREQUENCY_NEARBY.has(match.phrase) && regularHasInterval(tokens, match.index, text))
        continue;
      if (match.phrase === "access to" && accessSpan(tokens, match.index) === null) continue;
      // "Her key adult, the class teaching assistant,": the role is named beside it.
      // "Her key adult" in the words, with the role given as who delivers it, is that role.
      // In an outcome "her key adult" is the person the child already has, whom she tells or greets.
      if (
        match.phrase === "key adult" &&
        (namedBeside(text, match.end) ||
          (whoIsNamed && refersBack(tokens, match.index)) ||
          (field.section === "E" &&
            refersBack(tokens, match.index) &&
            !/^(?:will|to|should|can|must)$/.test(tokens[match.endIndex]?.norm ?? "")))
      )
        continue;
      // In an outcome, "a group of up to four children" is the size of the task the child does,
      // not a cap on what is given; "write up to 5 sentences" and "for up to 10 minutes" are
      // still no measure of the child.
      if (
        match.phrase.startsWith("up to") &&
        (isLengthCap(tokens, match.index, match.endIndex, text) ||
          CONTENT_BEFORE.has(tokens[match.index - 1]?.norm ?? "") ||
          (field.section === "E" &&
            tokens[match.index - 1]?.norm === "of" &&
            !isAmountUnit(tokens[match.endIndex]?.norm ?? "")))
      )
        continue;
      found.push({
        start: match.start,
        end: match.end,
        advice:
          // The fix names the item's own deliverer, not another provision's training.
          match.phrase === "key adult" &&
          whoIsNamed &&
          config.vagueWords[match.phrase] === KEY_ADULT
            ? `name the role: if the key adult is the ${who!.text.trim()} given as who delivers it, say so, with their training`
            : forTheChild(config.vagueWords[match.phrase] ?? "", childName),
      });
    }
    if (config.judgeVagueness) {
      const inProvision = field.section !== "E";
      const statement = field.field === "what";
      // The same words in another field read the same (what follows depends on the field).
      const spans = perText(`vagueness ${inProvision} ${statement} ${childName}`, text, () =>
        findVagueness(text, tokens, childName, inProvision, statement),
      );
      for (const span of spans) {
        const words = text.slice(span.start, span.end).toLowerCase();
        if (config.vagueAllowed.some((w) => words.includes(w) || w.includes(words))) continue;
        found.push({
          start: span.start,
          end: span.end,
          advice:
            field.section === "E"
              ? OUTCOME_VAGUENESS_ADVICE[span.kind](childName, childPossessive, where)
              : VAGUENESS_ADVICE[span.kind](childName, where),
        });
      }
    }
    for (const { start, end, advice } of withoutOverlaps(found)) {
      if (field.section === "E" && childsOwnWords(text, tokens, start, end)) continue;
      findings.push({
        section: field.section,
        target: field.target,
        path: field.path,
        range: { from: start, to: end },
        message: `${field.label} says '${text.slice(start, end)}' — ${advice}.`,
      });
    }
    return findings;
  }
};

// What the child must suit, say, take or reach, as an outcome's measure: "clothes appropriate to
// the weather" (not "appropriate to her needs" or "appropriate support for her", which a reader
// must judge), "take up the chance to answer" (the child's act, not an offer), "such as \"get
// your coat\"" (the words illustrate a level the statement fixes), "access the toilet on his
// own" (a place the child gets to, not a service given).
const FITS_WHAT =
  /^(?:\s+(?!(?:support|help|provision|resources|strategies|adjustments|interventions?|differentiation)\b)[\p{L}-]+){0,2}?\s+(?:to|for)\s+(?:(?:the|his|her|their|its|a|an)\s+)?(?!(?:needs?|levels?|age|abilit\w*|stage|development|understanding|situation|circumstances|him|her|them|me|us)\b)\p{L}/iu;
const CHILD_TAKES =
  /\b(?:take|takes|taking|take up|takes up|seize|seizes|use|uses)\s+(?:the|an?|every|each)?\s*$/i;

function childsOwnWords(
  text: string,
  tokens: readonly Token[],
  start: number,
  end: number,
): boolean {
  const words = text.slice(start, end).toLowerCase();
  const after = text.slice(end, end + 60);
  if (/^(?:appropriate|suitable)$/.test(words)) return FITS_WHAT.test(after);
  // "Will access her emails", "the school library": what the child uses or goes to by themselves.
  if (/^(?:will |can )?access$/.test(words)) {
    const at = tokens.findIndex((t) => t.end === end);
    return at >= 0 && accessedThing(tokens, at, text) === "own";
  }
  if (/^(?:the )?(?:chance|opportunit\w*)/.test(words))
    return CHILD_TAKES.test(text.slice(Math.max(0, start - 20), start));
  if (/^(?:such as|for example|e\.g\.?|for instance)$/.test(words))
    return /^\s*,?\s*["“‘]/.test(after);
  return false;
}
