import { formatJsonPath, labelAt, NEEDS_SECTION_KEYS } from "@ehcp/schema";
import type { RuleCheck, RuleFinding } from "../Rule.js";
import { plainText } from "../text/plainText.js";

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
export const specialistAdviceMissing: RuleCheck = ({ plan, childName }) => {
  const advisers = plan.sections.K.advice
    .map((a) => `${a.title} ${a.from.role} ${a.from.name}`)
    .join("\n");
  const findings: RuleFinding[] = [];
  for (const s of SPECIALISMS) {
    if (s.adviser.test(advisers)) continue;
    const hit = firstMention(plan, s.need);
    if (!hit) continue;
    const { label, words, ...where } = hit;
    findings.push({
      ...where,
      message: `${label} describes ${s.impairment} ('${words}'), but section K lists no advice from ${s.who}. The educational advice on ${childName} must be given after consulting someone qualified to teach children with ${s.impairment} (reg 6(2)): ask for that advice, and add it to K.`,
    });
  }
  return findings;
};

function firstMention(plan: Parameters<RuleCheck>[0]["plan"], need: RegExp) {
  for (const key of NEEDS_SECTION_KEYS) {
    const needs = plan.sections[key].needs;
    for (let i = 0; i < needs.length; i++) {
      const n = needs[i]!;
      for (const [field, text] of [
        ["title", n.title],
        ["description", plainText(n.description)],
      ] as const) {
        const m = need.exec(text);
        if (!m || NEGATED_BEFORE.test(text.slice(0, m.index))) continue;
        return {
          section: key,
          target: n.id,
          path: formatJsonPath(["sections", key, "needs", i, field]),
          range: { from: m.index, to: m.index + m[0].length },
          label: labelAt(key, i),
          words: m[0],
        };
      }
    }
  }
  return null;
}
