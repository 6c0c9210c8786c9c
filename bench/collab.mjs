// Benchmarks of the collaboration server on loopback, beside stock Hocuspocus: many clients typing
// into one plan, many plans opened and closed in turn, and the stores' durable append rate.
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  PostgresDocumentStore,
  SignIn,
  SqliteDocumentStore,
  summarizePlan,
} from "@ehcp/collab-server";
import { BatchedProvider } from "@ehcp/editor";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { PLAN_SCHEMA_VERSION, planToYDoc } from "@ehcp/schema";
import WebSocket from "ws";
import * as Y from "yjs";
import { generatePlan } from "@ehcp/fixtures/generatePlan";

const DESCRIPTIONS = {
  stock: "stock Hocuspocus, in memory, no checks",
  "ours-memory": "ours: sign-in, permission and schema checks, audit; a store in memory",
  ours: "ours: the same on SQLite, each update on disk before its acknowledgement",
};
const SECRET = "bench-secret-that-is-at-least-32-characters";
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (x) => Math.round(x * 10) / 10;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts a server process; resolves with its address and a way to ask for its figures. */
async function startServer(mode, db) {
  // With BENCH_PROFILE=dir, the server writes a CPU profile of what lies between the first and
  // second time its figures are asked for (a typing run's typing, not its loading) into dir.
  const child = fork(new URL("./collabServer.mjs", import.meta.url), [mode, db ?? "", SECRET], {
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const { url } = await new Promise((resolve) => child.once("message", resolve));
  return {
    url,
    stats: () =>
      new Promise((resolve) => {
        child.once("message", resolve);
        child.send("stats");
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.send("exit");
      }),
  };
}

const token = (id, role = "caseworker") =>
  new SignIn({ jwtSecret: SECRET }).mint({ id, name: id, role, plans: "*" });

async function connect(url, name, authToken, Provider = HocuspocusProvider) {
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${url}/?schemaVersion=${PLAN_SCHEMA_VERSION}`,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  const provider = new Provider({ websocketProvider, name, token: authToken });
  provider.attach();
  provider.on("close", () => (dropped += 1));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync for ${name}`)), 30_000);
    provider.on("synced", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return provider;
}

/** Connections the server closed during a run: each a client that had to reconnect. */
let dropped = 0;

const close = (provider) => {
  // A socket still reconnecting when it is destroyed reports that as an error; it is counted in
  // `dropped` already.
  provider.configuration.websocketProvider.webSocket?.on?.("error", () => {});
  provider.destroy();
  provider.configuration.websocketProvider.destroy();
};

/** The "delivered by" text of the i-th provision in section F. */
const field = (doc, i) => doc.getXmlFragment("default").get(6).get(i).get(1).get(0);

/**
 * `clients` people each type into a provision of their own at `rate` characters a second for
 * `seconds`; two more clients only watch. Latency is from a keystroke to its arrival at a watcher.
 * With `carets`, each keystroke also moves the typist's caret, as an editor does; with `batched`,
 * the typists are the editor's `BatchedProvider` instead of the stock one, and the messages they
 * send per keystroke are counted either way.
 */
