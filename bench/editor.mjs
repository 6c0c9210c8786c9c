/* global window */
// Keystrokes in Chromium: our PlanEditor holding the large plan beside a plain Tiptap StarterKit
// editor holding the same text, both bound to Yjs through Tiptap's Collaboration extension.
// The page is built for production (React's production build, as users get it);
// `BENCH_EDITOR_DEV=1` serves it from Vite's dev server instead, as the figures before 1 December
// 2026 were measured. Run alone with `node bench/editor.mjs` (after `npm run build`);
// `BENCH_SCALES=1,2,4` sets the plan sizes (the remote keystroke and the opening are measured at
// each), and `BENCH_PROFILE=dir` writes a DevTools CPU profile of each opening and each run of remote
// keystrokes there, and prints the functions with the most self time. Before and after a change,
// in the same run: `BENCH_BUILD_ONLY=dir` builds the page into `dir` and stops (run it on the
// code before, after `npx tsc -b tsconfig.build.json`); `BENCH_EDITOR_BASE=dir` then opens that
// page's PlanEditor too, as "before", beside the current one and the plain editor.
// `BENCH_OPENINGS=n` opens each plan n times, each on a new page, and reports the medians.
// Beside each opening, the part no editor bound to Yjs can leave out is timed apart: decoding the
// shared document's update and reading the Y.Doc into ProseMirror nodes, with each editor's schema.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { build, createServer, preview } from "vite";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@ehcp/fixtures/chromium";
import { generatePlan } from "@ehcp/fixtures/generatePlan";

/** How many times the shared document is decoded, and read into ProseMirror, to time each. */
const READS = 10;
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (x) => Math.round(x * 1000) / 1000;
const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    max: round(sorted[sorted.length - 1]),
  };
};

