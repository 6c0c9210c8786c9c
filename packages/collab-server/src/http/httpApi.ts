import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type ExportOptions,
  exportDocx,
  exportJson,
  exportPdf,
  PlanIntegrityError,
} from "@ehcp/export";
import { checkPlan, summarizeQuality } from "@ehcp/quality";
import {
  createId,
  ID_PATTERN,
  type Plan,
  PlanFormatError,
  parseAdviceDocumentName,
  parsePlanJson,
  readAdviceRequests,
} from "@ehcp/schema";
import type { DocumentSummary } from "../store/DocumentStore.js";
import { holdsPlan } from "../holdsPlan.js";
import { loadStoredDocument } from "../store/loadStoredDocument.js";
import { summarizePlan } from "../summarizePlan.js";
import { adviceUseRoutes } from "./adviceUseRoutes.js";
import { adviceCoAuthorRoutes } from "./adviceCoAuthorRoutes.js";
import { adviceDocumentRoutes } from "./adviceDocumentRoutes.js";
import { adviceRoutes } from "./adviceRoutes.js";
import { submittedAdvice } from "./submittedAdvice.js";
import { withLivePlan } from "./withLivePlan.js";
import { commentRoutes } from "./commentRoutes.js";
import { createRouteContext } from "./createRouteContext.js";
import { HttpError } from "./HttpError.js";
import { lifecycleRoutes } from "./lifecycleRoutes.js";
import { planError } from "./planError.js";
import { readBody } from "./readBody.js";
import type { HttpApiOptions, Route } from "./RouteContext.js";
import { sendJson } from "./sendJson.js";
import { suggestionRoutes } from "./suggestionRoutes.js";

export type { HttpApiOptions } from "./RouteContext.js";

const EXPORTS = {
  docx: {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    make: exportDocx,
  },
  pdf: { type: "application/pdf", make: exportPdf },
  json: {
    type: "application/json; charset=utf-8",
    make: async (plan: Plan) => new TextEncoder().encode(exportJson(plan)),
  },
} as const;

/**
 * The server's HTTP endpoints, behind the same sign-in and policy as the WebSocket:
 *
 * - `GET /healthz`
 * - `GET /plans`: the plans the token opens; `POST /plans`: import Plan JSON (ids kept)
 * - `GET /plans/:id`: Plan JSON; `GET /plans/:id/export.docx|pdf|json[?layout=areas-of-need]`
 *   `[&since=<version>]` (an appendix of what changed since that version), with the latest
 *   submitted version of each advice appended for the caseworker and the family (`&advice=false`
 *   leaves it out); a plan whose structure
 *   is broken is a 422 naming its `findings`, unless `allowFindings=true` asks for a draft copy
 * - `GET /plans/:id/check`: the checker's findings and summary
 * - `GET|POST /plans/:id/versions`, `GET /plans/:id/versions/:version`,
 *   `POST /plans/:id/versions/:version/draft`: a new plan started from a version
 * - `GET /plans/:id/audit`
 * - `GET|POST /plans/:id/comments`, `POST /plans/:id/comments/:thread/replies|resolve`
 * - `GET /plans/:id/representations`, `POST /plans/:id/suggestions/:suggestion/decide`
 * - `POST /plans/:id/request-received|issue-draft|issue-final|amend`
 * - `GET|POST /plans/:id/advice-requests`: the advice asked for, with its due dates
 * - `GET /plans/:id/advice/:request[/versions[/:version]]`, `POST /plans/:id/advice/:request/submit`
 * - `GET /plans/:id/advice/:request/export.json[?version=<version>]`: submitted advice as an
 *   advice export (`advice.schema.json`)
 * - `POST /plans/:id/advice/:request/withdraw`: the caseworker withdraws a request not yet met
 * - `POST /plans/:id/advice/:request/co-authors[/:coAuthor/remove]`: the adviser invites (or
 *   removes) a co-author
 *
 * Tokens come as `Authorization: Bearer …`. Errors are JSON `{ error, issues? }` with a status
 * that fits. Creating plans and versions and reading the audit trail take a role that may change
 * the plan's outline (the caseworker, by default).
 */
