// The checker as the editor uses it: a cold check of the large plan (a new checker, nothing
// remembered), and a re-check after one field changed (the same checker, one provision's words
// different each run, as at each pause in typing).
import { createPlanChecker } from "@ehcp/quality";

const config = { today: "2026-11-22" };

// CPU time of each run beside the wall-clock figures: on a machine shared with other work the
// wall clock counts the time spent waiting for a core, which is not the checker's.
function cpuTimes(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return stats(times);
}

export async function checkerBenchmarks(measure, plan, size) {
  const cold = await measure(
    "checkPlan cold (new checker, large plan)",
    size,
    () => createPlanChecker().check(plan, config),
    { warmup: 5, runs: 40 },
  );
  const coldCpu = cpuTimes(() => createPlanChecker().check(plan, config), 40);
  console.log(JSON.stringify({ name: cold.name, ...coldCpu, unit: "ms of CPU" }));
  const checker = createPlanChecker();
  checker.check(plan, config);
  // Plans built before timing, so only the check is measured. In `edited` each plan differs from
  // the one checked before it in one field, as when someone types and pauses: 70 provisions'
  // words changed one after another, then each put back in turn (an undo), so the last plan is
  // the first's plan again and the series can go round.
  const provisions = plan.sections.F.provisions;
  const whatOf = (i) => [
    {
      type: "paragraph",
      content: [
        {
          type: "text",
          text: `Reading practice with the class teaching assistant, run ${i} of the term.`,
        },
      ],
    },
  ];
  const edited = [];
  let current = plan;
  for (const undo of [false, true])
    for (let i = 0; i < 70; i++) {
      current = structuredClone(current);
      const at = (i * 7) % provisions.length;
      current.sections.F.provisions[at].what = undo ? provisions[at].what : whatOf(i);
      edited.push(current);
    }
  // The series earlier figures were measured on: each plan has one provision changed from the
  // first plan, so it differs from the one checked before it in two fields (that edit undone,
  // another made).
  const twoFields = Array.from({ length: 140 }, (_, i) => {
    const copy = structuredClone(plan);
    copy.sections.F.provisions[(i * 7) % provisions.length].what = whatOf(i);
    return copy;
  });
  let next = 0;
  // Warmed by a whole round of the series: what is timed is the re-check as it is while someone
  // types, not the first few after the cold checks above, which pay for those checks' garbage
  // and for compiling the re-check's path (see "The checker re-check, steady" in BENCHMARKS.md).
  const warm = await measure(
    "checkPlan after one field changed (per-field cache, large plan)",
    size,
    () => checker.check(edited[next++ % edited.length], config),
    { warmup: edited.length, runs: 120 },
  );
  global.gc?.();
  const warmCpu = cpuTimes(() => checker.check(edited[next++ % edited.length], config), 140);
  console.log(JSON.stringify({ name: warm.name, ...warmCpu, unit: "ms of CPU" }));
  // A checker of its own, so the two series do not change each other's last plan.
  const undoing = createPlanChecker();
  undoing.check(plan, config);
  let back = 0;
  const two = await measure(
    "checkPlan after an edit undone and another made (two fields changed, large plan)",
    size,
    () => undoing.check(twoFields[back++ % twoFields.length], config),
    { warmup: twoFields.length, runs: 120 },
  );
  global.gc?.();
  const twoCpu = cpuTimes(() => undoing.check(twoFields[back++ % twoFields.length], config), 140);
  console.log(JSON.stringify({ name: two.name, ...twoCpu, unit: "ms of CPU" }));
  const results = [
    { ...cold, ...coldCpu },
    { ...warm, ...warmCpu },
    { ...two, ...twoCpu },
  ];
  // BENCH_CHECKER_BEFORE=path/to/an/older/build/index.js: that checker and this one re-check
  // the same edited plans in turns, in one process and one heap, so the ratio between them is
  // what the change did, whatever the machine's load (see BENCHMARKS.md).
  const before = process.env.BENCH_CHECKER_BEFORE;
  if (before) {
    const older = await import(before);
    results.push(await interleaved(older, plan, edited, "one field changed"));
    results.push(await interleaved(older, plan, twoFields, "two fields changed"));
    // The outcome rules are remembered by the statement's words, so only typing in an outcome
    // runs them again: the same turns with one outcome's statement different each check.
    const outcomes = plan.sections.E.outcomes;
    const editedOutcomes = Array.from({ length: 140 }, (_, i) => {
      const copy = structuredClone(plan);
      const o = copy.sections.E.outcomes[(i * 7) % outcomes.length];
      const text = `By July 2027 she will sometimes tell an adult how she feels, run ${i} of the term.`;
      o.statement = [{ type: "paragraph", content: [{ type: "text", text }] }];
      return copy;
    });
    results.push(await interleaved(older, plan, editedOutcomes, "one outcome changed"));
    results.push(coldInTurns(older, plan));
  }
  return results;
}

// Cold checks of the two checkers in turns, a new checker each time: what a change did to the
// first check of a plan, whatever the load.
function coldInTurns(older, plan) {
  const make = { before: older.createPlanChecker, after: createPlanChecker };
  const times = { before: [], after: [] };
  const rounds = Number(process.env.BENCH_CHECKER_COLD_ROUNDS ?? 20);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ["before", "after"] : ["after", "before"];
    for (const name of order) {
      const start = process.cpuUsage();
      make[name]().check(plan, config);
      const used = process.cpuUsage(start);
      times[name].push((used.user + used.system) / 1000);
    }
  }
  return turnsRow("checkPlan cold, before and after in turns (ms of CPU)", times);
}

function stats(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return { cpuP50: at(50), cpuP95: at(95) };
}

async function interleaved(older, plan, edited, what) {
  const checkers = {
    before: older.createPlanChecker(),
    after: createPlanChecker(),
  };
  const times = { before: [], after: [] };
  for (const c of Object.values(checkers)) c.check(plan, config);
  const rounds = Number(process.env.BENCH_CHECKER_ROUNDS ?? 30);
  let next = 0;
  for (let round = 0; round < rounds; round++) {
    // Which goes first alternates, so neither always pays for the other's garbage.
    const order = round % 2 === 0 ? ["before", "after"] : ["after", "before"];
    const from = next;
    for (const name of order) {
      next = from;
      for (let i = 0; i < 20; i++) {
        const start = process.cpuUsage();
        checkers[name].check(edited[next++ % edited.length], config);
        const used = process.cpuUsage(start);
        times[name].push((used.user + used.system) / 1000);
      }
    }
  }
  return turnsRow(`checkPlan after ${what}, before and after in turns (ms of CPU)`, times);
}

// One row for checks of the two checkers made in turns: each one's p50 and p95 of CPU, and after
// over before.
function turnsRow(name, times) {
  const before = stats(times.before);
  const after = stats(times.after);
  const row = {
    name,
    checks: times.after.length,
    before,
    after,
    ratioP50: Math.round((after.cpuP50 / before.cpuP50) * 100) / 100,
    ratioP95: Math.round((after.cpuP95 / before.cpuP95) * 100) / 100,
  };
  console.log(JSON.stringify(row));
  return row;
}
