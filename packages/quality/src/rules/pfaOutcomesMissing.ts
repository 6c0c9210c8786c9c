import type { RuleCheck } from "../Rule.js";

/** The year group as a number (Reception 0, Nursery -1, post-16 12), or null if it cannot be read. */
export function yearNumber(yearGroup: string): number | null {
  const year = /\b(?:year|yr|y)\s*(\d{1,2})\b/i.exec(yearGroup);
  if (year) return Number(year[1]);
  if (/\breception\b/i.test(yearGroup)) return 0;
  if (/\bnursery\b|\bpre-?school\b|\bearly years\b/i.test(yearGroup)) return -1;
  if (/post[- ]?16|sixth form|college|further education|\bfe\b|apprentice/i.test(yearGroup))
    return 12;
  return null;
}

/** Whole years between a date of birth and a day, both YYYY-MM-DD. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export const pfaOutcomesMissing: RuleCheck = ({ plan, config, childName }) => {
  const year = yearNumber(plan.meta.child.yearGroup);
  const age = ageOn(plan.meta.child.dateOfBirth, config.today);
  const fromYear = year !== null && year >= config.pfaFromYear;
  const fromAge = age >= config.pfaFromAge;
  if (!fromYear && !fromAge) return [];
  if (plan.sections.E.outcomes.some((o) => o.pfa !== null)) return [];
  const why = fromYear ? `in ${plan.meta.child.yearGroup}` : `${age} years old`;
  return [
    {
      section: "E",
      target: "E",
      path: "sections.E.outcomes",
      message: `${childName} is ${why}, so the plan must include outcomes that prepare for adulthood (employment, independent living, community, health), but no outcome is marked as one (reg 12(3); CoP 9.66).`,
    },
  ];
};
