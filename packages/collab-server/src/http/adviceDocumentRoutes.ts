import type { IncomingMessage } from "node:http";
import { exportAdviceJson, exportJson } from "@ehcp/export";
import { checkAdvice } from "@ehcp/quality";
import {
  ADVICE_REQUESTS_MAP_NAME,
  adviceDocumentName,
  type AdviceRequest,
  createId,
  type Finding,
  PLAN_FRAGMENT_NAME,
  PlanFormatError,
  readAdviceRequests,
  spokenDate as spoken,
  yDocToPlan,
} from "@ehcp/schema";
import { loadStoredDocument } from "../store/loadStoredDocument.js";
import { unsafeCharacter } from "../ws/unsafeCharacter.js";
import { ADVICE_REQUESTS_PART } from "./adviceRoutes.js";
import { HttpError } from "./HttpError.js";
import { planError } from "./planError.js";
import type { Route, RouteContext } from "./RouteContext.js";
import { sendJson } from "./sendJson.js";
import { adviceExportOf } from "./submittedAdvice.js";
import { openAdvice } from "./openAdvice.js";
import { withLivePlan } from "./withLivePlan.js";
import { adviceRequestIn } from "./adviceRequestIn.js";

const MAX_REASON = 2000;

/**
 * A piece of advice as a document: `GET /plans/:id/advice/:request` (its JSON, in the plan's own
 * format), `GET /plans/:id/advice/:request/check` (the checker's findings on it, see
 * `checkAdvice`), `GET /plans/:id/advice/:request/versions[/:version]` (what was submitted),
 * `GET /plans/:id/advice/:request/export.json[?version=]` (a submitted version as an advice
 * export, the latest by default), and
 * `POST /plans/:id/advice/:request/submit` with `{ reason? }`. Each is open to the same people
 * as the document itself (see `DocumentAccess`): its adviser, and the caseworker, who reads.
 * Only the adviser submits; the checker reads the advice first, and advice with errors is taken
 * only with the adviser's reason. Each submission keeps a version, so a revision keeps the
 * earlier advice; the first one is the day the request counts as met.
 */
export function adviceDocumentRoutes(context: RouteContext): Route[] {
  const { options, readJson } = context;
  const { store, audit } = options;
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));

  const opened = (request: IncomingMessage, planId: string, requestId: string) =>
    openAdvice(context, request, planId, requestId);
  const readAdvice = async (name: string) => {
    const doc = await loadStoredDocument(store, name);
    if (doc.getXmlFragment(PLAN_FRAGMENT_NAME).length === 0) {
      throw new HttpError(404, "this advice has no document yet");
    }
    try {
      return yDocToPlan(doc);
    } catch (error) {
      if (error instanceof PlanFormatError) throw planError(409, error);
      throw error;
    }
  };

  return [
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)$/,
      handle: async (request, response, [id = "", requestId = ""]) => {
        await opened(request, id, requestId);
        const advice = await readAdvice(adviceDocumentName(id, requestId));
        response.writeHead(200, {
          "Content-Type": "application/json; charset=utf-8",
          "Cache-Control": "no-store",
        });
        response.end(exportJson(advice));
      },
    },
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/check$/,
      handle: async (request, response, [id = "", requestId = ""]) => {
        await opened(request, id, requestId);
        const advice = await readAdvice(adviceDocumentName(id, requestId));
        sendJson(response, 200, {
          findings: checkAdvice(advice, { ...options.quality, today: today() }),
        });
      },
    },
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/export\.json$/,
      handle: async (request, response, [id = "", requestId = ""], query) => {
        await opened(request, id, requestId);
        const asked = await withLivePlan(options.openDocument, id, (doc) =>
          adviceRequestIn(doc, id, requestId),
        );
        const version = query.get("version") ?? undefined;
        const advice = await adviceExportOf(store, id, asked, version);
        if (!advice) {
          throw new HttpError(
            404,
            version === undefined
              ? "this advice has not been submitted yet"
              : `this advice has no submitted version ${version}`,
          );
        }
        response.writeHead(200, {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": `attachment; filename="advice-${requestId}-v${advice.request.version.number}.json"`,
          "Cache-Control": "no-store",
        });
        response.end(exportAdviceJson(advice));
      },
    },
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/versions$/,
      handle: async (request, response, [id = "", requestId = ""]) => {
        await opened(request, id, requestId);
        sendJson(response, 200, {
          versions: await store.listVersions(adviceDocumentName(id, requestId)),
        });
      },
    },
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/versions\/([^/]+)$/,
      handle: async (request, response, [id = "", requestId = "", versionId = ""]) => {
        await opened(request, id, requestId);
        const version = await store.getVersion(adviceDocumentName(id, requestId), versionId);
        if (!version) throw new HttpError(404, `this advice has no version ${versionId}`);
        response.writeHead(200, {
          "Content-Type": "application/json; charset=utf-8",
          "Cache-Control": "no-store",
        });
        response.end(version.plan);
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/submit$/,
      handle: async (request, response, [id = "", requestId = ""]) => {
        const { user, readOnly } = await opened(request, id, requestId);
        if (readOnly) {
          throw new HttpError(403, "only the adviser asked for this advice submits it");
        }
        const body = (await readJson(request, 10_000)) as { reason?: unknown };
        const reason = typeof body.reason === "string" ? body.reason.trim() : "";
        const unsafe = unsafeCharacter(reason);
        if (unsafe) throw new HttpError(400, `reason: ${unsafe}`);
        if (reason.length > MAX_REASON) {
          throw new HttpError(400, `reason: at most ${MAX_REASON} characters`);
        }
        const name = adviceDocumentName(id, requestId);
        const advice = await readAdvice(name);
        const errors: Finding[] = checkAdvice(advice, {
          ...options.quality,
          today: today(),
        }).filter((finding) => finding.severity === "error");
        if (errors.length > 0 && reason === "") {
          throw new HttpError(
            409,
            `the advice has ${errors.length} thing${errors.length === 1 ? "" : "s"} to put right: put ${errors.length === 1 ? "it" : "them"} right, or give a reason for submitting it as it is`,
            { findings: errors },
          );
        }
        const on = today();
        const kept = await withLivePlan(options.openDocument, id, (doc) =>
          adviceRequestIn(doc, id, requestId),
        );
        const number = kept.submissions.length + 1;
        const version = {
          id: createId("v"),
          name:
            number === 1
              ? `Advice submitted ${spoken(on)}`
              : `Revision ${number} submitted ${spoken(on)}`,
          createdAt: new Date().toISOString(),
          createdBy: { id: user.id, name: user.name, role: user.role },
        };
        await store.addVersion(name, { ...version, plan: exportJson(advice) });
        const submitted = await withLivePlan(options.openDocument, id, (doc) => {
          const map = doc.getMap<unknown>(ADVICE_REQUESTS_MAP_NAME);
          const current = readAdviceRequests(doc).find((r) => r.id === requestId) ?? kept;
          const next: AdviceRequest = {
            ...current,
            submittedOn: current.submittedOn ?? on,
            submissions: [
              ...current.submissions,
              { version: version.id, on, reason: errors.length > 0 ? reason : null },
            ],
          };
          map.set(requestId, next);
          return next;
        });
        audit.record(id, { id: user.id, role: user.role }, [ADVICE_REQUESTS_PART], [requestId]);
        sendJson(response, 200, { request: submitted, version, findings: errors });
      },
    },
  ];
}
