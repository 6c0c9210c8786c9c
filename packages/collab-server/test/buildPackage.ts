import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * Builds the collaboration server before a test run. Tests run its TypeScript source, but the
 * SQLite store's worker thread can only be started from the compiled file (see
 * `SqliteDocumentStore`): building first means no test runs against a stale worker. Incremental,
 * so a build with nothing changed takes a moment; once a run, though each project asks.
 */
export default function setup() {
  if (process.env.EHCP_COLLAB_SERVER_BUILT) return;
  const project = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
  // TypeScript's own script on this Node, not npx: under CI's `npm exec --package=node@22`, a
  // nested npx asks to install that package and is refused.
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-b", project], { stdio: "inherit" });
  process.env.EHCP_COLLAB_SERVER_BUILT = "1";
}
