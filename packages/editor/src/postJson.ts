import { ServerUnreachable } from "./ServerUnreachable.js";

/** The signed-in user's token, or a function that gives it afresh. */
export type TokenSource = string | (() => string) | (() => Promise<string>);

/**
 * Posts JSON to the collaboration server's HTTP API (a `ws://` address is taken as its
 * `http://` twin) with the user's token. A refusal rejects with the server's own words; no
 * answer at all rejects with `ServerUnreachable`.
 */
export async function postJson(
  url: string,
  path: string,
  token: TokenSource,
  body: unknown,
): Promise<unknown> {
  const bearer = typeof token === "function" ? await token() : token;
  let response: Response;
  try {
    response = await fetch(`${url.replace(/^ws/, "http").replace(/\/$/, "")}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ServerUnreachable();
  }
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new Error(answer.error ?? `the server answered ${response.status}`);
  return answer;
}
