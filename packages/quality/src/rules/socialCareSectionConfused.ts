import { formatJsonPath } from "@ehcp/schema";
import type { RuleCheck, RuleFinding } from "../Rule.js";

/** Whole years between a date of birth and today, both YYYY-MM-DD; null when either is unset. */
function ageOn(dateOfBirth: string, today: string): number | null {
  const [y, m, d] = dateOfBirth.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  if (!y || !m || !d || !ty || !tm || !td) return null;
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

// What section 2 of the Chronically Sick and Disabled Persons Act 1970 lists (practical help in
// the home, adaptations to it, outings and recreation, travel to them, holidays, meals, a
// telephone), or the Act itself named.
const SECTION_2 =
  /\b(?:section 2 of the chronically sick|s\.? ?2 csdpa|csdpa|chronically sick and disabled persons act|practical (?:assistance|help) (?:in|at|around) the home|help (?:in|around) the home|adaptations? (?:to|of) (?:the|his|her|their) (?:home|house|bathroom)|home adaptations?|disabled facilities grant|holidays?|meals? (?:at|in) (?:the )?home|telephone)\b/i;

// What is not: the Care Act's care and support for an adult, and Children Act provision such as
// residential short breaks (CFA explanatory notes, para 219) or a social worker's own work.
const NOT_SECTION_2 =
  /\b(?:care act|care and support plan|adult social care|adult services|residential short breaks?|overnight short breaks?|overnight stays?|overnights?|child in need|children act|section 17|s\.? ?17|looked after|social worker (?:visits?|support|will visit)|social work support)\b/i;

/**
 * H1 holds the social care provision that section 2 of the Chronically Sick and Disabled
 * Persons Act 1970 requires for a child under 18 (reg 12(1)(h)(i); CFA s.37(2)(e)); H2 any
 * other social care provision (reg 12(1)(h)(ii)), including a young person's adult care under
 * the Care Act 2014. An item in the wrong one is provision under the wrong duty.
 */
export const socialCareSectionConfused: RuleCheck = ({
  plan,
  thread,
  config,
  fieldAt,
  childName,
}) => {
  const age = ageOn(plan.meta.child.dateOfBirth, config.today);
  const findings: RuleFinding[] = [];
  for (const e of thread.provisions) {
    if (e.section !== "H1" && e.section !== "H2") continue;
    const path = formatJsonPath(["sections", e.section, "provisions", e.index, "what"]);
    const words = fieldAt(path).text;
    const where = { section: e.section, target: e.provision.id, path };
    if (e.section === "H1") {
      if (age !== null && age >= 18) {
        findings.push({
          ...where,
          message: `${e.label} is in H1, but ${childName} is ${age}: section 2 of the Chronically Sick and Disabled Persons Act 1970 applies to children under 18 (CFA s.37(2)(e)). Put ${childName}'s care and support (under the Care Act 2014) in H2.`,
        });
        continue;
      }
      const m = NOT_SECTION_2.exec(words);
      if (m) {
        findings.push({
          ...where,
          range: { from: m.index, to: m.index + m[0].length },
          message: `${e.label} is in H1, but '${m[0]}' is not provision under section 2 of the Chronically Sick and Disabled Persons Act 1970. Put it in H2, with the other social care provision ${childName} needs (reg 12(1)(h)(ii)).`,
        });
      }
      continue;
    }
    if (age === null || age >= 18) continue;
    const m = SECTION_2.exec(words);
    if (m && !NOT_SECTION_2.test(words)) {
      findings.push({
        ...where,
        range: { from: m.index, to: m.index + m[0].length },
        message: `${e.label} is in H2, but '${m[0]}' is provision for a disabled child under section 2 of the Chronically Sick and Disabled Persons Act 1970, which belongs in H1 (reg 12(1)(h)(i)): there the council must provide it for ${childName}.`,
      });
    }
  }
  return findings;
};
