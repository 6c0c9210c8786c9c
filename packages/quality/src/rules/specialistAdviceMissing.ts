import { NEEDS_SECTION_KEYS, SECTION_KEYS } from "@ehcp/schema";
import type { PlanField } from "../planFields.js";
import type { RuleCheck, RuleContext, RuleFinding } from "../Rule.js";

interface Specialism {
  /** The impairment as the needs describe it. */
  readonly need: RegExp;
  /** Who can advise on it, as section K names them. */
  readonly adviser: RegExp;
  readonly impairment: string;
  readonly who: string;
}

const SPECIALISMS: readonly Specialism[] = [
  {
    need: /\b(?:deaf|deafness|hearing[- ](?:impairment|impaired|loss)|hard of hearing|cochlear implants?|hearing aids?)\b/i,
    adviser:
      /teacher of (?:the )?deaf|\bQ?ToD\b|hearing (?:impair\w*|support)|\bHI (?:teacher|service|team)\b|sensory (?:support|impairment) (?:service|team|teacher)|multi-?sensory impair/i,
    impairment: "a hearing impairment",
    who: "a qualified teacher of the deaf",
  },
  {
    need: /\b(?:blind|blindness|visual(?:ly)?[- ]impair\w*|vision impair\w*|sight loss|partially sighted|cortical visual impairment|CVI|low vision)\b/i,
    adviser:
      /teacher of (?:the )?(?:visually impaired|vision|blind)|\bQTVI\b|\bVI (?:teacher|service|team)\b|vision (?:support|impair\w*)|visual impairment|sensory (?:support|impairment) (?:service|team|teacher)|multi-?sensory impair/i,
    impairment: "a vision impairment",
    who: "a qualified teacher of children with vision impairment (QTVI)",
  },
];

const NEGATED_BEFORE = /\b(?:no|not|without|nor|never|ruled out|excluded)\b[^.;]{0,20}$/i;

/**
 * A child whose needs include a hearing or vision impairment, with no advice in K from someone
 * qualified to teach children with it (reg 6(2): the educational advice must be given after
 * consulting such a person).
 */
export const specialistAdviceMissing: RuleCheck = ({ plan, fields, childName, byKey }) => {
  const advisers = plan.sections.K.advice
    .map((a) => `${a.title} ${a.from.role} ${a.from.name}`)
    .join("\n");
  // All it reads: the advisers, the child's name and the needs' fields (the same objects while
  // a need is as it was).
  const needs: unknown[] = [advisers, childName];
  for (const field of fields) {
    // The fields come in document order: past the needs' sections, none is a need's.
    if (PAST_NEEDS.has(field.section)) break;
    if (isNeedText(field)) needs.push(field);
  }
  return byKey("specialist-advice-missing", needs, () => findings(fields, advisers, childName));
};

function findings(
  fields: RuleContext["fields"],
  advisers: string,
  childName: string,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const s of SPECIALISMS) {
    if (s.adviser.test(advisers)) continue;
    const hit = firstMention(fields, s);
    if (!hit) continue;
    const { label, words, ...where } = hit;
    findings.push({
      ...where,
      message: `${label} describes ${s.impairment} ('${words}'), but section K lists no advice from ${s.who}. The educational advice on ${childName} must be given after consulting someone qualified to teach children with ${s.impairment} (reg 6(2)): ask for that advice, and add it to K.`,
    });
  }
  return findings;
}

const NEEDS_SECTIONS: ReadonlySet<string> = new Set(NEEDS_SECTION_KEYS);
const PAST_NEEDS: ReadonlySet<string> = new Set(
  SECTION_KEYS.slice(Math.max(...NEEDS_SECTION_KEYS.map((k) => SECTION_KEYS.indexOf(k))) + 1),
);

const isNeedText = (field: PlanField) =>
  NEEDS_SECTIONS.has(field.section) && (field.field === "title" || field.field === "description");

/** The first need's title or description, in document order, that names the impairment. */
function firstMention(fields: RuleContext["fields"], s: Specialism) {
  for (const field of fields) {
    if (!isNeedText(field)) continue;
    const m = s.need.exec(field.text);
    if (!m || NEGATED_BEFORE.test(field.text.slice(0, m.index))) continue;
    return {
      section: field.section,
      target: field.target,
      path: field.path,
      range: { from: m.index, to: m.index + m[0].length },
      label: field.label,
      words: m[0],
    };
  }
  return null;
}
