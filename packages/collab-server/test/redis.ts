import { connect } from "node:net";

export const REDIS_URL = process.env.EHCP_TEST_REDIS ?? "redis://127.0.0.1:6379";

/** Whether Redis answers PING. Without it the Redis tests are skipped with a message, except under CI=true. */
export async function redisAvailable(): Promise<boolean> {
  const url = new URL(REDIS_URL);
  const ok = await new Promise<boolean>((resolve) => {
    const socket = connect(Number(url.port || 6379), url.hostname);
    const done = (value: boolean) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(2000, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
  });
  if (!ok && process.env.CI !== "true")
    console.warn(`Redis is not reachable at ${REDIS_URL}: its tests are skipped`);
  return ok || process.env.CI === "true";
}
