import { createCollabServer, type SignInOptions } from "@ehcp/collab-server";
import { EXIT, type Io } from "./Io.js";

export interface ServeArgs {
  readonly port: number;
  readonly host: string;
  readonly db: string;
  readonly redis?: string | undefined;
  readonly signIn: SignInOptions;
}

/** `ehcp serve`: runs the collaboration server until SIGINT or SIGTERM, storing every document first. */
export async function serve(args: ServeArgs, io: Io): Promise<number> {
  let server: ReturnType<typeof createCollabServer>;
  try {
    server = createCollabServer({
      signIn: args.signIn,
      port: args.port,
      host: args.host,
      db: args.db,
      ...(args.redis ? { redis: args.redis } : {}),
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
