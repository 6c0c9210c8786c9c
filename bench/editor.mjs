/* global window */
// Keystrokes in Chromium: our PlanEditor holding the large plan beside a plain Tiptap StarterKit
// editor holding the same text, both bound to Yjs through Tiptap's Collaboration extension.
import { chromium } from "playwright-core";
import { createServer } from "vite";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@ehcp/fixtures/chromium";
import { generatePlan } from "@ehcp/fixtures/generatePlan";

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

export async function editorBenchmarks({ keystrokes = 300, remote = 200 } = {}) {
  const server = await createServer({
    root: new URL("./editor/", import.meta.url).pathname,
    configFile: false,
    logLevel: "error",
    server: { host: "127.0.0.1", port: 0 },
  });
  await server.listen();
  const url = server.resolvedUrls.local[0];
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const plan = generatePlan({ scale: 1, seed: 1 });
  const results = {};
  try {
    for (const kind of ["plain", "ours"]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(url);
      await page.waitForFunction(() => window.bench !== undefined, null, { timeout: 60_000 });
      const setupMs = await page.evaluate(([k, p]) => window.bench.setup(k, p), [kind, plan]);
      await page.evaluate(() => window.bench.keystrokes(30));
      const typed = await page.evaluate((n) => window.bench.keystrokes(n), keystrokes);
      const applied = await page.evaluate((n) => window.bench.remote(n), remote);
      const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
      results[kind] = {
        setupMs: round(setupMs),
        typed: stats(typed),
        applied: stats(applied),
        heapMB: Math.round(memory / 1048576),
      };
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const inputs = { provisions: 240, keystrokes, remoteKeystrokes: remote };
  const peerName = "plain Tiptap StarterKit editor, same text, bound to Yjs (peer)";
  return [
    {
      name: `keystroke: ${peerName}`,
      inputs,
      ...results.plain.typed,
      unit: "ms from dispatch to layout",
      setupMs: results.plain.setupMs,
      heapMB: results.plain.heapMB,
    },
    {
      name: "keystroke in a provision field: PlanEditor, large plan, bound to Yjs",
      inputs,
      ...results.ours.typed,
      unit: "ms from dispatch to layout",
      setupMs: results.ours.setupMs,
      heapMB: results.ours.heapMB,
      peer: peerName,
      ratioToPeer: round(results.ours.typed.p50 / results.plain.typed.p50),
      p95RatioToPeer: round(results.ours.typed.p95 / results.plain.typed.p95),
    },
    {
      name: `remote keystroke applied: ${peerName}`,
      inputs,
      ...results.plain.applied,
      unit: "ms from Yjs update to layout",
    },
    {
      name: "remote keystroke applied: PlanEditor, large plan",
      inputs,
      ...results.ours.applied,
      unit: "ms from Yjs update to layout",
      peer: peerName,
      ratioToPeer: round(results.ours.applied.p50 / results.plain.applied.p50),
    },
  ];
}
