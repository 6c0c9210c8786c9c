import {
  ADVICE_REQUESTS_MAP_NAME,
  type AdviceRequest,
  ADVISER_ROLES,
  type AdviserRole,
  adviceDates,
  adviceDocumentName,
  adviceDueDate,
  blankAdvice,
  createId,
  planToYDoc,
  readAdviceRequests,
  spokenDate as spoken,
} from "@ehcp/schema";
import * as Y from "yjs";
import type { Route, RouteContext } from "./RouteContext.js";
import { HttpError } from "./HttpError.js";
import { sendJson } from "./sendJson.js";
import { withLivePlan } from "./withLivePlan.js";
import { unsafeCharacter } from "../ws/unsafeCharacter.js";
import { planDetailsOf } from "../planStatus.js";
import { adviceRequestIn } from "./adviceRequestIn.js";

/** The part an audit entry names for a change to a plan's requests for advice. */
export const ADVICE_REQUESTS_PART = "advice-requests";

/** A plan asks a few people for advice, and again at each review; this bounds what one stores. */
const MAX_REQUESTS = 200;
const MAX_NAME = 200;
const MAX_REASON = 2000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const textOf = (value: unknown, field: string, what: string): string => {
  const text = typeof value === "string" ? value.trim() : "";
  if (!text) throw new HttpError(400, `${field}: give ${what}`);
  if (text.length > MAX_NAME) {
    throw new HttpError(400, `${field}: at most ${MAX_NAME} characters`);
  }
  const unsafe = unsafeCharacter(text);
  if (unsafe) throw new HttpError(400, `${field}: ${unsafe}`);
  return text;
};

const dayOf = (value: unknown, field: string): string => {
  if (typeof value !== "string" || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new HttpError(400, `${field}: a calendar date written YYYY-MM-DD`);
  }
  return value;
};

/**
 * Requests for advice (SEND Regulations 2014 regs 6 and 8): `GET /plans/:id/advice-requests`
 * (`?today=YYYY-MM-DD` for where each stands on another day than the server's) and
 * `POST /plans/:id/advice-requests` with `{ adviser: { id, name, role }, requestedOn? }`. Anyone
 * who may open the plan reads them; only a role that manages plans (the caseworker) asks. The
 * server works out the due date, six weeks from the request, and writes the request beside the
 * plan in its Yjs document, so every connected editor sees it at once and it is stored with the
 * plan; the audit trail notes who asked, and the request's id, never the names.
 */
