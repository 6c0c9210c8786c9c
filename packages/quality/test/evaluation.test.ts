import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS_DIR, halfOf, loadCorpus, score } from "./corpus.js";
import { checkPlantedPlans } from "./plantedPlans.js";

// `npm run eval` sets EHCP_EVAL=report (or tune, while writing rules) to print the figures, and
// writes EVALUATION.md from the reported half.
const HALF = process.env.EHCP_EVAL === "tune" ? "tune" : "report";

const corpus = loadCorpus();
const half = corpus.filter((item) => halfOf(item) === HALF);
const scores = score(half);

const fmt = (n: number) => n.toFixed(2);
const planted = checkPlantedPlans();

function report(): string {
  const count = (kind: string, h: string) =>
    corpus.filter((i) => i.kind === kind && halfOf(i) === h).length;
  const tuned = score(corpus.filter((item) => halfOf(item) === "tune"));
  const rows = scores.map((s, i) => {
    const t = tuned[i]!;
    return `| ${s.rule} | ${s.kind}s | ${fmt(s.precision)} | ${fmt(s.recall)} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${fmt(t.precision)} / ${fmt(t.recall)} |`;
  });
  return [
    "# The checker on its own corpus",
    "",
    "Written by `npm run eval` from the reported half of `packages/quality/corpus` (statements written for the project from the Code of Practice 9.66-9.69, L v Clarke and Somerset CC [1998], EC v North East Lincolnshire [2015] and IPSEA's guidance on specific provision). The corpus is split by a hash of each statement's words; rules are tuned on the other half only. Each statement is put into F1 or E1 of an otherwise well-written plan and the rules' findings on that item are compared with its labels.",
    "",
    `Reported half: ${count("provision", "report")} provision items and ${count("outcome", "report")} outcome statements (tuning half: ${count("provision", "tune")} and ${count("outcome", "tune")}).`,
    "",
    "| rule | on | precision | recall | true pos. | false pos. | missed | true neg. | tuning half P / R |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "## Plans with planted defects",
    "",
    "Each plan in `corpus/plans` is the well-written plan with defects planted in it and the findings they should cause; a finding is counted when its rule reports the planted item. 'Other' counts errors and warnings nobody planted.",
    "",
    "| plan | planted | found | missed | other errors and warnings |",
    "|---|---|---|---|---|",
    ...planted.map(
      (p) =>
        `| ${p.description} | ${p.expected.length} | ${p.found.length} | ${p.missed.join(", ") || "none"} | ${p.unexpected.join(", ") || "none"} |`,
    ),
    "",
    "The gap between the tuning half (every rule at or near 1.00) and the reported half is the honest measure of how far the rules generalise beyond wording they were shaped on; wording nobody here has seen will score lower still, and the corpus measures the rules against its author's reading of the sources. `EHCP_EVAL_DETAIL=1 npm run eval` lists the reported half's misses and false alarms: read them to find a kind of wording the rules do not know, then write new statements of that kind (which the hash splits between both halves) and tune on the tuning half; never change a rule for a reported statement.",
    "",
  ].join("\n");
}

