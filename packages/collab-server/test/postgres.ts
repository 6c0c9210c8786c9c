import pg from "pg";

/** The PostgreSQL the tests use: 127.0.0.1:5432, trust auth, database `test`. */
export const POSTGRES_URL =
  process.env.EHCP_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * Whether PostgreSQL answers. Without it the PostgreSQL suites are skipped with a message, except
 * under CI=true, where they run and fail.
 */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (error) {
    if (process.env.CI === "true") return true;
    console.warn(
      `PostgreSQL is not reachable at ${POSTGRES_URL} (${(error as Error).message}): its tests are skipped`,
    );
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
