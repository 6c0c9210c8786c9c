import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError } from "./HttpError.js";
import { readBody } from "./readBody.js";
import { sendJson } from "./sendJson.js";
import { ROLES, type Role, type SignIn } from "../signIn.js";

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
    throw new HttpError(404, "the development sign-in is switched off");
  if (request.method !== "POST") throw new HttpError(405, "use POST");
  let input: { name?: unknown; role?: unknown; plans?: unknown };
  try {
    input = JSON.parse(await readBody(request, 10_000));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "send JSON: { name, role, plans }");
  }
  const name = typeof input.name === "string" ? input.name.trim().slice(0, 100) : "";
  if (!name) throw new HttpError(400, "name: give the person's name");
  if (typeof input.role !== "string" || !(ROLES as readonly string[]).includes(input.role)) {
    throw new HttpError(400, `role: one of ${ROLES.join(", ")}`);
  }
  const plans =
    Array.isArray(input.plans) && input.plans.every((p) => typeof p === "string")
      ? (input.plans as string[])
      : "*";
  const id = `dev-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const token = await signIn.mint({ id, name, role: input.role as Role, plans });
  sendJson(response, 200, { token, user: { id, name, role: input.role, plans } });
}
