import {
  decideSuggestion,
  listSuggestions,
  type Representation,
  REPRESENTATIONS_MAP_NAME,
  readCouncilDecisions,
  readRepresentations,
  yDocToPlan,
} from "@ehcp/schema";
import type * as Y from "yjs";
import type { Route, RouteContext } from "./RouteContext.js";
import { HttpError } from "./HttpError.js";
import { itemHash } from "./itemHash.js";
import { planDetailsOf } from "../planStatus.js";
import { sendJson } from "./sendJson.js";
import { planNodeOf } from "./planNodeOf.js";
import { withLivePlan } from "./withLivePlan.js";
import { unsafeCharacter } from "../ws/unsafeCharacter.js";
import { ownsVoice } from "../ws/ownsVoice.js";

/** The voice of the section A view `id` in `doc`: whom it records. */
function voiceOfView(doc: Y.Doc, id: string): unknown {
  let voice: unknown;
  planNodeOf(doc).forEach((section) => {
    if (section.type.name !== "sectionA") return;
    section.forEach((view) => {
      if (view.attrs.id === id) voice = view.attrs.voice;
    });
  });
  return voice;
}

/**
 * Suggested changes: `GET /plans/:id/representations` lists those waiting and those decided,
 * with the council's recorded decisions; `POST /plans/:id/suggestions/:suggestion/decide` with
 * `{ decision: "accept" | "reject", reason }` applies or drops one, for a role that may edit its
 * section, and records it as a representation: who suggested what, what was decided, by whom and
 * why. The server changes the plan itself, so everyone connected sees the outcome at once.
 */
export function suggestionRoutes(context: RouteContext): Route[] {
  const { options, userFor, readJson } = context;
  const withPlan = <T>(id: string, change: (doc: Y.Doc) => T) =>
    withLivePlan(options.openDocument, id, change);

  return [
    {
      method: "GET",
      path: /^\/plans\/([^/]+)\/representations$/,
      handle: async (request, response, [id = ""]) => {
        await userFor(request, id);
        const answer = await withPlan(id, (doc) => ({
          pending: listSuggestions(planNodeOf(doc)),
          representations: readRepresentations(doc),
          decisions: readCouncilDecisions(doc),
        }));
        sendJson(response, 200, answer);
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/suggestions\/([^/]+)\/decide$/,
      handle: async (request, response, [id = "", suggestionId = ""]) => {
        const user = await userFor(request, id);
        const body = (await readJson(request, 10_000)) as { decision?: unknown; reason?: unknown };
        if (body.decision !== "accept" && body.decision !== "reject") {
          throw new HttpError(400, 'decision: "accept" or "reject"');
        }
        const reason = typeof body.reason === "string" ? body.reason.trim() : "";
        if (!reason) {
          throw new HttpError(
            400,
            "reason: say why, for the family's record of their representations",
          );
        }
        if (reason.length > 2000) throw new HttpError(400, "reason: at most 2,000 characters");
        const unsafe = unsafeCharacter(reason);
        if (unsafe) throw new HttpError(400, `reason: ${unsafe}`);
        const accept = body.decision === "accept";
        const representation = await withPlan(id, (doc) => {
          const details = planDetailsOf(doc);
          if (details?.getAttribute("status") === "final") {
            throw new HttpError(409, "the plan is final: start an amendment draft first");
          }
          // The item as Plan JSON reads it, before and after; only an accepted one changes it.
          // Unreadable, it is recorded as null, and the final plan then asks for the council's
          // reason: the decision itself must not fail once the plan has changed.
          const fingerprint = (itemId: string | null) => {
            try {
              return itemId ? itemHash(yDocToPlan(doc), itemId) : null;
            } catch {
              return null;
            }
          };
          let itemBefore: string | null = null;
          const found = decideSuggestion(doc, suggestionId, accept, ({ section, itemId }) => {
            if (!options.policy[user.role].includes(section)) {
              throw new HttpError(
                403,
                `${user.role} may not decide on suggestions in section ${section}`,
              );
            }
            // A view is its speaker's: a parent decides only on words suggested in their own.
            const voice = section === "A" && itemId ? voiceOfView(doc, itemId) : undefined;
            if (voice !== undefined && !ownsVoice(user.role, voice)) {
              throw new HttpError(
                403,
                `the view ${itemId} records the ${String(voice)}'s view: a ${user.role} may decide only on suggestions in their own views`,
              );
            }
            if (accept) itemBefore = fingerprint(itemId);
          });
          if (!found) throw new HttpError(404, `there is no suggestion ${suggestionId} waiting`);
          const { section, itemId, by, inserted, removed } = found;
          const made: Representation = {
            id: suggestionId,
            inserted,
            removed,
            section,
            itemId,
            by,
            decision: accept ? "accepted" : "rejected",
            reason,
            decidedBy: { id: user.id, name: user.name, role: user.role },
            at: new Date().toISOString(),
            issue: Number(details?.getAttribute("issue") ?? 1),
            ...(accept ? { itemBefore, itemAfter: fingerprint(itemId) } : {}),
          };
          doc.getMap<unknown>(REPRESENTATIONS_MAP_NAME).set(suggestionId, made);
          return made;
        });
        sendJson(response, 200, { representation });
      },
    },
  ];
}
