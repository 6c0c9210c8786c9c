// A collaboration server in its own process, so the benchmark can read its CPU time and memory
// apart from the clients'. `ours`: createCollabServer on an SQLite file (every update on disk
// before it is acknowledged, permission and schema checks). `stock`: Hocuspocus 4 as it comes,
// in memory, with no checks. `ours-memory`: ours on a store that keeps nothing on disk. Talks to the parent over IPC: it sends { url } once listening, and
// answers "stats" with its CPU time and memory.
import { Connection, Server } from "@hocuspocus/server";

// Messages the server sends, counted for each run: a change that makes it send more (a broadcast
// no longer merged, say) costs socket writes, the larger part of a relay's CPU.
let sends = 0;
const send = Connection.prototype.send;
Connection.prototype.send = function countedSend(message) {
  sends += 1;
  return send.call(this, message);
};

// BENCH_COLLAB_SERVER=path: another build of the server (a copy of packages/collab-server/dist
// made before a change, say), measured in the same run as this one.
const { createCollabServer } = await import(
  process.env.BENCH_COLLAB_SERVER
    ? new URL(process.env.BENCH_COLLAB_SERVER, `file://${process.cwd()}/`).href
    : "@ehcp/collab-server"
);

const [mode, db, secret] = process.argv.slice(2);

/** A store that keeps nothing on disk: our server's checks, without the cost of durability. */
function memoryStore() {
  const docs = new Map();
  const owners = new Map();
  const entry = (name) => {
    if (!docs.has(name)) docs.set(name, { snapshot: null, updates: [] });
    return docs.get(name);
  };
  return {
    load: async (name) => ({ ...entry(name), updates: [...entry(name).updates] }),
    append: async (name, update) => void entry(name).updates.push(update),
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
let url;
if (mode === "stock") {
  const server = new Server({ port: 0, address: "127.0.0.1", quiet: true, stopOnSignals: false });
  await server.listen();
  url = server.webSocketURL;
} else {
  const server = createCollabServer({
    port: 0,
    ...(mode === "ours-memory" ? { store: memoryStore() } : { db }),
    signIn: { jwtSecret: secret },
  });
  url = await server.start();
}
// BENCH_PROFILE=dir: a CPU profile from the first "stats" to the second, written into dir.
const profileDir = process.env.BENCH_PROFILE;
let session;
let asked = 0;
const profile = async () => {
  asked += 1;
  if (!profileDir || asked > 2) return;
  const { Session } = await import("node:inspector/promises");
  if (asked === 1) {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
    return;
  }
  const { profile: taken } = await session.post("Profiler.stop");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  mkdirSync(profileDir, { recursive: true });
  writeFileSync(`${profileDir}/${mode}-${Date.now()}.cpuprofile`, JSON.stringify(taken));
  session.disconnect();
};
process.on("message", async (message) => {
  if (message === "stats") {
    global.gc?.();
    const { user, system } = process.cpuUsage();
    const memory = process.memoryUsage();
    process.send({
      cpuMs: (user + system) / 1000,
      rssMB: memory.rss / 1048576,
      heapMB: memory.heapUsed / 1048576,
      sends,
    });
    // After the figures are read, so that taking the profile is not counted in them.
    await profile();
  }
  if (message === "exit") process.exit(0);
});
process.send({ url });