export function httpApi(options: HttpApiOptions) {
  const { signIn, store, audit } = options;

  const context = createRouteContext(options);
  const { tokenOf, userFor, mayManage, readPlan, readJson, createPlan } = context;

  const routes: Route[] = [
    {
      method: "GET",
      path: /^\/healthz$/,
      handle: async (_request, response) => sendJson(response, 200, { status: "ok" }),
    },
    {
      method: "GET",
      path: /^\/plans$/,
      handle: async (request, response) => {
        const token = tokenOf(request);
        const open: ({ id: string } & DocumentSummary)[] = [];
        const stored = (
          store.listSummaries
            ? await store.listSummaries()
            : (await store.list()).map((name) => ({ name, summary: null }))
        ).filter(({ name }) => !parseAdviceDocumentName(name));
        const opened = new Set(
          await signIn
            .plansOpenedBy(
              token,
              stored.map((entry) => entry.name),
            )
            .catch((error: Error) => {
              throw new HttpError(401, error.message);
            }),
        );
        for (const { name: id, summary } of stored) {
          if (!opened.has(id)) continue;
          // A plan open here is read as it stands; the others from the summary kept when they
          // were last stored, or, lacking one, from the plan itself.
          // A summary kept before the list showed dates and findings is made again.
          const live = options.liveDocument?.(id);
          // A summary naming neither child nor status may be of a name opened and left empty:
          // that document is read, and listed only if it holds a plan.
          const kept = summary && "findings" in summary && (summary.child ?? summary.status);
          const doc = live ?? (kept ? null : await loadStoredDocument(store, id));
          if (doc && !holdsPlan(doc)) continue;
          const shown = doc ? summarizePlan(doc, live ? options.today?.() : undefined) : summary;
          open.push({ id, ...(shown as DocumentSummary) });
        }
        sendJson(response, 200, { plans: open });
      },
    },
    {
      method: "POST",
      path: /^\/plans$/,
      handle: async (request, response) => {
        tokenOf(request);
        let plan: Plan;
        try {
          plan = parsePlanJson(await readBody(request, options.maxImportBytes));
        } catch (error) {
          if (error instanceof PlanFormatError) throw planError(400, error);
          throw error;
        }
        await createPlan(request, plan);
        sendJson(response, 201, { id: plan.id, location: `/plans/${plan.id}` });
      },
    },
    {
      method: "GET",
      path: /^\/plans\/([^/]+)$/,
      handle: async (request, response, [id = ""]) => {
        await userFor(request, id);
        const plan = await readPlan(id);
        response.writeHead(200, {
          "Content-Type": "application/json; charset=utf-8",
          "Cache-Control": "no-store",
        });
        response.end(exportJson(plan));
      },
    },
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/export\.(docx|pdf|json)$/,
      handle: async (request, response, [id = "", format], query) => {
        const user = await userFor(request, id);
        const layout = query.get("layout") ?? "sections";
        if (layout !== "sections" && layout !== "areas-of-need") {
          throw new HttpError(400, 'layout: "sections" or "areas-of-need"');
        }
        // ?since=<version> adds an appendix of what changed since that version.
        const since = query.get("since");
        let changesSince: ExportOptions["changesSince"];
        if (since !== null) {
          const version = await store.getVersion(id, since);
          if (!version) throw new HttpError(404, `plan ${id} has no version ${since}`);
          changesSince = { plan: parsePlanJson(version.plan), name: version.name };
        }
        const { type, make } = EXPORTS[format as keyof typeof EXPORTS];
        let bytes: Uint8Array;
        const plan = await readPlan(id);
        // The draft goes to the family with the advice appended (CoP 9.77): the caseworker who
        // sends it and the family have it; other advisers and readers of the plan get the plan
        // alone, as they cannot open one another's advice. `?advice=false` leaves it out.
        const seesAdvice =
          options.policy[user.role].includes("structure") ||
          user.role === "parent" ||
          user.role === "young-person";
        const advice =
          format !== "json" && seesAdvice && query.get("advice") !== "false"
            ? await submittedAdvice(
                store,
                id,
                await withLivePlan(options.openDocument, id, (doc) => readAdviceRequests(doc)),
              )
            : [];
        try {
          bytes = await make(plan, {
            ...options.exportOptions,
            layout,
            ...(changesSince ? { changesSince } : {}),
            ...(advice.length > 0 ? { advice } : {}),
            allowFindings: query.get("allowFindings") === "true",
          });
        } catch (error) {
          if (!(error instanceof PlanIntegrityError)) throw error;
          throw new HttpError(422, error.message, { findings: error.findings });
        }
        response.writeHead(200, {
          "Content-Type": type,
          "Content-Disposition": attachmentOf(id, format ?? "", plan),
          "Cache-Control": "no-store",
        });
        response.end(bytes);
      },
    },
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/check$/,
      handle: async (request, response, [id = ""]) => {
        await userFor(request, id);
        const plan = await readPlan(id);
        const findings = checkPlan(plan, options.quality);
        sendJson(response, 200, { findings, summary: summarizeQuality(plan, findings) });
      },
    },
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/versions$/,
      handle: async (request, response, [id = ""]) => {
        await userFor(request, id);
        sendJson(response, 200, { versions: await store.listVersions(id) });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/versions$/,
      handle: async (request, response, [id = ""]) => {
        const user = await userFor(request, id);
        mayManage(user);
        const body = (await readJson(request, 10_000)) as { name?: unknown };
        const name = typeof body.name === "string" ? body.name.trim() : "";
        if (name === "" || name.length > 200) {
          throw new HttpError(400, "name: give the version a name of 1 to 200 characters");
        }
        const plan = await readPlan(id);
        const version = {
          id: createId("v"),
          name,
          createdAt: new Date().toISOString(),
          createdBy: { id: user.id, name: user.name, role: user.role },
        };
        await store.addVersion(id, { ...version, plan: exportJson(plan) });
        sendJson(response, 201, version);
      },
    },
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/versions\/([^/]+)$/,
      handle: async (request, response, [id = "", versionId = ""]) => {
        await userFor(request, id);
        const version = await store.getVersion(id, versionId);
        if (!version) throw new HttpError(404, `plan ${id} has no version ${versionId}`);
        response.writeHead(200, {
          "Content-Type": "application/json; charset=utf-8",
          "Cache-Control": "no-store",
        });
        response.end(version.plan);
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/versions\/([^/]+)\/draft$/,
      handle: async (request, response, [id = "", versionId = ""]) => {
        mayManage(await userFor(request, id));
        const version = await store.getVersion(id, versionId);
        if (!version) throw new HttpError(404, `plan ${id} has no version ${versionId}`);
        const body = (await readJson(request, 10_000)) as { id?: unknown };
        const newId = body.id === undefined ? createId("plan") : body.id;
        if (typeof newId !== "string" || !ID_PATTERN.test(newId)) {
          throw new HttpError(400, "id: letters, digits, '-' and '_' only, as Plan JSON ids are");
        }
        const plan = parsePlanJson(version.plan);
        const draft: Plan = { ...plan, id: newId, meta: { ...plan.meta, status: "draft" } };
        await createPlan(request, draft);
        sendJson(response, 201, {
          id: newId,
          location: `/plans/${newId}`,
          from: { id, version: versionId },
        });
      },
    },
    ...lifecycleRoutes(context),
    ...commentRoutes(context),
    ...suggestionRoutes(context),
    ...adviceRoutes(context),
    ...adviceDocumentRoutes(context),
    ...adviceCoAuthorRoutes(context),
    ...adviceUseRoutes(context),
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/audit$/,
      handle: async (request, response, [id = ""]) => {
        mayManage(await userFor(request, id));
        sendJson(response, 200, {
          entries: [...(await store.listAudit(id)), ...audit.pending(id)],
        });
      },
    },
  ];

  /** Answers the request if it is one of the API's; resolves false for any other path. */
  return async function handle(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<boolean> {
    const url = new URL(request.url ?? "/", "http://localhost");
    const matching = routes
      .map((route) => ({ route, match: route.path.exec(url.pathname) }))
      .filter((found) => found.match);
    if (matching.length === 0) return false;
    const origin = request.headers.origin;
    const allowed = options.allowedOrigins ?? [];
    if (origin && (allowed.includes("*") || allowed.includes(origin))) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Vary", "Origin");
      if (request.method === "OPTIONS") {
        response.writeHead(204, {
          "Access-Control-Allow-Methods": "GET, POST",
          "Access-Control-Allow-Headers": "Authorization, Content-Type",
          "Access-Control-Max-Age": "600",
        });
        response.end();
        return true;
      }
    }
    try {
      const found = matching.find(({ route }) => route.method === request.method);
      if (!found?.match) {
        throw new HttpError(405, `use ${matching.map(({ route }) => route.method).join(" or ")}`);
      }
      const params = found.match.slice(1).map((p) => {
        try {
          return decodeURIComponent(p ?? "");
        } catch {
          throw new HttpError(400, `the address ${url.pathname} is not well formed`);
        }
      });
      await found.route.handle(request, response, params, url.searchParams);
    } catch (error) {
      if (error instanceof HttpError) {
        sendJson(response, error.status, { error: error.message, ...error.details });
      } else {
        // Never echo an unexpected error: it may hold a plan's text.
        console.error(`HTTP ${request.method} ${url.pathname} failed: ${(error as Error).name}`);
        sendJson(response, 500, { error: "the server could not answer; try again" });
      }
    }
    return true;
  };
}

/**
 * A download named for the child and the plan's issue, so that a family's or a school's folder
 * of plans reads by name ("Lena Hart, draft plan, issue 1.pdf"); the plan's id stays as the plain
 * `filename` for clients that do not read `filename*` (RFC 6266).
 */
function attachmentOf(id: string, format: string, plan: Plan): string {
  const { child, status, issue } = plan.meta;
  const named = `${child.fullName.trim() || id}, ${status} plan, issue ${issue}`
    .replace(/[^\p{L}\p{N} ,.'()-]/gu, "_")
    .slice(0, 120);
  return `attachment; filename="${id}.${format}"; filename*=UTF-8''${encodeURIComponent(`${named}.${format}`)}`;
}