export function adviceRoutes(context: RouteContext): Route[] {
  const { options, userFor, mayManage, readJson, readPlan } = context;
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const withPlan = <T>(id: string, change: (doc: Y.Doc) => T) =>
    withLivePlan(options.openDocument, id, change);
  const shown = (requests: readonly AdviceRequest[], day: string) => {
    const dates = new Map(adviceDates(requests, day).map((d) => [d.requestId, d]));
    return requests.map((request) => {
      const date = dates.get(request.id);
      // A withdrawn request is due nothing (see `adviceDates`).
      return date
        ? { ...request, status: date.status, daysLeft: date.daysLeft }
        : { ...request, status: "withdrawn" as const, daysLeft: null };
    });
  };

  return [
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/advice-requests$/,
      handle: async (request, response, [id = ""], query) => {
        await userFor(request, id);
        const asked = query.get("today");
        const day = asked === null ? today() : dayOf(asked, "today");
        const requests = await withPlan(id, (doc) => readAdviceRequests(doc));
        sendJson(response, 200, { today: day, requests: shown(requests, day) });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/advice-requests$/,
      handle: async (request, response, [id = ""]) => {
        const user = await userFor(request, id);
        mayManage(user);
        const body = (await readJson(request, 10_000)) as Record<string, unknown>;
        const adviser = (body.adviser ?? {}) as Record<string, unknown>;
        if (typeof body.adviser !== "object" || body.adviser === null) {
          throw new HttpError(400, "adviser: { id, name, role } of the person asked for advice");
        }
        const name = textOf(adviser.name, "adviser.name", "the name of the person asked");
        const adviserId = textOf(
          adviser.id,
          "adviser.id",
          "the id the person asked signs in with, which lets them write their advice",
        );
        const role = adviser.role as AdviserRole;
        if (!ADVISER_ROLES.includes(role)) {
          throw new HttpError(400, `adviser.role: one of ${ADVISER_ROLES.join(", ")}`);
        }
        const now = today();
        const requestedOn =
          body.requestedOn === undefined ? now : dayOf(body.requestedOn, "requestedOn");
        if (requestedOn > now) {
          throw new HttpError(
            400,
            `requestedOn: a request cannot be dated after today (${spoken(now)})`,
          );
        }
        const made = await withPlan(id, (doc) => {
          const dates = planDetailsOf(doc)?.getAttribute("dates") as
            { requestReceived?: unknown } | undefined;
          const received = dates?.requestReceived;
          if (typeof received === "string" && requestedOn < received) {
            throw new HttpError(
              400,
              `requestedOn: advice is sought for an assessment, so not before the request for it was received (${spoken(received)})`,
            );
          }
          const requests = readAdviceRequests(doc);
          if (requests.length >= MAX_REQUESTS) {
            throw new HttpError(409, `the plan has ${MAX_REQUESTS} requests for advice already`);
          }
          const open = requests.find(
            (r) =>
              r.adviser.id === adviserId &&
              r.adviser.role === role &&
              !r.submittedOn &&
              r.withdrawn === null,
          );
          if (open) {
            throw new HttpError(
              409,
              `${open.adviser.name} was asked for this advice on ${spoken(open.requestedOn)} and has not given it yet`,
            );
          }
          const next: AdviceRequest = {
            id: createId("advice"),
            adviser: { id: adviserId, name, role },
            requestedOn,
            due: adviceDueDate(requestedOn),
            requestedBy: { id: user.id, name: user.name, role: user.role },
            submittedOn: null,
            submissions: [],
            coAuthors: [],
            withdrawn: null,
          };
          doc.getMap<unknown>(ADVICE_REQUESTS_MAP_NAME).set(next.id, next);
          return next;
        });
        // The adviser's document, ready for them to write in: the child's details from the plan,
        // every part empty.
        const advice = planToYDoc(blankAdvice(await readPlan(id)));
        await options.store.create(adviceDocumentName(id, made.id), Y.encodeStateAsUpdate(advice));
        options.audit.record(
          id,
          { id: user.id, role: user.role },
          [ADVICE_REQUESTS_PART],
          [made.id],
        );
        sendJson(response, 201, { request: shown([made], now)[0] });
      },
    },
    {
      // Withdrawing a request the council no longer needs (the advice is had already, reg 6(4),
      // or it was asked of the wrong person): its adviser and co-authors stop writing at once
      // (see `adviceAccessWatch`), and it is due nothing. Advice given stays: it is evidence the
      // plan was made on (CoP 9.49), so a request once met is not withdrawn.
      method: "POST",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/withdraw$/,
      handle: async (request, response, [id = "", requestId = ""]) => {
        const user = await userFor(request, id);
        mayManage(user);
        const body = (await readJson(request, 10_000)) as { reason?: unknown };
        const reason = typeof body.reason === "string" ? body.reason.trim() : "";
        if (reason.length > MAX_REASON) {
          throw new HttpError(400, `reason: at most ${MAX_REASON} characters`);
        }
        const unsafe = unsafeCharacter(reason);
        if (unsafe) throw new HttpError(400, `reason: ${unsafe}`);
        const on = today();
        const withdrawn = await withPlan(id, (doc) => {
          const current = adviceRequestIn(doc, id, requestId);
          if (current.withdrawn) {
            throw new HttpError(
              409,
              `this request was withdrawn on ${spoken(current.withdrawn.on)} already`,
            );
          }
          if (current.submittedOn) {
            throw new HttpError(
              409,
              `${current.adviser.name} gave this advice on ${spoken(current.submittedOn)}: advice given is part of what the plan is made on, so it stays`,
            );
          }
          const next: AdviceRequest = {
            ...current,
            withdrawn: { on, by: { id: user.id, name: user.name, role: user.role }, reason },
          };
          doc.getMap<unknown>(ADVICE_REQUESTS_MAP_NAME).set(requestId, next);
          return next;
        });
        options.audit.record(
          id,
          { id: user.id, role: user.role },
          [ADVICE_REQUESTS_PART],
          [requestId],
        );
        sendJson(response, 200, { request: shown([withdrawn], on)[0] });
      },
    },
  ];
}
