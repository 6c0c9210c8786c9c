// The command line's start-up for an export, beside Node's own (`node -e ''`) as its peer. Each
// run is a new process; its CPU time (user and system) is read inside it as it exits, so the
// figures hold on a loaded machine where the wall clock does not.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../packages/cli/bin/ehcp.js", import.meta.url));
// Printed by the child as it exits: its whole CPU time, start-up included, in microseconds.
const HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu-us "+(u.user+u.system)+"\\n")})`;

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (ms) => Math.round(ms * 10) / 10;

function measureChild(name, args, { runs = 15, warmup = 2, peer } = {}) {
  const walls = [];
  const cpus = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    const child = spawnSync(process.execPath, ["--import", HOOK, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    if (child.status !== 0) throw new Error(`${args.join(" ")} failed: ${child.stderr}`);
    const stderr = child.stderr.toString();
    const wall = performance.now() - start;
    const cpu = Number(/cpu-us (\d+)/.exec(stderr)?.[1] ?? NaN) / 1000;
    if (i >= warmup) {
      walls.push(wall);
      cpus.push(cpu);
    }
  }
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const result = {
    name,
    runs,
    p50: round(percentile(walls, 50)),
    p95: round(percentile(walls, 95)),
    cpuP50: round(percentile(cpus, 50)),
    cpuP95: round(percentile(cpus, 95)),
    unit: "ms",
    ...(peer
      ? {
          peer: peer.name,
          cpuRatioToPeer: Math.round((percentile(cpus, 50) / peer.cpuP50) * 100) / 100,
        }
      : {}),
  };
  console.log(JSON.stringify(result));
  return result;
}

/** Node's start-up, then `ehcp export` of the good example plan to JSON and to PDF. */
export function cliBenchmarks() {
  const dir = mkdtempSync(join(tmpdir(), "ehcp-bench-cli-"));
  const plan = fileURLToPath(new URL("../packages/fixtures/plans/plan-good.json", import.meta.url));
  try {
    const node = measureChild("Node.js start-up: node -e '' (peer)", ["-e", ""]);
    return [
      node,
      measureChild(
        "ehcp export --format json (the CLI's start-up and a plan read and written)",
        [bin, "export", plan, "--format", "json", "--out", join(dir, "plan.json")],
        { peer: node },
      ),
      measureChild(
        "ehcp export --format pdf (start-up, the PDF exporter loaded, a 20-page plan)",
        [bin, "export", plan, "--format", "pdf", "--out", join(dir, "plan.pdf")],
        { peer: node, runs: 8 },
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
