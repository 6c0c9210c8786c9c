import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { createCollabServer, type SignInOptions } from "@ehcp/collab-server";
import type { CouncilSettings } from "@ehcp/export";
import { readCouncilSettings } from "./readCouncilSettings.js";
import { type Plan, PlanFormatError, parsePlanJson } from "@ehcp/schema";
import { developmentSecret } from "./developmentSecret.js";
import { EXIT, type Io } from "./Io.js";

export interface ServeArgs {
  readonly port: number;
  /** When the port is taken, listen on a free one instead and say which. */
  readonly portFallback?: boolean;
  readonly host: string;
  readonly db: string;
  readonly redis?: string | undefined;
  readonly app?: string | undefined;
  readonly seed?: string | undefined;
  readonly signIn: SignInOptions;
  /** A JSON file of the council's settings, for the family's rights in every exported plan. */
  readonly councilSettings?: string | undefined;
}

/** The Plan JSON files of a folder, in name order; a bad one is named with its problem. */
async function readSeed(dir: string): Promise<Plan[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const plans: Plan[] = [];
  for (const name of names) {
    try {
      plans.push(parsePlanJson(await readFile(join(dir, name), "utf8")));
    } catch (error) {
      const reason = error instanceof PlanFormatError ? error.message : (error as Error).message;
      throw new Error(`${join(dir, name)}: ${reason}`, { cause: error });
    }
  }
  return plans;
}

/** Whether something already listens on `port` at `host`. */
function portTaken(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE"));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}

/** `ehcp serve`: runs the collaboration server until SIGINT or SIGTERM, storing every document first. */
export async function serve(args: ServeArgs, io: Io): Promise<number> {
  let server: ReturnType<typeof createCollabServer>;
  let seed: Plan[] = [];
  try {
    if (args.seed) seed = await readSeed(args.seed);
  } catch (error) {
    io.err(`ehcp: --seed: ${(error as Error).message}`);
    return EXIT.usage;
  }
  let councilSettings: CouncilSettings | undefined;
  if (args.councilSettings) {
    const read = await readCouncilSettings(args.councilSettings, io, "the server did not start");
    if (typeof read === "number") return read;
    councilSettings = read;
  }
  let port = args.port;
  if (args.portFallback && port !== 0 && (await portTaken(port, args.host))) {
    io.out(`ehcp: port ${port} on ${args.host} is in use; listening on a free port instead`);
    port = 0;
  }
  try {
    // Without a secret of the council's, the development sign-in signs with one kept in the data
    // folder, so a restart does not turn every open tab's token away.
    const kept =
      args.signIn.developmentSignIn && !args.signIn.jwtSecret && !args.signIn.jwksUrl
        ? await developmentSecret(args.db)
        : null;
    server = createCollabServer({
      signIn: kept ? { ...args.signIn, jwtSecret: kept } : args.signIn,
      port,
      host: args.host,
      db: args.db,
      ...(args.redis ? { redis: args.redis } : {}),
      ...(args.app ? { app: args.app } : {}),
      seed,
      // Every plan's PDF and DOCX then carry the family's rights and the council's contacts.
      ...(councilSettings ? { exportOptions: { councilSettings } } : {}),
    });
  } catch (error) {
    io.err(`ehcp: ${(error as Error).message}`);
    return EXIT.usage;
  }
  let url: string;
  try {
    url = await server.start();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === "EADDRINUSE"
        ? `ehcp: port ${args.port} on ${args.host} is in use; choose another with --port`
        : `ehcp: could not start the server: ${(error as Error).message}`,
    );
    await server.stop().catch(() => {});
    return EXIT.usage;
  }
  // A database URL may hold a password: name only where the documents are.
  const where = /^postgres(ql)?:\/\//.test(args.db)
    ? `PostgreSQL at ${new URL(args.db).host}${new URL(args.db).pathname}`
    : args.db;
  const shared = args.redis ? `, shared through Redis at ${new URL(args.redis).host}` : "";
  io.out(`ehcp collaboration server listening on ${url} (documents in ${where}${shared})`);
  const http = url.replace(/^ws/, "http");
  io.out(`HTTP API at ${http}/plans (health check at ${http}/healthz)`);
  if (args.app) io.out(`playground at ${http}/`);
  if (args.signIn.developmentSignIn) {
    io.out(
      `development sign-in is on: POST ${url.replace(/^ws/, "http")}/dev/sign-in mints tokens for anyone`,
    );
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  io.out(`${signal}: storing documents and stopping`);
  await server.stop();
  io.out("stopped");
  return EXIT.ok;
}
