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
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
  return { cpuP50: at(50), cpuP95: at(95) };
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
  // Plans with one field changed, built before timing so only the check is measured.
  const provisions = plan.sections.F.provisions;
  const edited = Array.from({ length: 140 }, (_, i) => {
    const copy = structuredClone(plan);
    const p = copy.sections.F.provisions[(i * 7) % provisions.length];
    const text = `Reading practice with the class teaching assistant, run ${i} of the term.`;
    p.what = [{ type: "paragraph", content: [{ type: "text", text }] }];
    return copy;
  });
  let next = 0;
  const warm = await measure(
    "checkPlan after one field changed (per-field cache, large plan)",
    size,
    () => checker.check(edited[next++ % edited.length], config),
    { warmup: 20, runs: 120 },
  );
  const warmCpu = cpuTimes(() => checker.check(edited[next++ % edited.length], config), 140);
  console.log(JSON.stringify({ name: warm.name, ...warmCpu, unit: "ms of CPU" }));
  return [
    { ...cold, ...coldCpu },
    { ...warm, ...warmCpu },
  ];
}
