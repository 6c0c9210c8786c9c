import { execFileSync } from "node:child_process";
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
  execFileSync("npx", ["--no-install", "tsc", "-b", project], { stdio: "inherit" });
  process.env.EHCP_COLLAB_SERVER_BUILT = "1";
}
