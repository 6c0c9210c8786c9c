import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Finding, Plan } from "@ehcp/schema";
import { para, wellWrittenPlan } from "@ehcp/fixtures";
import { checkPlan } from "../src/checkPlan.js";
import { CORPUS_DIR } from "./corpus.js";

/** corpus/plans: the well-written plan with defects planted in it, and the findings they should cause. */
interface PlantedPlanFile {
  readonly description: string;
  /** Each edit sets a field to a paragraph of `text`, to `value`, or to a copy of what is at `from`. */
  readonly edits: readonly { set: string; text?: string; value?: unknown; from?: string }[];
  readonly expected: readonly { rule: string; item: string }[];
}

export interface PlantedResult {
  readonly file: string;
  readonly description: string;
  /** Expected findings, as "rule on target". */
  readonly expected: readonly string[];
  readonly found: readonly string[];
  readonly missed: readonly string[];
  /** Errors and warnings nobody planted. */
  readonly unexpected: readonly string[];
}

function at(plan: Plan, path: string): { parent: Record<string, unknown>; key: string } {
  const keys = path.split(".");
  let node: unknown = plan;
  for (const k of keys.slice(0, -1)) node = (node as Record<string, unknown>)[k];
  if (node === undefined) throw new Error(`no ${path} in the well-written plan`);
  return { parent: node as Record<string, unknown>, key: keys[keys.length - 1]! };
}

const targetOf = (plan: Plan, item: string): string => {
  if (!item.includes(".")) return item;
  const { parent, key } = at(plan, item);
  return (parent[key] as { id: string }).id;
};

/** Each planted plan, checked, beside what it should give. */
export function checkPlantedPlans(): PlantedResult[] {
  const dir = join(CORPUS_DIR, "plans");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      const spec = JSON.parse(readFileSync(join(dir, file), "utf8")) as PlantedPlanFile;
      const plan = wellWrittenPlan();
      for (const edit of spec.edits) {
        const { parent, key } = at(plan, edit.set);
        if (edit.from !== undefined) {
          const source = at(plan, edit.from);
          parent[key] = structuredClone(source.parent[source.key]);
        } else parent[key] = edit.text !== undefined ? para(edit.text) : edit.value;
      }
      const findings = checkPlan(plan, { today: "2026-11-22" });
      const name = (f: Pick<Finding, "rule" | "target">) => `${f.rule} on ${f.target}`;
      const expected = spec.expected.map((e) => `${e.rule} on ${targetOf(plan, e.item)}`);
      const got = new Set(findings.map(name));
      const serious = new Set(findings.filter((f) => f.severity !== "info").map(name));
      return {
        file,
        description: spec.description,
        expected,
        found: expected.filter((e) => got.has(e)),
        missed: expected.filter((e) => !got.has(e)),
        unexpected: [...serious].filter((s) => !expected.includes(s)),
      };
    });
}