// The reported half's figures when the rules were last changed (rounded down): a rule change
// that loses ground fails the build. Never lowered to let a change through. `EARLIER` holds on
// the statements the corpus had before its second round (the *-kinds.txt files, of the kinds
// the rules missed), third (*-language.txt, of the kinds the rules read wrongly as language),
// fourth (*-content.txt, outcomes whose words are what the child says, knows or counts) and
// fifth (*-fifth.txt, measures left open by a vague frequency, amount or condition, and access),
// sixth (*-sixth.txt, provision wording an outsider found the checker wrong on: a cue for a skill
// taught, leave given, a group's size, a start or an end left open, an amount that varies),
// seventh (*-seventh.txt) and eighth (*-eighth.txt, things given and arrangements that stand,
// qualifications by their titles), `ALL` on every statement: the new ones, half of them never tuned on, are harder, so the rules
// may score lower on all statements than on the earlier ones.
const EARLIER: Record<string, { precision: number; recall: number }> = {
  "provision vague-wording": { precision: 0.99, recall: 0.99 },
  "provision provision-hours-only": { precision: 1, recall: 1 },
  "provision provision-missing-who": { precision: 1, recall: 0.99 },
  "provision provision-missing-expertise": { precision: 1, recall: 0.99 },
  "provision provision-not-quantified": { precision: 0.99, recall: 0.99 },
  "outcome vague-wording": { precision: 0.99, recall: 0.99 },
  "outcome outcome-not-measurable": { precision: 0.99, recall: 0.99 },
  "outcome outcome-is-provision": { precision: 0.99, recall: 0.99 },
};
const ALL: Record<string, { precision: number; recall: number }> = {
  // Set again when the eighth round added things given and arrangements that stand, a kind the
  // quantity rule had no reading of: on the statements before it the reported half stays at
  // vague-wording P 0.98 and provision-not-quantified P 1.00 R 1.00 (the EARLIER floors hold),
  // and the round's own reported statements are what the reading does not yet generalise to.
  "provision vague-wording": { precision: 0.97, recall: 0.99 },
  "provision provision-hours-only": { precision: 1, recall: 1 },
  "provision provision-missing-who": { precision: 1, recall: 0.99 },
  "provision provision-missing-expertise": { precision: 1, recall: 0.99 },
  "provision provision-not-quantified": { precision: 0.87, recall: 0.99 },
  // Raised when outcome-not-measurable came to read a measure left open by a vague frequency,
  // an amount that counts nothing or a condition (the fifth round). The labels were made one
  // convention first (corpus/README.md); on the statements before the fifth round alone the
  // reported half gives vague-wording P 0.95 R 0.97, outcome-not-measurable P 0.99 R 0.97 and
  // outcome-is-provision P 0.97 R 1.00.
  "outcome vague-wording": { precision: 0.96, recall: 0.97 },
  "outcome outcome-not-measurable": { precision: 0.99, recall: 0.97 },
  "outcome outcome-is-provision": { precision: 0.97, recall: 1 },
};
const earlier = score(
  half.filter(
    (item) =>
      !["-kinds", "-language", "-content", "-fifth", "-sixth", "-seventh", "-eighth"].some(
        (round) => item.file.includes(round),
      ),
  ),
);

describe(`the checker on the ${HALF} half of its corpus`, () => {
  it.skipIf(HALF !== "report")("keeps its precision and recall on the reported half", () => {
    for (const [floors, measured, which] of [
      [EARLIER, earlier, "earlier statements"],
      [ALL, scores, "all statements"],
    ] as const) {
      for (const s of measured) {
        const floor = floors[`${s.kind} ${s.rule}`];
        expect(floor, `${s.kind} ${s.rule} has a floor`).toBeDefined();
        expect(s.precision, `${s.rule} on ${s.kind}s, ${which}: precision`).toBeGreaterThanOrEqual(
          floor!.precision,
        );
        expect(s.recall, `${s.rule} on ${s.kind}s, ${which}: recall`).toBeGreaterThanOrEqual(
          floor!.recall,
        );
      }
    }
  });

  it("has at least 400 provision items and 150 outcome statements, about half of them bad", () => {
    const provisions = corpus.filter((i) => i.kind === "provision");
    const outcomes = corpus.filter((i) => i.kind === "outcome");
    expect(provisions.length).toBeGreaterThanOrEqual(400);
    expect(outcomes.length).toBeGreaterThanOrEqual(150);
    for (const items of [provisions, outcomes]) {
      const bad = items.filter((i) => i.expected.size > 0).length / items.length;
      expect(bad).toBeGreaterThan(0.35);
      expect(bad).toBeLessThan(0.65);
    }
  });

  it("finds every planted defect, and no error or warning nobody planted", () => {
    expect(planted.length).toBeGreaterThanOrEqual(6);
    for (const p of planted) {
      expect(p.missed, `${p.file}: missed`).toEqual([]);
      expect(p.unexpected, `${p.file}: not planted`).toEqual([]);
    }
  });

  it("prints precision and recall per rule", () => {
    for (const s of scores) {
      console.log(
        `${s.rule.padEnd(28)} ${s.kind.padEnd(9)} P ${fmt(s.precision)} R ${fmt(s.recall)}`,
      );
      if (process.env.EHCP_EVAL_DETAIL) {
        for (const m of s.misses) console.log(`   missed: ${m}`);
        for (const m of s.falseAlarms) console.log(`   false alarm: ${m}`);
      }
    }
    if (HALF === "report" && process.env.EHCP_EVAL) {
      writeFileSync(join(CORPUS_DIR, "..", "EVALUATION.md"), report());
    }
    expect(half.length).toBeGreaterThan(0);
  });
});
