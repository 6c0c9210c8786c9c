// The server's own CPU for a keystroke, without the network: `node --expose-gc bench/serverCpu.mjs`
// (after `npx tsc -b tsconfig.build.json`). Stock Hocuspocus and ours (store in memory, and on
// SQLite) each get the same 30 typists' keystrokes through Hocuspocus's own connection handling,
// on sockets that send nowhere, one keystroke at a time; two more connections only watch. CPU is
// the process's, so what the typists did to make their keystrokes is done before the clock
// starts. On a loaded machine this is steadier than `bench/server.mjs`, whose figures include
// each keystroke's 30 socket writes and the clients' starved process; it says what the checks
// cost in microseconds, not how that compares with a relay's whole cost (see BENCHMARKS.md).
// BENCH_KEYSTROKES sets how many (default 3,000), BENCH_MODES which modes, BENCH_ROUNDS rounds,
// BENCH_PROFILE=dir writes a CPU profile of each round's counted keystrokes. On SQLite each
// keystroke waits for its own commit here, so no commit gathers more than one: its row is the
// durable store's worst case, not the typing benchmark's.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCollabServer, SignIn } from "@ehcp/collab-server";
import { generatePlan } from "@ehcp/fixtures/generatePlan";
import { Server } from "@hocuspocus/server";
import { PLAN_SCHEMA_VERSION, planToYDoc } from "@ehcp/schema";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

const SECRET = "bench-secret-that-is-at-least-32-characters";
const TYPISTS = 30;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MODES = (process.env.BENCH_MODES ?? "stock,ours-memory,ours").split(",");
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

/** A socket that sends nowhere, counting what it was given. */
function socket(counts) {
  return {
    readyState: 1,
    send: () => (counts.sent += 1),
    close: (code, reason) => {
      counts.closed = `${code} ${reason}`;
    },
  };
}

const field = (doc, i) => doc.getXmlFragment("default").get(6).get(i).get(1).get(0);

async function run(mode) {
  const dir = mkdtempSync(join(tmpdir(), "ehcp-bench-cpu-"));
  let hocuspocus;
  let stop;
  if (mode === "stock") {
    const server = new Server({ port: 0, quiet: true, stopOnSignals: false });
    hocuspocus = server.hocuspocus;
    stop = () => server.destroy();
  } else {
    const server = createCollabServer({
      port: 0,
      ...(mode === "ours-memory" ? { store: memoryStore() } : { db: join(dir, "plans.sqlite") }),
      signIn: { jwtSecret: SECRET },
    });
    hocuspocus = server.hocuspocus;
    stop = () => server.stop();
  }
  const signIn = new SignIn({ jwtSecret: SECRET });
  const counts = { sent: 0, closed: null };
  const connect = async (id) => {
    const request = {
      url: `/?schemaVersion=${PLAN_SCHEMA_VERSION}`,
      headers: new Headers(),
      socket: { remoteAddress: "127.0.0.1" },
    };
    const connection = hocuspocus.handleConnection(socket(counts), request);
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
  for (let i = 0; doc().getXmlFragment("default").length < 7; i++) {
    if (i > 10_000) throw new Error(`the plan was not taken (${counts.closed ?? "no close"})`);
    await tick();
  }
  // Each typist's keystrokes, made now on a copy of the plan so that making them is not counted.
  const typists = [];
  for (let i = 0; i < TYPISTS; i++) {
    const connection = await connect(`typer-${i}`);
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
  // be counted as the server's CPU.
  let taken = () => {};
  doc().on("update", () => taken());
  const type = async (typist, k) => {
    const wait = new Promise((resolve) => (taken = resolve));
    typist.connection.handleMessage(typist.messages[k]);
    await wait;
    // Hocuspocus relays what arrived in one turn of the event loop together, after it.
    await tick();
  };
  // The first tenth warms the server up and is not counted.
  const warm = Math.floor(KEYSTROKES / TYPISTS / 10);
  for (let k = 0; k < warm; k++) for (const typist of typists) await type(typist, k);
  global.gc?.();
  // BENCH_PROFILE=dir: a CPU profile of the counted keystrokes, one file a mode and round.
  const session = process.env.BENCH_PROFILE ? new Session() : null;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const before = process.cpuUsage();
  const sentBefore = counts.sent;
  let done = 0;
  for (let k = warm; done < KEYSTROKES - warm * TYPISTS; k++) {
    for (const typist of typists) {
      if (!typist.messages[k]) break;
      await type(typist, k);
      done += 1;
    }
    if (!typists[0].messages[k]) break;
  }
  const used = process.cpuUsage(before);
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
  };
}

const rounds = Object.fromEntries(MODES.map((m) => [m, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (const mode of MODES) {
    const result = await run(mode);
    rounds[mode].push(result.cpuUsPerKeystroke);
    console.log(JSON.stringify(result));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const mode of MODES) {
  console.log(
    JSON.stringify({
      mode,
      cpuUsPerKeystroke: median(rounds[mode]),
      rounds: rounds[mode],
      ...(mode === "stock" || !rounds.stock
        ? {}
        : { extraUsPerKeystroke: median(rounds[mode]) - median(rounds.stock) }),
    }),
  );
}
process.exit(0);