export async function typingBenchmark(
  mode,
  { clients = 30, rate = 5, seconds = 60, carets = false, batched = false } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), "ehcp-bench-collab-"));
  const server = await startServer(mode, join(dir, "plans.sqlite"));
  const plan = generatePlan({ scale: 1, seed: 1 });
  const writer = await connect(server.url, plan.id, await token("writer"));
  planToYDoc(plan, writer.document);
  while (writer.hasUnsyncedChanges) await sleep(10);

  const typers = [];
  let sent = 0;
  const sentAt = Array.from({ length: clients }, () => []);
  // Per typist, how many of its keystrokes have left in an update; and each one's wait to leave.
  const sentUpTo = Array.from({ length: clients }, () => 0);
  const clientDelays = [];
  const leftAt = Array.from({ length: clients }, () => []);
  // Sending to arrival at a watcher: the network and the server, apart from the client.
  const deliveries = [];
  for (let i = 0; i < clients; i++) {
    const typer = await connect(
      server.url,
      plan.id,
      await token(`typer-${i}`),
      batched ? BatchedProvider : HocuspocusProvider,
    );
    const index = typers.length;
    typer.on("outgoingMessage", ({ message }) => {
      sent += 1;
      // Every keystroke typed so far is in the update sent now (the stock provider sends each at
      // once; the batching one merges what it held): what the client added is the time since.
      if (message.description !== "A document update") return;
      const now = performance.now();
      const typed = sentAt[index];
      for (; sentUpTo[index] < typed.length; sentUpTo[index]++) {
        clientDelays.push(now - typed[sentUpTo[index]]);
        leftAt[index].push(now);
      }
    });
    typers.push(typer);
  }
  const latencies = [];
  const watchers = [];
  for (let w = 0; w < 2; w++) {
    const watcher = await connect(server.url, plan.id, await token(`watcher-${w}`));
    for (let i = 0; i < clients; i++) {
      const text = field(watcher.document, i);
      const base = text.length;
      // Every keystroke that arrived counts, not only the last of a batch: the first typed in a
      // batch has waited longest.
      let arrived = 0;
      text.observe(() => {
        const now = performance.now();
        for (const typed = text.length - base; arrived < typed; arrived++) {
          const at = sentAt[i][arrived];
          if (at !== undefined) latencies.push(now - at);
          const left = leftAt[i][arrived];
          if (left !== undefined) deliveries.push(now - left);
        }
      });
    }
    watchers.push(watcher);
  }
  const before = await server.stats();
  const sentBefore = sent;
  clientDelays.length = 0;
  deliveries.length = 0;
  const droppedBefore = dropped;
  const started = performance.now();
  const timers = typers.map((typer, i) => {
    const text = field(typer.document, i);
    const base = text.length;
    // Spread the clients' keystrokes over the interval, as people do not type in step.
    return sleep((1000 / rate) * (i / clients)).then(() =>
      setInterval(() => {
        sentAt[i].push(performance.now());
        text.insert(base + sentAt[i].length - 1, "x");
        if (carets) typer.awareness.setLocalStateField("cursor", { at: sentAt[i].length });
      }, 1000 / rate),
    );
  });
  await sleep(seconds * 1000);
  for (const timer of await Promise.all(timers)) clearInterval(timer);
  const elapsed = performance.now() - started;
  const messages = sent - sentBefore;
  await sleep(1000);
  const after = await server.stats();
  const keystrokes = sentAt.reduce((n, list) => n + list.length, 0);
  const droppedDuring = dropped - droppedBefore;
  for (const p of [writer, ...typers, ...watchers]) close(p);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  clientDelays.sort((a, b) => a - b);
  deliveries.sort((a, b) => a - b);
  const client = batched ? "the editor's batching provider" : "the stock provider";
  return {
    name: `${clients} clients typing into one plan (${DESCRIPTIONS[mode]})${
      carets || batched ? `, carets moving, ${client}` : ""
    }`,
    inputs: { clients, rate, seconds, keystrokes, provisions: 240, carets, batched },
    messagesPerKeystroke: Math.round((messages / keystrokes) * 100) / 100,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    max: round(latencies[latencies.length - 1]),
    unit: "ms from keystroke to arrival",
    // Keystroke to the client's sending it: what the provider adds, apart from network and server.
    clientDelay: {
      p50: round(percentile(clientDelays, 50)),
      p95: round(percentile(clientDelays, 95)),
      max: round(clientDelays[clientDelays.length - 1] ?? 0),
    },
    afterSending: {
      p50: round(percentile(deliveries, 50)),
      p95: round(percentile(deliveries, 95)),
    },
    delivered: latencies.length,
    droppedConnections: droppedDuring,
    serverCpuPercent: round(((after.cpuMs - before.cpuMs) / elapsed) * 100),
    // The clients' process may be starved and type less than asked: CPU per keystroke compares
    // rounds that typed different amounts.
    serverCpuMsPerKeystroke: Math.round(((after.cpuMs - before.cpuMs) / keystrokes) * 1000) / 1000,
    serverSendsPerKeystroke: Math.round(((after.sends - before.sends) / keystrokes) * 100) / 100,
    serverRssMB: round(after.rssMB),
  };
}

