import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS_DIR, halfOf, loadCorpus, score } from "./corpus.js";

// `npm run eval` sets EHCP_EVAL=report (or tune, while writing rules) to print the figures, and
// writes EVALUATION.md from the reported half.
const HALF = process.env.EHCP_EVAL === "tune" ? "tune" : "report";

const corpus = loadCorpus();
const half = corpus.filter((item) => halfOf(item) === HALF);
const scores = score(half);

const fmt = (n: number) => n.toFixed(2);

function report(): string {
  const count = (kind: string, h: string) =>
    corpus.filter((i) => i.kind === kind && halfOf(i) === h).length;
  const rows = scores.map(
    (s) =>
      `| ${s.rule} | ${s.kind}s | ${fmt(s.precision)} | ${fmt(s.recall)} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} |`,
  );
  return [
    "# The checker on its own corpus",
    "",
    "Written by `npm run eval` from the reported half of `packages/quality/corpus` (statements written for the project from the Code of Practice 9.66-9.69, L v Clarke and Somerset CC [1998], EC v North East Lincolnshire [2015] and IPSEA's guidance on specific provision). The corpus is split by a hash of each statement's words; rules are tuned on the other half only. Each statement is put into F1 or E1 of an otherwise well-written plan and the rules' findings on that item are compared with its labels.",
    "",
    `Reported half: ${count("provision", "report")} provision items and ${count("outcome", "report")} outcome statements (tuning half: ${count("provision", "tune")} and ${count("outcome", "tune")}).`,
    "",
    "| rule | on | precision | recall | true pos. | false pos. | missed | true neg. |",
    "|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "A corpus the rules' author wrote measures the rules against that author's reading of the sources; wording nobody here has seen will score lower. The misses and false alarms are listed by `EHCP_EVAL=report npm run eval` (never tune on them).",
    "",
  ].join("\n");
}

describe(`the checker on the ${HALF} half of its corpus`, () => {
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