/** The profile's busy time (ms) and its functions with the most self time. */
function summarise(profile, top = 12) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (deltas[i] ?? 0) / 1000;
    const name = node.callFrame.functionName || "(anonymous)";
    if (name === "(idle)" || name === "(program)") return;
    busy += ms;
    const where = node.callFrame.url.split("/").slice(-1)[0];
    const key = `${name} ${where}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  return {
    busyMs: round(busy),
    top: [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `${round(ms)} ms ${name}`),
  };
}

/** The renderer's main-thread CPU time so far, in ms (DevTools' `ThreadTime`). */
async function threadTime(session) {
  const { metrics } = await session.send("Performance.getMetrics");
  return (metrics.find((m) => m.name === "ThreadTime")?.value ?? 0) * 1000;
}

/**
 * Runs `fn` and measures the main thread's CPU time over it, which, unlike the wall clock, other
 * work on a loaded machine does not inflate; with BENCH_PROFILE, also a CPU profile.
 */
async function profiled(page, label, fn) {
  const dir = process.env.BENCH_PROFILE;
  const session = await page.context().newCDPSession(page);
  await session.send("Performance.enable", { timeDomain: "threadTicks" });
  if (dir) {
    await session.send("Profiler.enable");
    await session.send("Profiler.setSamplingInterval", { interval: 100 });
    await session.send("Profiler.start");
  }
  const before = await threadTime(session);
  const value = await fn();
  const cpu = round((await threadTime(session)) - before);
  if (dir) {
    const { profile } = await session.send("Profiler.stop");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
    console.error(JSON.stringify({ profile: label, ...summarise(profile) }));
  }
  await session.detach();
  return { value, cpu };
}

/**
 * The main thread's CPU time (ms) over the `ms` after an opening: work an editor leaves for when
 * the page is idle (the light cards' words) is part of what an opening costs.
 */
async function cpuOver(page, ms) {
  const session = await page.context().newCDPSession(page);
  await session.send("Performance.enable", { timeDomain: "threadTicks" });
  const before = await threadTime(session);
  await page.waitForTimeout(ms);
  const cpu = round((await threadTime(session)) - before);
  await session.detach();
  return cpu;
}

export async function editorBenchmarks({
  keystrokes = 300,
  remote = 200,
  scales = (process.env.BENCH_SCALES ?? "1,2,4").split(",").map(Number),
} = {}) {
  const root = new URL("./editor/", import.meta.url).pathname;
  const common = { root, configFile: false, logLevel: "error" };
  let server;
  let outDir = null;
  if (process.env.BENCH_EDITOR_DEV) {
    // Vite's dev server: React's development build, as the figures before 1 December 2026.
    server = await createServer({ ...common, server: { host: "127.0.0.1", port: 0 } });
    await server.listen();
  } else {
    // The page built for production, as a council's service would serve it.
    outDir = process.env.BENCH_BUILD_ONLY ?? mkdtempSync(join(tmpdir(), "ehcp-bench-editor-"));
    // Unminified when profiling, so that the profile names functions (BENCH_MINIFY=1 minifies).
    const minify = !!process.env.BENCH_MINIFY || !process.env.BENCH_PROFILE;
    await build({ ...common, build: { outDir, emptyOutDir: true, minify } });
    if (process.env.BENCH_BUILD_ONLY) return [];
    server = await preview({
      ...common,
      build: { outDir },
      preview: { host: "127.0.0.1", port: 0 },
    });
  }
  const url = server.resolvedUrls.local[0];
  const baseDir = process.env.BENCH_EDITOR_BASE;
  const baseServer = baseDir
    ? await preview({
        ...common,
        build: { outDir: baseDir },
        preview: { host: "127.0.0.1", port: 0 },
      })
    : null;
  const openings = Number(process.env.BENCH_OPENINGS ?? 1);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const results = {};
  try {
    for (const scale of scales) {
      const plan = generatePlan({ scale, seed: 1 });
      for (const kind of ["plain", "ours", ...(baseServer ? ["base"] : [])]) {
        // Each opening on a page of its own; the last page goes on to the keystrokes.
        const opened = [];
        let page;
        for (let i = 0; i < openings; i++) {
          await page?.close();
          page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
          await page.goto(kind === "base" ? baseServer.resolvedUrls.local[0] : url);
          await page.waitForFunction(() => window.bench !== undefined, null, { timeout: 60_000 });
          await page.evaluate((p) => window.bench.prepare(p), plan);
          const open = await profiled(page, `open-${kind}-x${scale}`, () =>
            page.evaluate((k) => window.bench.setup(k), kind === "base" ? "ours" : kind),
          );
          opened.push({ ...open, after: await cpuOver(page, 1000) });
        }
        // The part of an opening no editor bound to Yjs can leave out, measured apart.
        const reads = {};
        if (kind !== "base") {
          for (const part of ["decode", "convert"]) {
            await page.evaluate(([k, p]) => window.bench.read(k, p, 2), [kind, part]);
            const { cpu } = await profiled(page, `read-${part}-${kind}-x${scale}`, () =>
              page.evaluate(([k, p, n]) => window.bench.read(k, p, n), [kind, part, READS]),
            );
            reads[part] = round(cpu / READS);
          }
        }
        const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
        const open = {
          value: median(opened.map((o) => o.value)),
          cpu: median(opened.map((o) => o.cpu)),
          after: median(opened.map((o) => o.after)),
        };
        const mountedCards = await page.evaluate(() => window.bench.mountedCards());
        await page.evaluate(() => window.bench.settle());
        const row = {
          setupMs: round(open.value),
          setupCpuMs: open.cpu,
          afterCpuMs: open.after,
          mountedCards,
          reads,
        };
        if (scale === 1) {
          await page.evaluate(() => window.bench.keystrokes(30));
          row.typed = stats(await page.evaluate((n) => window.bench.keystrokes(n), keystrokes));
        }
        await page.evaluate(() => window.bench.remote(20));
        const applied = await profiled(page, `remote-${kind}-x${scale}`, () =>
          page.evaluate((n) => window.bench.remote(n), remote),
        );
        row.applied = stats(applied.value);
        row.appliedCpuMs = applied.cpu;
        row.heapMB = Math.round(
          (await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0)) / 1048576,
        );
        results[`${kind}${scale}`] = row;
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await baseServer?.close();
    if (outDir && !process.env.BENCH_BUILD_ONLY) rmSync(outDir, { recursive: true, force: true });
  }
  const peerName = "plain Tiptap StarterKit editor, same text, bound to Yjs (peer)";
  const rows = [];
  for (const scale of scales) {
    const plain = results[`plain${scale}`];
    const ours = results[`ours${scale}`];
    const base = results[`base${scale}`];
    const inputs = { provisions: 240 * scale, keystrokes, remoteKeystrokes: remote };
    const size = scale === 1 ? "large plan" : `${scale} times the large plan`;
    if (scale === 1) {
      rows.push(
        {
          name: `keystroke: ${peerName}`,
          inputs,
          ...plain.typed,
          unit: "ms from dispatch to layout",
          setupMs: plain.setupMs,
          heapMB: plain.heapMB,
        },
        {
          name: "keystroke in a provision field: PlanEditor, large plan, bound to Yjs",
          inputs,
          ...ours.typed,
          unit: "ms from dispatch to layout",
          setupMs: ours.setupMs,
          heapMB: ours.heapMB,
          peer: peerName,
          ratioToPeer: round(ours.typed.p50 / plain.typed.p50),
          p95RatioToPeer: round(ours.typed.p95 / plain.typed.p95),
        },
      );
    }
    rows.push(
      {
        name: `opening the plan: ${peerName}, ${size}`,
        inputs,
        p50: plain.setupMs,
        unit: "ms from an empty page to the plan laid out and painted",
        cpuMs: plain.setupCpuMs,
        cpuMsInTheSecondAfter: plain.afterCpuMs,
      },
      {
        name: `reading the shared document (Yjs update decoded; Y.Doc read into ProseMirror nodes): ${peerName}, ${size}`,
        inputs,
        unit: "ms of main-thread CPU each",
        decodeCpuMs: plain.reads.decode,
        toProseMirrorCpuMs: plain.reads.convert,
      },
      {
        name: `reading the shared document (Yjs update decoded; Y.Doc read into ProseMirror nodes): PlanEditor's schema, ${size}`,
        inputs,
        unit: "ms of main-thread CPU each",
        decodeCpuMs: ours.reads.decode,
        toProseMirrorCpuMs: ours.reads.convert,
        openingCpuMsBeyondReading: round(ours.setupCpuMs - ours.reads.convert),
        peerOpeningCpuMsBeyondReading: round(plain.setupCpuMs - plain.reads.convert),
      },
      {
        name: `opening the plan: PlanEditor, ${size}`,
        inputs,
        p50: ours.setupMs,
        unit: "ms from an empty page to the plan laid out and painted",
        cpuMs: ours.setupCpuMs,
        cpuMsInTheSecondAfter: ours.afterCpuMs,
        cpuRatioToPeer: round(ours.setupCpuMs / plain.setupCpuMs),
        cardsMounted: ours.mountedCards,
        heapMB: ours.heapMB,
        peer: peerName,
        ratioToPeer: round(ours.setupMs / plain.setupMs),
      },
      ...(base
        ? [
            {
              name: `opening the plan: PlanEditor before (BENCH_EDITOR_BASE), ${size}`,
              inputs,
              p50: base.setupMs,
              unit: "ms from an empty page to the plan laid out and painted",
              cpuMs: base.setupCpuMs,
              cpuMsInTheSecondAfter: base.afterCpuMs,
              cpuRatioToPeer: round(base.setupCpuMs / plain.setupCpuMs),
              peer: peerName,
              ratioToPeer: round(base.setupMs / plain.setupMs),
              cpuRatioOfOursToBefore: round(ours.setupCpuMs / base.setupCpuMs),
            },
          ]
        : []),
      {
        name: `remote keystroke applied: ${peerName}, ${size}`,
        inputs,
        ...plain.applied,
        unit: "ms from Yjs update to layout",
        cpuMsPerKeystroke: round(plain.appliedCpuMs / remote),
      },
      {
        name: `remote keystroke applied: PlanEditor, ${size}`,
        inputs,
        ...ours.applied,
        unit: "ms from Yjs update to layout",
        cpuMsPerKeystroke: round(ours.appliedCpuMs / remote),
        cpuRatioToPeer: round(ours.appliedCpuMs / plain.appliedCpuMs),
        peer: peerName,
        ratioToPeer: round(ours.applied.p50 / plain.applied.p50),
        p95RatioToPeer: round(ours.applied.p95 / plain.applied.p95),
      },
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of await editorBenchmarks()) console.log(JSON.stringify(row));
}
