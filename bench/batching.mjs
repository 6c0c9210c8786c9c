// The batching rows of `npm run bench` alone (build first: `npx tsc -b tsconfig.build.json`):
// messages per keystroke and keystroke-to-arrival latency with the stock provider and with the
// editor's `BatchedProvider`. `BENCH_SECONDS` sets each round's length (default 30).
import { batchingBenchmarks } from "./collab.mjs";

await batchingBenchmarks(Number(process.env.BENCH_SECONDS ?? 30));
