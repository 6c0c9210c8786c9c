// A collaboration server in its own process, so the benchmark can read its CPU time and memory
// apart from the clients'. `ours`: createCollabServer on an SQLite file (every update on disk
// before it is acknowledged, permission and schema checks). `stock`: Hocuspocus 4 as it comes,
// in memory, with no checks. `ours-memory`: ours on a store that keeps nothing on disk. Talks to the parent over IPC: it sends { url } once listening, and
// answers "stats" with its CPU time and memory.
import { createCollabServer } from "@ehcp/collab-server";
import { Server } from "@hocuspocus/server";

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
process.on("message", (message) => {
  if (message === "stats") {
    global.gc?.();
    const { user, system } = process.cpuUsage();
    const memory = process.memoryUsage();
    process.send({
      cpuMs: (user + system) / 1000,
      rssMB: memory.rss / 1048576,
      heapMB: memory.heapUsed / 1048576,
    });
  }
  if (message === "exit") process.exit(0);
});
process.send({ url });
