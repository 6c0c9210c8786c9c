import { formatJsonPath, labelAt } from "@ehcp/schema";
import type { RuleCheck, RuleFinding } from "../Rule.js";

// Names of conditions, which say what a child has been diagnosed with, not what they find hard.
const DIAGNOSES = new Set(
  (
    "autism autistic asd asc adhd add dyslexia dyslexic dyspraxia dyspraxic dcd dyscalculia " +
    "dysgraphia down down's downs syndrome cerebral palsy epilepsy epileptic global developmental " +
    "delay gdd mld sld pmld spld slcn semh pda odd ocd fasd tourette's tourettes dld"
  ).split(" "),
);
// Words of a label, which with a diagnosis still say nothing of how the need shows.
const LABEL_WORDS = new Set(
  (
    "developmental language learning difficulty difficulties moderate severe profound multiple " +
    "specific social emotional mental health speech communication needs need attention deficit " +
    "hyperactivity disorder spectrum condition conditions disorders coordination sensory " +
    "processing impairment anxiety"
  ).split(" "),
);
// Words that join a diagnosis into a sentence without saying anything about the child.
const FILLER = new Set(
  (
    "has have had a an the of with and or diagnosis diagnosed diagnoses is are was been she he " +
    "they her his their also as by in a-n which who formal confirmed suspected query queried " +
    "awaiting assessment for"
  ).split(" "),
);

const HOW_IT_SHOWS: Readonly<Record<string, (name: string, their: string) => string>> = {
  "communication-interaction": (n, t) =>
    `how ${n} understands what others say, how ${n} makes ${t} needs known and what is hard with other children`,
  "cognition-learning": (n, t) =>
    `what ${n} can read, write and do with number now, and what gets in ${t} way when learning`,
  semh: (n) => `what ${n} finds hard to manage, when it happens and what it looks like`,
  "sensory-physical": (n) => `what ${n} can see, hear or do physically, and what gets in the way`,
};

/** A special educational need in B written only as a diagnosis (CoP 9.69: needs specified). */
export const needIsDiagnosis: RuleCheck = ({ thread, fieldAt, childName, childPossessive }) => {
  const findings: RuleFinding[] = [];
  const child = childName.toLowerCase();
  for (const { need: n, section, index: i } of thread.needs) {
    if (section !== "B") continue;
    const at = (field: string) => formatJsonPath(["sections", "B", "needs", i, field]);
    const description = fieldAt(at("description"));
    const { text, tokens: words } =
      description.text.trim() === "" ? fieldAt(at("title")) : description;
    if (!words.some((t) => DIAGNOSES.has(t.norm))) continue;
    const label_ = words.filter((t) => DIAGNOSES.has(t.norm) || LABEL_WORDS.has(t.norm));
    const only = words.every(
      (t) =>
        DIAGNOSES.has(t.norm) ||
        LABEL_WORDS.has(t.norm) ||
        FILLER.has(t.norm) ||
        t.norm === child ||
        t.norm === `${child}'s`,
    );
    if (!only) continue;
    const first = label_[0]!;
    const last = label_[label_.length - 1]!;
    const label = labelAt("B", i);
    const said = text.slice(first.start, last.end);
    findings.push({
      section: "B",
      target: n.id,
      path: at(description.text.trim() === "" ? "title" : "description"),
      range: { from: first.start, to: last.end },
      message: `${label} gives only a diagnosis ('${said}'). Describe ${childName}'s needs as they show: ${(HOW_IT_SHOWS[n.area] ?? HOW_IT_SHOWS["cognition-learning"]!)(childName, childPossessive)}. Every need must be specified so that provision can be matched to it (CoP 9.69).`,
    });
  }
  return findings;
};