/**
 * Messages per keystroke and latency before and after the editor's batching, ours on SQLite,
 * carets moving with each keystroke as in an editor: 30 typists at a person's pace, and 5 at key
 * repeat or dictation speed. Each row is one round of `seconds`.
 */
export async function batchingBenchmarks(seconds) {
  const results = [];
  for (const [clients, rate] of [
    [30, 5],
    [5, 80],
  ]) {
    let stock;
    for (const batched of [false, true]) {
      const result = await typingBenchmark("ours", {
        clients,
        rate,
        seconds,
        carets: true,
        batched,
      });
      // The stock provider measured just before, with the same typists, is the peer.
      const row = batched
        ? {
            ...result,
            peer: stock.name,
            p95RatioToPeer: Math.round((result.p95 / stock.p95) * 100) / 100,
          }
        : result;
      stock = result;
      results.push(row);
      console.log(JSON.stringify(row));
    }
  }
  return results;
}

/** Opens `count` stored plans one after another, each by one client that reads it and leaves. */
export async function openCloseBenchmark({ count = 500 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "ehcp-bench-open-"));
  const db = join(dir, "plans.sqlite");
  const store = new SqliteDocumentStore(db);
  const plan = generatePlan({ scale: 0.25, seed: 2 });
  for (let i = 0; i < count; i++) {
    await store.create(
      `plan-${i}`,
      Y.encodeStateAsUpdate(planToYDoc({ ...plan, id: `plan-${i}` })),
    );
  }
  await store.close();
  const server = await startServer("ours", db);
  const idle = await server.stats();
  const authToken = await token("reader");
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    close(await connect(server.url, `plan-${i}`, authToken));
    times.push(performance.now() - start);
  }
  await sleep(1000);
  const after = await server.stats();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return {
    name: `${count} plans opened and closed in turn (ours)`,
    inputs: { count, provisionsPerPlan: 60 },
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(times[times.length - 1]),
    unit: "ms to open a plan, sync it and leave",
    serverHeapMBBefore: round(idle.heapMB),
    serverHeapMBAfterUnloading: round(after.heapMB),
    serverRssMBAfterUnloading: round(after.rssMB),
  };
}

/**
 * The plan list over `count` stored plans: ours reads the summary kept beside each plan; the peer
 * is the same server on a store holding no summaries (as one written before they were kept),
 * which reads every plan to list it.
 */
export async function listBenchmark({ count = 500, runs = 9 } = {}) {
  const plan = generatePlan({ scale: 0.25, seed: 3 });
  const timed = async (summaries) => {
    const dir = mkdtempSync(join(tmpdir(), "ehcp-bench-list-"));
    const db = join(dir, "plans.sqlite");
    const store = new SqliteDocumentStore(db);
    for (let i = 0; i < count; i++) {
      const doc = planToYDoc({ ...plan, id: `plan-${i}` });
      await store.create(
        `plan-${i}`,
        Y.encodeStateAsUpdate(doc),
        summaries ? summarizePlan(doc) : undefined,
      );
    }
    await store.close();
    const server = await startServer("ours", db);
    const headers = { Authorization: `Bearer ${await token("lister")}` };
    const list = async () => {
      const response = await fetch(`${server.url.replace(/^ws/, "http")}/plans`, { headers });
      const { plans } = await response.json();
      if (plans.length !== count || plans.some((p) => p.child !== plan.meta.child.fullName)) {
        throw new Error("the plan list is not what was stored");
      }
    };
    await list();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await list();
      times.push(performance.now() - start);
    }
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    return times.sort((a, b) => a - b);
  };
  const peer = await timed(false);
  const ours = await timed(true);
  const figures = (times) => ({
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(times[times.length - 1]),
  });
  return {
    name: `the plan list over ${count} stored plans (ours, from kept summaries)`,
    inputs: { count, provisionsPerPlan: 60, runs },
    ...figures(ours),
    unit: "ms for GET /plans",
    peer: { name: "the same server reading every plan to list it", ...figures(peer) },
    ratioToPeer: Number((percentile(ours, 50) / percentile(peer, 50)).toFixed(3)),
  };
}

