import { examplePlan } from "@ehcp/fixtures";
import { type Plan, parsePlan } from "@ehcp/schema";
import { expect } from "vitest";
import { callApi } from "./testServer.js";

const good = parsePlan(examplePlan("plan-good.json"));
type Adviser = { readonly id: string; readonly name: string; readonly role: string };

/**
 * A new plan (the well-written one under a fresh id starting `prefix`) with advice asked by the
 * caseworker of each adviser in turn, through the HTTP API as the app asks it: the plan's id and
 * each request's id, in the advisers' order.
 */
export async function adviceAsked<const A extends readonly Adviser[]>(
  url: string,
  prefix: string,
  advisers: A,
  request: { readonly requestedOn?: string } = {},
): Promise<{ id: string; requests: { -readonly [K in keyof A]: string } }> {
  const id = `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
  const plan: Plan = { ...good, id };
  expect((await callApi(url, "POST", "/plans", "caseworker", plan)).status).toBe(201);
  const requests: string[] = [];
  for (const adviser of advisers) {
    const made = await callApi(url, "POST", `/plans/${id}/advice-requests`, "caseworker", {
      adviser,
      ...request,
    });
    expect(made.status).toBe(201);
    requests.push((made.json.request as { id: string }).id);
  }
  return { id, requests: requests as { -readonly [K in keyof A]: string } };
}
