// `npm run bench`: each benchmark prints one JSON line (name, inputs, p50, p95, max in ms, heap
// growth and resident memory, and the ratio to its peer where it has one), and the whole set is
// written to bench/results.json. Figures are over repeated runs after a warm-up; BENCHMARKS.md
// says what they mean and gives the targets.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportDocx, exportPdf } from "@ehcp/export";
import { checkPlan } from "@ehcp/quality";
import { docToPlan, parsePlan, planToDoc, planToYDoc, yDocToPlan } from "@ehcp/schema";
import * as Y from "yjs";
import {
  batchingBenchmarks,
  listBenchmark,
  openCloseBenchmark,
  storeBenchmarks,
  typingComparison,
} from "./collab.mjs";
import { CHROMIUM_PATH } from "@ehcp/fixtures/chromium";
import { editorBenchmarks } from "./editor.mjs";
import { checkerBenchmarks } from "./checker.mjs";
import { cliBenchmarks } from "./cli.mjs";
import { suggestionGuardBenchmark } from "./suggestionGuard.mjs";
import { generatePlan } from "@ehcp/fixtures/generatePlan";

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (ms) => Math.round(ms * 1000) / 1000;

async function measure(name, inputs, fn, { warmup = 5, runs = 30, peer } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const times = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const result = {
    name,
    inputs,
    runs,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(times[times.length - 1]),
    // CPU time of this process (all its threads), which a loaded machine does not inflate as
    // it does the wall clock.
    cpuP50: round(percentile(cpus, 50)),
    unit: "ms",
    heapDeltaMB:
      Math.round(((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024) * 10) / 10,
    rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
    ...(peer ? { peer: peer.name, ratioToPeer: round(percentile(times, 50) / peer.p50) } : {}),
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

// BENCH_ONLY=export: the exports in process and the command line's start-up, written nowhere.
if (process.env.BENCH_ONLY === "export") {
  await measure("exportDocx (large plan)", size, () => exportDocx(plan), { warmup: 2, runs: 10 });
  await measure("exportPdf (large plan, tagged)", size, () => exportPdf(plan), {
    warmup: 2,
    runs: 10,
  });
  cliBenchmarks();
  process.exit(0);
}

const results = [
  await measure("parsePlan (Plan JSON → validated plan)", size, () => parsePlan(raw)),
  await measure("planToDoc (plan → ProseMirror)", size, () => planToDoc(plan)),
  await measure("docToPlan (ProseMirror → validated plan)", size, () => docToPlan(doc)),
  await measure("planToYDoc + encode (plan → Yjs update)", size, () =>
    Y.encodeStateAsUpdate(planToYDoc(plan)),
  ),
  await measure("yDocToPlan (Yjs update → validated plan)", size, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, update);
    return yDocToPlan(ydoc);
  }),
  await measure(
    "checkPlan (all rules, large plan)",
    size,
    () => checkPlan(plan, { today: "2026-11-22" }),
    {
      warmup: 20,
      runs: 100,
    },
  ),
  ...(await checkerBenchmarks(measure, plan, size)),
];
// BENCH_ONLY=checker: the figures above and no more, written nowhere.
if (process.env.BENCH_ONLY === "checker") process.exit(0);

// DOCX export, beside what a council would otherwise wait for: LibreOffice turning it into a PDF.
const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
let libreOffice;
if (soffice) {
  const dir = mkdtempSync(join(tmpdir(), "ehcp-bench-"));
  writeFileSync(join(dir, "plan.docx"), await exportDocx(plan));
  const convert = ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "plan.docx")];
  libreOffice = await measure(
    "LibreOffice: our DOCX → PDF (peer)",
    size,
    () => execFileSync(soffice, convert, { stdio: "ignore", env: { ...process.env, HOME: dir } }),
    { warmup: 1, runs: 5 },
  );
  rmSync(dir, { recursive: true, force: true });
  results.push(libreOffice);
} else {
  console.error("LibreOffice is not installed: the DOCX export's peer is left out");
}
results.push(
  await measure("exportDocx (large plan)", size, () => exportDocx(plan), {
    warmup: 2,
    runs: 10,
    peer: libreOffice,
  }),
);

results.push(
  await measure("exportPdf (large plan, tagged)", size, () => exportPdf(plan), {
    warmup: 1,
    runs: 5,
    peer: libreOffice,
  }),
);

// The command line's start-up for an export, beside Node's own.
results.push(...cliBenchmarks());

// The editor in Chromium, beside a plain Tiptap editor.
if (existsSync(CHROMIUM_PATH)) {
  for (const result of await editorBenchmarks()) {
    console.log(JSON.stringify(result));
    results.push(result);
  }
} else {
  console.error("Chromium is not installed: the editor benchmarks are left out");
}

// The collaboration server on loopback.
for (const result of await storeBenchmarks()) {
  console.log(JSON.stringify(result));
  results.push(result);
}
// What the server's suggestion guard costs a delete in a plan with many suggestions.
const guard = suggestionGuardBenchmark();
console.log(JSON.stringify(guard));
results.push(guard);
// Ours beside stock Hocuspocus, in memory and on SQLite (`npm run bench:server` runs only this).
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
for (const result of await typingComparison({ seconds })) {
  console.log(JSON.stringify(result));
  results.push(result);
}
// The server's own CPU for 30 typists at their pace, ours beside stock in turns, in memory and
// with every update on disk before its acknowledgement (alone: `node --expose-gc
// bench/serverCpu.mjs`, after a build; its own process, so that its rounds do not share this
// one's heap).
const serverCpu = execFileSync(
  process.execPath,
  ["--expose-gc", new URL("./serverCpu.mjs", import.meta.url).pathname],
  {
    encoding: "utf8",
    env: { BENCH_RATE: "150", BENCH_ROUNDS: "4", ...process.env },
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  },
);
for (const line of serverCpu.split("\n").filter((l) => l.startsWith('{"name"'))) {
  console.log(line);
  results.push(JSON.parse(line));
}
// Messages per keystroke and latency before and after the editor's batching (alone:
// `node --expose-gc bench/batching.mjs`, after a build).
results.push(...(await batchingBenchmarks(seconds)));
const openClose = await openCloseBenchmark({ count: 500 });
console.log(JSON.stringify(openClose));
results.push(openClose);
const listing = await listBenchmark({ count: 500 });
console.log(JSON.stringify(listing));
results.push(listing);

writeFileSync(
  new URL("./results.json", import.meta.url),
  `${JSON.stringify({ node: process.version, date: new Date().toISOString().slice(0, 10), results }, null, 2)}\n`,
);