/** Appends `count` typical keystroke updates one after another, each awaited until on disk. */
export async function storeBenchmark(name, store, { count = 2000 } = {}) {
  const doc = new Y.Doc();
  const updates = [];
  doc.on("update", (u) => updates.push(u));
  const text = doc.getText("t");
  for (let i = 0; i < count; i++) text.insert(i, "x");
  const docName = `bench-${Date.now()}`;
  const times = [];
  const start = performance.now();
  for (const update of updates) {
    const t = performance.now();
    await store.append(docName, update);
    times.push(performance.now() - t);
  }
  const elapsed = performance.now() - start;
  await store.close();
  times.sort((a, b) => a - b);
  return {
    name: `${name} store: durable appends`,
    inputs: { count, bytesEach: updates[1]?.length },
    p50: round(percentile(times, 50) * 10) / 10,
    p95: round(percentile(times, 95) * 10) / 10,
    max: round(times[times.length - 1]),
    unit: "ms per append",
    updatesPerSecond: Math.round((count / elapsed) * 1000),
  };
}

export async function storeBenchmarks() {
  const dir = mkdtempSync(join(tmpdir(), "ehcp-bench-store-"));
  const results = [await storeBenchmark("SQLite", new SqliteDocumentStore(join(dir, "s.sqlite")))];
  const postgres = new PostgresDocumentStore(
    process.env.EHCP_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test",
  );
  try {
    await postgres.ready();
    results.push(await storeBenchmark("PostgreSQL", postgres));
  } catch (error) {
    console.error(
      `PostgreSQL is not reachable (${error.message}): its store benchmark is left out`,
    );
    await postgres.close().catch(() => {});
  }
  rmSync(dir, { recursive: true, force: true });
  return results;
}

/**
 * The typing benchmark in each mode, three rounds each, the modes interleaved so that drift in
 * the machine's speed falls on all alike; each figure is the median of the three rounds. Returns
 * stock's figures, then ours in memory and ours on SQLite with their ratios to stock.
 */
export async function typingComparison({ seconds = 30 } = {}) {
  const ratio = (a, b) => Math.round((a / b) * 1000) / 1000;
  // BENCH_MODES=stock,ours-memory: only those modes (stock first, as the others' peer).
  const modes = (process.env.BENCH_MODES ?? "stock,ours-memory,ours").split(",");
  const rounds = Object.fromEntries(modes.map((mode) => [mode, []]));
  for (let i = 0; i < 3; i++) {
    for (const mode of modes) rounds[mode].push(await typingBenchmark(mode, { seconds }));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const typing = Object.fromEntries(
    modes.map((mode) => {
      const runs = rounds[mode];
      const pick = (key) => median(runs.map((r) => r[key]));
      return [
        mode,
        {
          ...runs[0],
          inputs: { ...runs[0].inputs, rounds: runs.length },
          p50: pick("p50"),
          p95: pick("p95"),
          max: pick("max"),
          serverCpuPercent: pick("serverCpuPercent"),
          serverRssMB: pick("serverRssMB"),
          cpuPercentEachRound: runs.map((r) => r.serverCpuPercent),
          serverCpuMsPerKeystroke: pick("serverCpuMsPerKeystroke"),
          cpuMsPerKeystrokeEachRound: runs.map((r) => r.serverCpuMsPerKeystroke),
          serverSendsPerKeystroke: pick("serverSendsPerKeystroke"),
        },
      ];
    }),
  );
  return [
    typing.stock,
    ...modes.slice(1).map((mode) => ({
      ...typing[mode],
      peer: typing.stock.name,
      cpuRatioToPeer: ratio(typing[mode].serverCpuPercent, typing.stock.serverCpuPercent),
      // Per keystroke, round by round: each round's own stock is its peer.
      cpuPerKeystrokeRatioEachRound: rounds[mode].map((r, i) =>
        ratio(r.serverCpuMsPerKeystroke, rounds.stock[i].serverCpuMsPerKeystroke),
      ),
      ratioToPeer: ratio(typing[mode].p50, typing.stock.p50),
    })),
  ];
}
