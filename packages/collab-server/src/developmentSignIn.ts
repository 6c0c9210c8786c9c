import type { IncomingMessage, ServerResponse } from "node:http";
import { ROLES, type Role, type SignIn } from "./signIn.js";

const json = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { "Content-Type": "application/json" });
  response.end(JSON.stringify(body));
};

async function readBody(request: IncomingMessage, limit = 10_000): Promise<string> {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > limit) throw new Error("too large");
  }
  return body;
}

/**
 * `POST /dev/sign-in` with `{ "name": "…", "role": "…", "plans": [...] | "*" }` returns
 * `{ "token": "…" }`. Exists only when the development sign-in is switched on; answers 404 otherwise.
 */
export async function developmentSignIn(
  signIn: SignIn,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (!signIn.developmentSignIn)
    return json(response, 404, { error: "the development sign-in is switched off" });
  if (request.method !== "POST") return json(response, 405, { error: "use POST" });
  let input: { name?: unknown; role?: unknown; plans?: unknown };
  try {
    input = JSON.parse(await readBody(request));
  } catch {
    return json(response, 400, { error: "send JSON: { name, role, plans }" });
  }
  const name = typeof input.name === "string" ? input.name.trim().slice(0, 100) : "";
  if (!name) return json(response, 400, { error: "name: give the person's name" });
  if (typeof input.role !== "string" || !(ROLES as readonly string[]).includes(input.role)) {
    return json(response, 400, { error: `role: one of ${ROLES.join(", ")}` });
  }
  const plans =
    Array.isArray(input.plans) && input.plans.every((p) => typeof p === "string")
      ? (input.plans as string[])
      : "*";
  const id = `dev-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const token = await signIn.mint({ id, name, role: input.role as Role, plans });
  return json(response, 200, { token, user: { id, name, role: input.role, plans } });
}
