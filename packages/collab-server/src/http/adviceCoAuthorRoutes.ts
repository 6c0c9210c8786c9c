import { ADVICE_REQUESTS_MAP_NAME, type AdviceRequest } from "@ehcp/schema";
import { unsafeCharacter } from "../ws/unsafeCharacter.js";
import { ADVICE_REQUESTS_PART } from "./adviceRoutes.js";
import { HttpError } from "./HttpError.js";
import { openAdvice } from "./openAdvice.js";
import type { Route, RouteContext } from "./RouteContext.js";
import { sendJson } from "./sendJson.js";
import { withLivePlan } from "./withLivePlan.js";
import { adviceRequestIn } from "./adviceRequestIn.js";

/** An adviser asks a colleague or two, not a team: this bounds what one request stores. */
const MAX_CO_AUTHORS = 10;
const MAX_NAME = 200;

const textOf = (value: unknown, field: string, what: string): string => {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) throw new HttpError(400, `${field}: give ${what}`);
  if (text.length > MAX_NAME) throw new HttpError(400, `${field}: at most ${MAX_NAME} characters`);
  const unsafe = unsafeCharacter(text);
  if (unsafe) throw new HttpError(400, `${field}: ${unsafe}`);
  return text;
};

/**
 * Co-authors of a piece of advice: `GET /plans/:id/advice/:request/co-authors` says who writes
 * it (to whoever may open it); `POST /plans/:id/advice/:request/co-authors` with
 * `{ coAuthor: { id, name } }` invites a named person (the id they sign in with) to write the
 * advice with its adviser, and `POST …/co-authors/:coAuthor/remove` takes that back. Only the
 * adviser the request names does either: a co-author writes, and invites no one; the caseworker
 * reads. A co-author writes in this advice and nothing else (see `DocumentAccess`): not the plan,
 * which they are not let into, nor any other advice. The change is written beside the plan, in
 * its request, so every server holding the advice open closes a removed co-author's connection
 * (see `adviceAccessWatch`).
 */
export function adviceCoAuthorRoutes(context: RouteContext): Route[] {
  const { options, readJson } = context;
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));

  /** The request, changed by `change`, once the person asking is found to be its adviser. */
  const asAdviser = async (
    request: Parameters<Route["handle"]>[0],
    planId: string,
    requestId: string,
    change: (current: AdviceRequest) => AdviceRequest,
  ) => {
    const { user } = await openAdvice(context, request, planId, requestId);
    const next = await withLivePlan(options.openDocument, planId, (doc) => {
      const current = adviceRequestIn(doc, planId, requestId);
      if (current.adviser.id !== user.id) {
        throw new HttpError(
          403,
          `only ${current.adviser.name}, who was asked for this advice, chooses who writes it with them`,
        );
      }
      const changed = change(current);
      doc.getMap<unknown>(ADVICE_REQUESTS_MAP_NAME).set(requestId, changed);
      return changed;
    });
    options.audit.record(
      planId,
      { id: user.id, role: user.role },
      [ADVICE_REQUESTS_PART],
      [requestId],
    );
    return next;
  };

  return [
    {
      // Who writes the advice, for anyone who may open it (the adviser, a co-author, the
      // caseworker), who cannot all read the plan's requests.
      method: "GET",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/co-authors$/,
      handle: async (request, response, [id = "", requestId = ""]) => {
        await openAdvice(context, request, id, requestId);
        const asked = await withLivePlan(options.openDocument, id, (doc) =>
          adviceRequestIn(doc, id, requestId),
        );
        sendJson(response, 200, { adviser: asked.adviser, coAuthors: asked.coAuthors });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/co-authors$/,
      handle: async (request, response, [id = "", requestId = ""]) => {
        const body = (await readJson(request, 10_000)) as { coAuthor?: unknown };
        if (typeof body.coAuthor !== "object" || body.coAuthor === null) {
          throw new HttpError(400, "coAuthor: { id, name } of the person invited");
        }
        const asked = body.coAuthor as Record<string, unknown>;
        const name = textOf(asked.name, "coAuthor.name", "the name of the person invited");
        const coAuthorId = textOf(
          asked.id,
          "coAuthor.id",
          "the id the person invited signs in with, which lets them write the advice",
        );
        const next = await asAdviser(request, id, requestId, (current) => {
          if (coAuthorId === current.adviser.id) {
            throw new HttpError(409, `${current.adviser.name} writes this advice already`);
          }
          const known = current.coAuthors.find((c) => c.id === coAuthorId);
          if (known) throw new HttpError(409, `${known.name} writes this advice already`);
          if (current.coAuthors.length >= MAX_CO_AUTHORS) {
            throw new HttpError(409, `this advice has ${MAX_CO_AUTHORS} co-authors already`);
          }
          return {
            ...current,
            coAuthors: [...current.coAuthors, { id: coAuthorId, name, invitedOn: today() }],
          };
        });
        sendJson(response, 201, { request: next });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/co-authors\/([^/]+)\/remove$/,
      handle: async (request, response, [id = "", requestId = "", coAuthorId = ""]) => {
        const next = await asAdviser(request, id, requestId, (current) => {
          if (!current.coAuthors.some((c) => c.id === coAuthorId)) {
            throw new HttpError(404, `this advice has no co-author ${coAuthorId}`);
          }
          return { ...current, coAuthors: current.coAuthors.filter((c) => c.id !== coAuthorId) };
        });
        sendJson(response, 200, { request: next });
      },
    },
  ];
}
