import { Redis } from "@hocuspocus/extension-redis";

/** The Hocuspocus Redis extension for a `redis://` URL, with its password and database number. */
export function redisExtension(url: string): Redis {
  const parsed = new URL(url);
  return new Redis({
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    prefix: "ehcp",
    options: {
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
    },
  });
}
