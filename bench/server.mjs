// `npm run bench:server`: only the collaboration server beside stock Hocuspocus (30 clients typing,
// in memory and on SQLite), one JSON line each, written to bench/server-results.json. The rest of
// `npm run bench` is left out, for a check of the server's cost after a change to it.
import { writeFileSync } from "node:fs";
import { typingComparison } from "./collab.mjs";

const results = await typingComparison({ seconds: Number(process.env.BENCH_SECONDS ?? 30) });
for (const result of results) console.log(JSON.stringify(result));
writeFileSync(
  new URL("./server-results.json", import.meta.url),
  `${JSON.stringify({ node: process.version, date: new Date().toISOString().slice(0, 10), results }, null, 2)}\n`,
);
