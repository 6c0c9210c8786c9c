import type { PlanField } from "../planFields.js";
import type { RuleCheck, RuleFinding } from "../Rule.js";

const PROVISION_SECTIONS = new Set(["F", "G", "H1", "H2"]);

// A proper name ending in a kind of institution: "Hollins Park Primary School", "St Mary's
// Academy". Words that only describe the kind ("a mainstream primary school") are lower case.
const INSTITUTION =
  /\b(?:(?:St\.?|Saint)\s+)?(?:[A-Z][\p{L}'’-]*\s+){1,5}(?:School|Academy|College|Primary|Infants|Juniors|Nursery|High School|Grammar)\b/gu;
// Capitalised words that do not make a name: "The School", "Forest School" (an activity), "Our
// Lady" starts a name, so it is not here.
const NOT_A_NAME = new Set(
  "The A An This That Her His Their Your Mainstream Special Secondary Primary Local Current New Next Any Each Every Forest Sunday Summer Holiday After Breakfast Lunch Home School".split(
    " ",
  ),
);

/** A draft plan that names a school in the provision it describes. */
export const schoolNamedInDraft: RuleCheck = ({ plan, fields, childName, perField }) => {
  if (plan.meta.status !== "draft") return [];
  const findings: RuleFinding[] = [];
  for (const field of fields) {
    if (!PROVISION_SECTIONS.has(field.section)) continue;
    findings.push(...perField("school-named-in-draft", field, () => inField(field)));
  }
  return findings;

  function inField(field: PlanField): RuleFinding[] {
    const findings: RuleFinding[] = [];
    for (const m of field.text.matchAll(INSTITUTION)) {
      const words = m[0].split(/\s+/);
      const naming = words.slice(0, -1).filter((w) => !NOT_A_NAME.has(w.replace(/[’']s$/, "")));
      if (naming.length === 0) continue;
      findings.push({
        section: field.section,
        target: field.target,
        path: field.path,
        range: { from: m.index, to: m.index + m[0].length },
        message: `${field.label} names '${m[0]}', but this is a draft: the draft must not name the school or other institution (CFA s.38(5)(a)). Describe the provision so it can be made wherever ${childName} goes; the placement is named in section I of the final plan.`,
      });
    }
    return findings;
  }
};
