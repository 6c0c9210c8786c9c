// The server's own CPU for a keystroke, without the network: `node --expose-gc bench/serverCpu.mjs`
// (after `npx tsc -b tsconfig.build.json`). Stock Hocuspocus and ours (store in memory, and on
// SQLite) each get the same 30 typists' keystrokes through Hocuspocus's own connection handling,
// on sockets that send nowhere; two more connections only watch. CPU is the process's (every
// thread: the SQLite store's worker too), so what the typists did to make their keystrokes is
// done before the clock starts. On a loaded machine this is steadier than `bench/server.mjs`,
// whose figures include each keystroke's 30 socket writes and the clients' starved process; it
// says what the checks cost in microseconds, not how that compares with a relay's whole cost.
//
// The machine is shared, so one mode's figure against another's taken minutes apart says little:
// the modes take turns round by round (BENCH_ROUNDS, default 10), and what is reported is each
// round's ratio to the stock round beside it and the median of those ratios.
//
// BENCH_KEYSTROKES sets how many a round (default 3,000), BENCH_MODES which modes (stock,
// ours-memory, ours: SQLite with its default group-commit window, ours-commitN: SQLite with a
// window of N ms), BENCH_PROFILE=dir writes a CPU profile of each round's counted
// keystrokes. BENCH_OURS=label=path/to/dist/index.js,... adds, for each mode of ours, the same
// mode run on another build of the server (a branch point's `dist/` copied into the repository),
// so a change is measured in turns with the commit before it.
//
// BENCH_RATE unset: one keystroke at a time, each sent when the last was taken, so on SQLite each
// waits for its own commit and no commit gathers more than one (the durable store's worst case).
// BENCH_RATE=150 (30 typists at 5 a second): keystrokes sent at that rate, at random moments as
// independent typists would, each without waiting for the others, so a group commit gathers what
// arrives within its window; each keystroke's time from sent to taken into the plan is reported
// (p50, p95). The idle time between keystrokes costs no CPU; what the server does in it (its
// timers, Hocuspocus storing the plan) is counted, as it would be in a meeting. BENCH_LOOP_DELAY=1
// adds the event loop's longest stall in the counted time (its own timer then adds a little CPU),
// which tells a keystroke held up on the server's event loop from one held up in the store.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { SignIn } from "@ehcp/collab-server";
import { generatePlan } from "@ehcp/fixtures/generatePlan";
import { Server } from "@hocuspocus/server";
import { PLAN_SCHEMA_VERSION, planToYDoc } from "@ehcp/schema";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

const SECRET = "bench-secret-that-is-at-least-32-characters";
const TYPISTS = 30;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : null;
const BUILDS = [
  ["", null],
  ...(process.env.BENCH_OURS ?? "")
    .split(",")
    .filter(Boolean)
    .map((entry) => entry.split("=")),
];
const MODES = (process.env.BENCH_MODES ?? "stock,ours-memory,ours")
  .split(",")
  .flatMap((mode) =>
    mode === "stock" ? [mode] : BUILDS.map(([label]) => (label ? `${mode}@${label}` : mode)),
  );
const NAME = "plan-1";

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Hocuspocus's messages: the plan's name, the message type, then its body. */
function message(write) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, NAME);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
const auth = (token) =>
  message((e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });
const syncStep1 = (doc) =>
  message((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });
const update = (payload) =>
  message((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, payload);
  });

/** A memory store as `bench/collabServer.mjs` has it. */
function memoryStore() {
  const docs = new Map();
  const owners = new Map();
  const entry = (name) => {
    if (!docs.has(name)) docs.set(name, { snapshot: null, updates: [] });
    return docs.get(name);
  };
  return {
    load: async (name) => ({ ...entry(name), updates: [...entry(name).updates] }),
    append: async (name, u) => void entry(name).updates.push(u),
    compact: async (name, snapshot) => void docs.set(name, { snapshot, updates: [] }),
    create: async () => true,
    list: async () => [...docs.keys()],
    addVersion: async () => {},
    listVersions: async () => [],
    getVersion: async () => null,
    appendAudit: async () => {},
    listAudit: async () => [],
    clientOwner: async (name, client, claimFor) => {
      const key = `${name}:${client}`;
      if (claimFor !== undefined && !owners.has(key)) owners.set(key, claimFor);
      return owners.get(key) ?? null;
    },
    close: async () => {},
  };
}

