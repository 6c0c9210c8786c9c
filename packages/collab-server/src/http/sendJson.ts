import type { ServerResponse } from "node:http";

/** Answers with JSON; nothing a plan holds is cached by a browser or a proxy on the way. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(JSON.stringify(body));
}
