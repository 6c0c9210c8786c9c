// `npm run bench`: each benchmark prints one JSON line (name, inputs, p50, p95, max in ms, and
// memory), and the whole set is written to bench/results.json. Figures are over repeated runs after
// a warm-up; see BENCHMARKS.md for what they mean and the targets.
import { writeFileSync } from "node:fs";
import { checkPlan } from "@ehcp/quality";
import { docToPlan, parsePlan, planToDoc, planToYDoc, yDocToPlan } from "@ehcp/schema";
import * as Y from "yjs";
import { generatePlan } from "./generatePlan.mjs";

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (ms) => Math.round(ms * 1000) / 1000;

function measure(name, inputs, fn, { warmup = 5, runs = 30 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result = {
    name,
    inputs,
    runs,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(times[times.length - 1]),
    unit: "ms",
    heapDeltaMB:
      Math.round(((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024) * 10) / 10,
    rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
  console.log(JSON.stringify(result));
  return result;
}

const raw = generatePlan({ scale: 1, seed: 1 });
const plan = parsePlan(raw);
const size = {
  scale: 1,
  needs: plan.sections.B.needs.length + plan.sections.C.needs.length + plan.sections.D.needs.length,
  outcomes: plan.sections.E.outcomes.length,
  provisions: ["F", "G", "H1", "H2"].reduce((n, k) => n + plan.sections[k].provisions.length, 0),
  jsonKB: Math.round(JSON.stringify(raw).length / 1024),
};
const doc = planToDoc(plan);
const update = Y.encodeStateAsUpdate(planToYDoc(plan));

const results = [
  measure("parsePlan (Plan JSON → validated plan)", size, () => parsePlan(raw)),
  measure("planToDoc (plan → ProseMirror)", size, () => planToDoc(plan)),
  measure("docToPlan (ProseMirror → validated plan)", size, () => docToPlan(doc)),
  measure("planToYDoc + encode (plan → Yjs update)", size, () =>
    Y.encodeStateAsUpdate(planToYDoc(plan)),
  ),
  measure("yDocToPlan (Yjs update → validated plan)", size, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, update);
    return yDocToPlan(ydoc);
  }),
  measure(
    "checkPlan (all rules, large plan)",
    size,
    () => checkPlan(plan, { today: "2026-11-22" }),
    { warmup: 20, runs: 100 },
  ),
];

writeFileSync(
  new URL("./results.json", import.meta.url),
  `${JSON.stringify({ node: process.version, date: new Date().toISOString().slice(0, 10), results }, null, 2)}\n`,
);
