import { randomBytes } from "node:crypto";
import pg from "pg";

/** The table, beside the plans in a PostgreSQL database, that holds the development secret. */
export const DEVELOPMENT_SECRET_TABLE = "ehcp_development_sign_in";

/**
 * The development sign-in's signing secret kept in the PostgreSQL database at `url`: read from
 * its table, or made and stored there the first time. A PostgreSQL database has no data folder
 * to keep it in, and a secret made afresh at each start would turn away every open tab's token
 * after a restart. Two servers starting on one database at once agree on the first one stored.
 */
export async function postgresDevelopmentSecret(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await createTable(client);
    await client.query(
      `INSERT INTO ${DEVELOPMENT_SECRET_TABLE} (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`,
      [randomBytes(32).toString("base64url")],
    );
    const { rows } = await client.query<{ secret: string }>(
      `SELECT secret FROM ${DEVELOPMENT_SECRET_TABLE} WHERE id = 1`,
    );
    const secret = rows[0]?.secret ?? "";
    if (secret.length < 32) {
      throw new RangeError(
        `the development secret in ${DEVELOPMENT_SECRET_TABLE} is shorter than 32 characters: delete its row to have a new one made`,
      );
    }
    return secret;
  } finally {
    await client.end();
  }
}

async function createTable(client: pg.Client): Promise<void> {
  const create = `CREATE TABLE IF NOT EXISTS ${DEVELOPMENT_SECRET_TABLE} (
    id INT PRIMARY KEY CHECK (id = 1),
    secret TEXT NOT NULL
  )`;
  try {
    await client.query(create);
  } catch (error) {
    // Another server made the table in the same instant: PostgreSQL's IF NOT EXISTS does not
    // cover that race, and the table is there now.
    const code = (error as { code?: string }).code;
    if (code !== "23505" && code !== "42P07") throw error;
  }
}
