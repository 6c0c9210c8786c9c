import type { RuleCheck, RuleFinding } from "../Rule.js";

const FIRST_PERSON = new Set([
  "i",
  "me",
  "my",
  "mine",
  "myself",
  "i'm",
  "i've",
  "i'd",
  "i'll",
  "we",
  "us",
  "our",
]);
const THIRD_PERSON = new Set(["she", "he", "her", "his", "him", "they", "them", "their", "hers"]);

/**
 * The child's own view in A written about them rather than by them: "Mia likes horses". The
 * words may be a record of what the child said, but then they are someone else's account.
 */
export const viewInThirdPerson: RuleCheck = ({ plan, fields, childName }) => {
  const child = childName.toLowerCase();
  const findings: RuleFinding[] = [];
  const voiceOf = new Map(plan.sections.A.views.map((v) => [v.id, v.voice]));
  for (const field of fields) {
    if (field.section !== "A" || field.field !== "content") continue;
    const voice = voiceOf.get(field.target);
    if (voice !== "child" && voice !== "young-person") continue;
    const { tokens, text } = field;
    if (tokens.some((t) => FIRST_PERSON.has(t.norm))) continue;
    const about = tokens.find(
      (t) => t.norm === child || t.norm === `${child}'s` || THIRD_PERSON.has(t.norm),
    );
    if (!about) continue;
    findings.push({
      section: "A",
      target: field.target,
      path: field.path,
      range: { from: about.start, to: about.end },
      message: `${field.label} is ${childName}'s own view but is written about ${childName} ('${text.slice(about.start, about.end)}'). Write it as ${childName} said it or showed it, in the first person ("I like…"), or record it as a parent's or professional's view (CoP 9.62, section A).`,
    });
  }
  return findings;
};
