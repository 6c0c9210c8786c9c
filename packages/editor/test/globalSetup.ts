import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCollabServer, SignIn } from "@ehcp/collab-server";
import type { TestProject } from "vitest/node";

export const TEST_SECRET = "editor-browser-tests-secret-of-32-chars-or-more";

declare module "vitest" {
  export interface ProvidedContext {
    collabUrl: string;
    tokens: Record<string, string>;
  }
}

/** A real collaboration server on an SQLite file for the browser tests, and tokens to reach it. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "ehcp-editor-"));
  const server = createCollabServer({
    port: 0,
    db: join(dir, "plans.sqlite"),
    signIn: { jwtSecret: TEST_SECRET },
    // The tests' page comes from Vitest's own server, so it calls the API from another origin.
    allowedOrigins: ["*"],
  });
  const url = await server.start();
  const signIn = new SignIn({ jwtSecret: TEST_SECRET });
  const tokens: Record<string, string> = {};
  for (const role of ["caseworker", "health", "school", "parent"] as const) {
    tokens[role] = await signIn.mint({ id: `user-${role}`, name: `A ${role}`, role, plans: "*" });
  }
  // A token that expired a minute ago, for the editor's renewal of tokens.
  tokens.expired = await signIn.mint(
    { id: "user-caseworker", name: "A caseworker", role: "caseworker", plans: "*" },
    "1 minute ago",
  );
  project.provide("collabUrl", url);
  project.provide("tokens", tokens);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
