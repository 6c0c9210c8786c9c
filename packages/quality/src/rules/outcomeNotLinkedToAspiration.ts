import { formatJsonPath, labelAt } from "@ehcp/schema";
import type { RuleCheck, RuleFinding } from "../Rule.js";
import type { LanguageReading } from "../text/readLanguage.js";

// Words of wanting and of any life, which link nothing: "she would like to be happy in the future".
const EMPTY = new Set(
  (
    "want like hope wish would love be have get go make do able thing things time day days year " +
    "years life future good well happy lot way people everyone someone something anything " +
    "parent parents mum dad child son daughter family home school when later grow grown up " +
    "feel feels know think see say let help need needs keep try start"
  ).split(" "),
);
const CONTENT = new Set(["NOUN", "VERB", "ADJ"]);

/** Content words of a text by their dictionary form: the words that say what it is about. */
function contentWords(reading: LanguageReading): string[] {
  const out: string[] = [];
  for (const s of reading.sentences)
    for (const w of s.words)
      if (CONTENT.has(w.pos) && w.lemma.length > 2 && !EMPTY.has(w.lemma)) out.push(w.lemma);
  return out;
}

// "Independent" and "independence", "friend" and "friendship": one word's root in the other's.
const related = (a: string, b: string) =>
  a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));

/**
 * An aspiration in A that no outcome in E works towards: outcomes should be drawn from what the
 * child and family hope for (CoP 9.64, 9.66), so a plan whose outcomes share nothing with an
 * aspiration has not connected them. Judged on the words' dictionary forms, so "travel on her
 * own" meets "will travel to school" and "work with animals" meets "work experience at a vet's".
 */
export const outcomeNotLinkedToAspiration: RuleCheck = ({
  plan,
  languageAt,
  fieldAt,
  childName,
  perField,
}) => {
  const outcomes = plan.sections.E.outcomes;
  if (outcomes.length === 0) return [];
  const hasAspirations = plan.sections.A.views.some((v) => v.topic === "aspirations");
  if (!hasAspirations) return [];
  const outcomeWords = outcomes.flatMap((o, i) => {
    const path = formatJsonPath(["sections", "E", "outcomes", i, "statement"]);
    const { text } = fieldAt(path);
    const key = { path, text, label: labelAt("E", i), target: o.id };
    return perField("outcome-not-linked-to-aspiration", key, () => contentWords(languageAt(path)));
  });
  const findings: RuleFinding[] = [];
  plan.sections.A.views.forEach((v, i) => {
    if (v.topic !== "aspirations") return;
    const path = formatJsonPath(["sections", "A", "views", i, "content"]);
    const hopes = contentWords(languageAt(path));
    if (hopes.length === 0) return;
    if (hopes.some((h) => outcomeWords.some((o) => related(h, o)))) return;
    findings.push({
      section: "A",
      target: v.id,
      path,
      message: `${labelAt("A", i)} sets out the aspirations for ${childName}, but no outcome in E works towards any of them. Agree at least one outcome with ${childName} and the family that is a step towards what they hope for (CoP 9.64, 9.66).`,
    });
  });
  return findings;
};
