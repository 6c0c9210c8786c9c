import { formatJsonPath, type Frequency } from "@ehcp/schema";
import type { RuleCheck, RuleFinding } from "../Rule.js";
import { isTimeOfDay } from "../text/findFrequency.js";
import { numberValue } from "../text/numbers.js";

type Period = Frequency["per"];

const PERIOD_WORD: Readonly<Record<string, Period>> = {
  day: "day",
  week: "week",
  fortnight: "fortnight",
  term: "term",
  "half-term": "half-term",
  year: "year",
};
interface Said {
  readonly sessions: number | null;
  readonly per: Period | null;
  readonly minutes: number | null;
  readonly from: number;
  readonly to: number;
}

const COUNT = String.raw`(\d+|once|twice|one|two|three|four|five|six|seven|eight|nine|ten)`;
// "3 times a week", "twice each day", "two sessions per week", "4 x 30 minutes a week".
const HOW_OFTEN = new RegExp(
  String.raw`\b${COUNT}(?:\s+(?:times|sessions?|lessons?|visits?|days|mornings|afternoons|evenings|nights)|(?=\s+(?:a|an|per|each|every)\s))?\s+(?:a|an|per|each|every)\s+(day|week|fortnight|term|half-term|year)\b`,
  "gi",
);
// Only a count said with its period is judged: "daily" or "each half-term" often tells how
// often something else happens ("progress shared with her parents each half-term").
// "sessions of 30 minutes", "a 20-minute session", "30 minutes each time".
const LENGTH = new RegExp(
  String.raw`\b(?:sessions?|lessons?|visits?|blocks?)\s+of\s+(\d+)\s*(?:minutes?|mins?)\b|\b(\d+)[- ]minute\s+(?:sessions?|lessons?|visits?|blocks?)\b`,
  "gi",
);
const RANGE_NEAR = /(?:\d|\b(?:one|two|three|four|five|six))\s*(?:-|–|—|to|or)\s*$/i;

function said(text: string): Said[] {
  const out: Said[] = [];
  for (const m of text.matchAll(HOW_OFTEN)) {
    if (RANGE_NEAR.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // "Meets him at 08:30 each day": a time of day, not 30 a day.
    if (isTimeOfDay(text, m.index, m.index + m[1]!.length)) continue;
    const word = m[1]!.toLowerCase();
    const sessions = word === "once" ? 1 : word === "twice" ? 2 : numberValue(word);
    out.push({
      sessions,
      per: PERIOD_WORD[m[2]!.toLowerCase()] ?? null,
      minutes: null,
      from: m.index,
      to: m.index + m[0].length,
    });
  }
  for (const m of text.matchAll(LENGTH)) {
    out.push({
      sessions: null,
      per: null,
      minutes: Number(m[1] ?? m[2]),
      from: m.index,
      to: m.index + m[0].length,
    });
  }
  return out;
}

/** What in the words disagrees with the structured frequency, if anything. */
function disagreement(field: Frequency, words: readonly Said[]): Said | null {
  const often = words.filter((s) => s.per !== null);
  const lengths = words.filter((s) => s.minutes !== null);
  // Two frequencies in one description describe its parts; the rule judges one.
  if (often.length === 1) {
    const s = often[0]!;
    const n = s.sessions ?? 1;
    // "Twice a day" beside 10 or 14 a week agrees.
    if (s.per === "day" && field.per === "week") {
      if (field.sessions !== n * 5 && field.sessions !== n * 7) return s;
    } else if (s.per !== field.per || n !== field.sessions) return s;
  }
  if (lengths.length === 1 && lengths[0]!.minutes !== field.minutes) return lengths[0]!;
  return null;
}

const describe = (f: Frequency) =>
  `${f.sessions} × ${f.minutes} minutes a ${f.per === "half-term" ? "half-term" : f.per}`;

/** The description says one amount, the frequency field another (CoP 9.69: no room for doubt). */
export const frequencyContradictsField: RuleCheck = ({ thread, fieldAt, childName, perField }) => {
  const findings: RuleFinding[] = [];
  for (const e of thread.provisions) {
    const frequency = e.provision.frequency;
    if (!frequency) continue;
    const path = formatJsonPath(["sections", e.section, "provisions", e.index, "what"]);
    const { text } = fieldAt(path);
    if (!text) continue;
    const words = perField(
      "frequency-contradicts-field",
      { path, text, label: e.label, target: e.provision.id },
      () => said(text),
    );
    const s = disagreement(frequency, words);
    if (!s) continue;
    findings.push({
      section: e.section,
      target: e.provision.id,
      path,
      range: { from: s.from, to: s.to },
      message: `${e.label} says '${text.slice(s.from, s.to)}' but its frequency is ${describe(frequency)}. Make them agree, or take the amount out of the words: a plan with two answers leaves room for doubt about what ${childName} will get (CoP 9.69; L v Clarke [1998]).`,
    });
  }
  return findings;
};