// Every message to a connection starts with the plan's name; an acknowledgement ("saved") is
// SyncStatus, type 8, and one byte.
const ACK_AT = encoding.encode((e) => encoding.writeVarString(e, NAME)).length;
const isAck = (m) => m.length === ACK_AT + 2 && m[ACK_AT] === 8;

/** A socket that sends nowhere, counting what it was given and telling `acked` of each ack. */
function socket(counts, acked = () => {}) {
  return {
    readyState: 1,
    send: (m) => {
      counts.sent += 1;
      if (isAck(m)) acked();
    },
    close: (code, reason) => {
      counts.closed = `${code} ${reason}`;
    },
  };
}

const field = (doc, i) => doc.getXmlFragment("default").get(6).get(i).get(1).get(0);

/** A seeded generator, so every mode and round is sent the keystrokes at the same moments. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};

async function run(mode) {
  const [base, label] = mode.split("@");
  const path = BUILDS.find(([l]) => l === (label ?? ""))[1];
  const { createCollabServer } = path
    ? await import(new URL(path, `file://${process.cwd()}/`).href)
    : await import("@ehcp/collab-server");
  const dir = mkdtempSync(join(tmpdir(), "ehcp-bench-cpu-"));
  let hocuspocus;
  let stop;
  if (mode === "stock") {
    const server = new Server({ port: 0, quiet: true, stopOnSignals: false });
    hocuspocus = server.hocuspocus;
    stop = () => server.destroy();
  } else {
    const window = /^ours-commit(\d+)$/.exec(base);
    const { SqliteDocumentStore } = await import("@ehcp/collab-server");
    const server = createCollabServer({
      port: 0,
      ...(base === "ours-memory"
        ? { store: memoryStore() }
        : window
          ? {
              store: new SqliteDocumentStore(join(dir, "plans.sqlite"), {
                groupCommitMs: Number(window[1]),
              }),
            }
          : { db: join(dir, "plans.sqlite") }),
      signIn: { jwtSecret: SECRET },
    });
    hocuspocus = server.hocuspocus;
    stop = () => server.stop();
  }
  const signIn = new SignIn({ jwtSecret: SECRET });
  const counts = { sent: 0, closed: null };
  const connect = async (id, acked) => {
    const request = {
      url: `/?schemaVersion=${PLAN_SCHEMA_VERSION}`,
      headers: new Headers(),
      socket: { remoteAddress: "127.0.0.1" },
    };
    const connection = hocuspocus.handleConnection(socket(counts, acked), request);
    const token = await signIn.mint({ id, name: id, role: "caseworker", plans: "*" });
    connection.handleMessage(auth(token));
    while (!hocuspocus.documents.get(NAME)?.getConnectionsCount?.()) await tick();
    return connection;
  };
  // The plan, written by a first connection, as the benchmark's writer does.
  const plan = generatePlan({ scale: 1, seed: 1 });
  const source = new Y.Doc();
  planToYDoc(plan, source);
  const writer = await connect("writer");
  await tick();
  const doc = () => hocuspocus.documents.get(NAME);
  for (let i = 0; i < 50 && doc().getConnectionsCount() < 1; i++) await tick();
  writer.handleMessage(syncStep1(new Y.Doc()));
  writer.handleMessage(update(Y.encodeStateAsUpdate(source)));
  // On a loaded machine taking in the whole plan (checked, and on SQLite committed) can take
  // seconds: the wait is bounded by time, not by turns of the event loop.
  const writing = performance.now();
  while (doc().getXmlFragment("default").length < 7) {
    if (performance.now() - writing > 120_000)
      throw new Error(`the plan was not taken (${counts.closed ?? "no close"})`);
    await tick();
  }
  // Each typist's keystrokes, made now on a copy of the plan so that making them is not counted.
  const typists = [];
  // A typist's acknowledgements come in the order its keystrokes were sent: each is the time from
  // a keystroke sent to its writer told it was saved (on SQLite, on disk).
  let acksAwaited = 0;
  let allAcked = () => {};
  const saved = [];
  for (let i = 0; i < TYPISTS; i++) {
    const ackedAt = [];
    const connection = await connect(`typer-${i}`, () => {
      const at = ackedAt.shift();
      if (at === undefined) return;
      saved.push(performance.now() - at);
      if (--acksAwaited === 0) allAcked();
    });
    connection.ackedAt = ackedAt;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc()));
    connection.handleMessage(syncStep1(copy));
    const messages = [];
    copy.on("update", (u) => messages.push(update(u)));
    const text = field(copy, i);
    const base = text.length;
    for (let k = 0; k < Math.ceil(KEYSTROKES / TYPISTS); k++) text.insert(base + k, "x");
    typists.push({ connection, messages, client: copy.clientID });
  }
  for (let w = 0; w < 2; w++) await connect(`watcher-${w}`);
  // Hocuspocus stores the plan 2 seconds after it was written (our server summarizing it then):
  // that store is the loading's, not the typing's.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  // Waiting for each keystroke to be taken is told by the document, not by polling, which would
  // be counted as the server's CPU. Which typist's keystroke was taken is read from the update
  // once for each connection and then known by its origin (the connection Hocuspocus gives);
  // one connection's updates are taken in the order sent.
  const byClient = new Map(typists.map((t) => [t.client, t]));
  const byOrigin = new Map();
  let counting = false;
  for (const typist of typists) typist.sentAt = [];
  let taken = () => {};
  const delays = [];
  doc().on("update", (update, origin) => {
    const key = origin?.connection ?? origin;
    if (!byOrigin.has(key)) {
      const clients = [...Y.parseUpdateMeta(update).to.keys()];
      byOrigin.set(key, clients.length === 1 ? byClient.get(clients[0]) : undefined);
    }
    const at = byOrigin.get(key)?.sentAt.shift();
    if (at !== undefined) delays.push(performance.now() - at);
    taken();
  });
  const send = (typist, k) => {
    typist.sentAt.push(performance.now());
    if (counting) {
      typist.connection.ackedAt.push(performance.now());
      acksAwaited++;
    }
    typist.connection.handleMessage(typist.messages[k]);
  };
  const type = async (typist, k) => {
    const wait = new Promise((resolve) => (taken = resolve));
    send(typist, k);
    await wait;
    // Hocuspocus relays what arrived in one turn of the event loop together, after it.
    await tick();
  };
  // The keystrokes in the order they are typed: each typist's next, round the table.
  const order = [];
  for (let k = 0; order.length < KEYSTROKES; k++) {
    if (!typists[0].messages[k]) break;
    for (const typist of typists) if (typist.messages[k]) order.push([typist, k]);
  }
  // The first tenth warms the server up and is not counted.
  const warm = Math.floor(KEYSTROKES / TYPISTS / 10) * TYPISTS;
  for (const [typist, k] of order.slice(0, warm)) await type(typist, k);
  const counted = order.slice(warm);
  // At BENCH_RATE, the moments each is sent: independent typists, so the gaps are exponential.
  const next = random(19);
  const moments = [];
  for (let i = 0, at = 0; i < counted.length; i++) {
    at += RATE ? (-Math.log(1 - next()) * 1000) / RATE : 0;
    moments.push(at);
  }
  global.gc?.();
  delays.length = 0;
  // BENCH_PROFILE=dir: a CPU profile of the counted keystrokes, one file a mode and round.
  const session = process.env.BENCH_PROFILE ? new Session() : null;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const loopDelay = process.env.BENCH_LOOP_DELAY ? monitorEventLoopDelay({ resolution: 5 }) : null;
  loopDelay?.enable();
  // The warm-up's acknowledgements are in before the clock starts.
  await new Promise((resolve) => setTimeout(resolve, 200));
  counting = true;
  const before = process.cpuUsage();
  const sentBefore = counts.sent;
  const done = counted.length;
  if (RATE) {
    let all = () => {};
    const allTaken = new Promise((resolve) => (all = resolve));
    taken = () => delays.length === done && all();
    const start = performance.now();
    let i = 0;
    while (i < done) {
      const now = performance.now() - start;
      while (i < done && moments[i] <= now) send(...counted[i++]);
      if (i < done) await new Promise((resolve) => setTimeout(resolve, moments[i] - now));
    }
    await allTaken;
    await tick();
  } else {
    for (const [typist, k] of counted) await type(typist, k);
  }
  // The clock stops when every writer has been told their keystrokes were saved: what saving
  // them costs (the store's thread too) is the keystroke's.
  if (acksAwaited > 0) await new Promise((resolve) => (allAcked = resolve));
  const used = process.cpuUsage(before);
  loopDelay?.disable();
  const sent = counts.sent - sentBefore;
  if (session) {
    const { profile } = await session.post("Profiler.stop");
    mkdirSync(process.env.BENCH_PROFILE, { recursive: true });
    writeFileSync(
      join(process.env.BENCH_PROFILE, `${mode}-${Date.now()}.cpuprofile`),
      JSON.stringify(profile),
    );
    session.disconnect();
  }
  if (counts.closed) throw new Error(`a connection was closed: ${counts.closed}`);
  await stop();
  rmSync(dir, { recursive: true, force: true });
  return {
    mode,
    keystrokes: done,
    cpuUsPerKeystroke: Math.round((used.user + used.system) / done),
    sendsPerKeystroke: Math.round((sent / done) * 10) / 10,
    ...(RATE
      ? {
          takenMsP50: Math.round(percentile(delays, 50) * 10) / 10,
          takenMsP95: Math.round(percentile(delays, 95) * 10) / 10,
          takenMsMax: Math.round(Math.max(...delays)),
          savedMsP50: Math.round(percentile(saved, 50) * 10) / 10,
          savedMsP95: Math.round(percentile(saved, 95) * 10) / 10,
        }
      : {}),
    ...(loopDelay
      ? {
          loopStallMsMax: Math.round(loopDelay.max / 1e6),
          loopStallMsP99: Math.round(loopDelay.percentile(99) / 1e6),
        }
      : {}),
  };
}

const load = () => Math.round(loadavg()[0] * 10) / 10;
const rounds = Object.fromEntries(MODES.map((m) => [m, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (const mode of MODES) {
    const result = await run(mode);
    rounds[mode].push(result);
    console.log(JSON.stringify({ round: r + 1, load: load(), ...result }));
  }
}
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const two = (value) => Math.round(value * 100) / 100;
for (const mode of MODES) {
  const cpu = rounds[mode].map((r) => r.cpuUsPerKeystroke);
  const ratios = rounds.stock
    ? cpu.map((value, i) => two(value / rounds.stock[i].cpuUsPerKeystroke))
    : null;
  console.log(
    JSON.stringify({
      name: `server CPU a keystroke, no network${RATE ? `, ${RATE} a second` : ", one at a time"}`,
      mode,
      cpuUsPerKeystroke: median(cpu),
      cpuUsEachRound: cpu,
      ...(ratios && mode !== "stock"
        ? {
            ratioToStock: two(median(ratios)),
            ratioToStockEachRound: ratios,
            extraUsPerKeystroke: median(
              cpu.map((value, i) => value - rounds.stock[i].cpuUsPerKeystroke),
            ),
          }
        : {}),
      ...(RATE
        ? {
            takenMsP95: median(rounds[mode].map((r) => r.takenMsP95)),
            takenMsP95EachRound: rounds[mode].map((r) => r.takenMsP95),
            savedMsP95: median(rounds[mode].map((r) => r.savedMsP95)),
          }
        : {}),
    }),
  );
}
process.exit(0);
