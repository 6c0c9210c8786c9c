import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plan, Provision } from "@ehcp/schema";
import { para, wellWrittenPlan, withOutcomeText } from "@ehcp/fixtures";
import { checkPlan } from "../src/checkPlan.js";

/** The project's labelled corpus (packages/quality/corpus): statements and the rules each should trip. */
export const CORPUS_DIR = join(import.meta.dirname, "..", "corpus");

export const PROVISION_RULES = [
  "vague-wording",
  "provision-hours-only",
  "provision-missing-who",
  "provision-missing-expertise",
  "provision-not-quantified",
] as const;
export const OUTCOME_RULES = [
  "vague-wording",
  "outcome-not-measurable",
  "outcome-is-provision",
] as const;

const CODES: Record<string, string> = {
  vague: "vague-wording",
  hours: "provision-hours-only",
  who: "provision-missing-who",
  expertise: "provision-missing-expertise",
  quant: "provision-not-quantified",
  measure: "outcome-not-measurable",
  provision: "outcome-is-provision",
};

export interface CorpusItem {
  readonly kind: "provision" | "outcome";
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly expected: ReadonlySet<string>;
  readonly plan: Plan;
  readonly target: string;
}

// FNV-1a: the split depends only on the words of the statement, so it never moves when lines
// are added, reordered or moved between files.
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Tune on one half, report on the other: never the same statement in both. */
export const halfOf = (item: Pick<CorpusItem, "text">): "tune" | "report" =>
  fnv1a(item.text) % 2 === 0 ? "tune" : "report";

function quantity(p: Provision, spec: string): void {
  if (spec === "=" || spec === "") return;
  if (spec === "none") {
    p.frequency = null;
    p.hoursPerWeek = null;
    return;
  }
  const hours = /^h=([\d.]+)$/.exec(spec);
  if (hours) {
    p.frequency = null;
    p.hoursPerWeek = Number(hours[1]);
    return;
  }
  const [sessions, per, minutes] = spec.split("/");
  p.frequency = { sessions: Number(sessions), per: per as never, minutes: Number(minutes) };
  p.hoursPerWeek = null;
}

function parseLine(file: string, line: number, source: string): CorpusItem {
  const [labels = "", text = "", who = "=", expertise = "=", amount = "="] = source
    .split("|")
    .map((s) => s.trim());
  const expected = new Set(
    labels === "-"
      ? []
      : labels.split(",").map((code) => {
          const rule = CODES[code.trim()];
          if (!rule) throw new Error(`${file}:${line}: unknown label '${code}'`);
          return rule;
        }),
  );
  if (file.startsWith("outcomes")) {
    const plan = withOutcomeText(text, { byWhen: "2027-07" });
    return {
      kind: "outcome",
      file,
      line,
      text,
      expected,
      plan,
      target: plan.sections.E.outcomes[0]!.id,
    };
  }
  const plan = wellWrittenPlan();
  const p = plan.sections.F.provisions[0]!;
  p.what = para(text);
  if (who !== "=") p.deliveredBy = who;
  if (expertise !== "=") p.expertise = expertise;
  quantity(p, amount);
  return {
    kind: "provision",
    file,
    line,
    text: `${text} | ${who} | ${expertise} | ${amount}`,
    expected,
    plan,
    target: p.id,
  };
}

/** Every labelled statement of the corpus, in file order. */
export function loadCorpus(): CorpusItem[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((file) =>
      readFileSync(join(CORPUS_DIR, file), "utf8")
        .split("\n")
        .map((source, i) => ({ source, line: i + 1 }))
        .filter(({ source }) => source.trim() !== "" && !source.startsWith("#"))
        .map(({ source, line }) => parseLine(file, line, source)),
    );
}

export interface RuleScore {
  readonly rule: string;
  readonly kind: "provision" | "outcome";
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
  readonly misses: readonly string[];
  readonly falseAlarms: readonly string[];
}

/** Precision and recall of each wording rule over the given statements. */
export function score(items: readonly CorpusItem[]): RuleScore[] {
  const fired = items.map((item) => {
    const found = checkPlan(item.plan, { today: "2026-11-22" }).filter(
      (f) => f.target === item.target,
    );
    return new Set(found.map((f) => f.rule));
  });
  const scores: RuleScore[] = [];
  for (const [kind, rules] of [
    ["provision", PROVISION_RULES],
    ["outcome", OUTCOME_RULES],
  ] as const) {
    for (const rule of rules) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let tn = 0;
      const misses: string[] = [];
      const falseAlarms: string[] = [];
      items.forEach((item, i) => {
        if (item.kind !== kind) return;
        const want = item.expected.has(rule);
        const got = fired[i]!.has(rule);
        const where = `${item.file}:${item.line} ${item.text}`;
        if (want && got) tp++;
        else if (got) {
          fp++;
          falseAlarms.push(where);
        } else if (want) {
          fn++;
          misses.push(where);
        } else tn++;
      });
      scores.push({
        rule,
        kind,
        tp,
        fp,
        fn,
        tn,
        precision: tp + fp === 0 ? 1 : tp / (tp + fp),
        recall: tp + fn === 0 ? 1 : tp / (tp + fn),
        misses,
        falseAlarms,
      });
    }
  }
  return scores;
}
