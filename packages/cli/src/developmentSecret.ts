import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { postgresDevelopmentSecret } from "@ehcp/collab-server";

/** The file, beside the SQLite file, that holds the development sign-in's secret. */
export const DEVELOPMENT_SECRET_FILE = "dev-sign-in.secret";

/**
 * The development sign-in's signing secret for `db`: for an SQLite file, read from the file
 * beside it, or made and written there (readable by this user only) the first time; for a
 * PostgreSQL database, kept in a table of its own there (`postgresDevelopmentSecret`). Kept, so
 * that tabs open across a restart of `ehcp serve` still sign in with the tokens they have.
 */
export async function developmentSecret(db: string): Promise<string> {
  if (/^postgres(ql)?:\/\//.test(db)) return postgresDevelopmentSecret(db);
  const file = join(dirname(db), DEVELOPMENT_SECRET_FILE);
  try {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
