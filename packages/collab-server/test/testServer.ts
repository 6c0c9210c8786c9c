import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@ehcp/schema";
import { type CollabServerOptions, createCollabServer, type DocumentStore } from "../src/index.js";
import { TEST_SECRET, tokenFor } from "./tokens.js";

/**
 * A real server on an SQLite file in a fresh folder, signing people in with the tests' secret.
 * `restart` stops it and starts another on the same file; `stop` also removes the folder.
 * `openStore` opens the store on that file instead of the server (again on each restart, since
 * stopping closes it).
 */
export async function startTestServer(
  prefix: string,
  {
    openStore,
    ...options
  }: Partial<Omit<CollabServerOptions, "port" | "db" | "store">> & {
    openStore?: (file: string) => DocumentStore;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), `ehcp-${prefix}-`));
  const file = join(dir, "plans.sqlite");
  const begin = async () => {
    const server = createCollabServer({
      port: 0,
      ...(openStore ? { store: openStore(file) } : { db: file }),
      signIn: { jwtSecret: TEST_SECRET },
      ...options,
    });
    return { server, url: await server.start() };
  };
  let running = await begin();
  return {
    get server() {
      return running.server;
    },
    /** The SQLite file the server keeps its plans in (unless `openStore` keeps them elsewhere). */
    file,
    /** The server's `ws://` address. */
    get url() {
      return running.url;
    },
    async restart() {
      await running.server.stop();
      running = await begin();
    },
    async stop() {
      await running.server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls the HTTP API at `url` as someone in `role` named "The <role>", with a JSON body. */
export async function callApi(
  url: string,
  method: string,
  path: string,
  role: Role,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url.replace(/^ws/, "http") + path, {
    method,
    headers: { Authorization: `Bearer ${await tokenFor(role, "*", `The ${role}`)}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
