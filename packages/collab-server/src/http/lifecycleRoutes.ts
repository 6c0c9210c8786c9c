import type { IncomingMessage } from "node:http";
import { exportJson } from "@ehcp/export";
import { checkPlan } from "@ehcp/quality";
import {
  type CouncilDecision,
  comparePlans,
  createId,
  DECISIONS_MAP_NAME,
  type ItemChange,
  listSuggestions,
  readRepresentations,
  type Plan,
  type Representation,
  parsePlanJson,
  spokenDate as spoken,
  statutoryDates,
} from "@ehcp/schema";
import type * as Y from "yjs";
import type { HttpApiOptions, Route } from "./RouteContext.js";
import { HttpError } from "./HttpError.js";
import { itemHash } from "./itemHash.js";
import { planDetailsOf } from "../planStatus.js";
import { sendJson } from "./sendJson.js";
import { planNodeOf } from "./planNodeOf.js";
import { withLivePlan } from "./withLivePlan.js";
import type { SignedInUser } from "../signIn.js";

/** What the lifecycle endpoints share with the rest of the API. */
export interface LifecycleContext {
  readonly options: HttpApiOptions;
  readonly userFor: (request: IncomingMessage, planId: string) => Promise<SignedInUser>;
  readonly mayManage: (user: SignedInUser) => void;
  readonly readPlan: (id: string) => Promise<Plan>;
  readonly readJson: (request: IncomingMessage, limit: number) => Promise<unknown>;
}

/**
 * The road from draft to final: `POST /plans/:id/issue-draft`, `issue-final` and `amend`, and
 * `request-received` to mend the day the request came. Each changes the plan details through
 * Hocuspocus, so everyone connected sees the new status and dates; each issue keeps a version of
 * what was issued. The server refuses edits to a final plan, and to section I of a first draft
 * not yet issued (see `lifecycleRefusal`).
 */
export function lifecycleRoutes(context: LifecycleContext): Route[] {
  const { options, userFor, mayManage, readPlan, readJson } = context;
  const { store } = options;
  /**
   * Changes the plan details through Hocuspocus (and, with `also`, the rest of the document in the
   * same transaction), then stores the plan and lets it go.
   */
  const changeDetails = (
    id: string,
    change: (attrs: Record<string, unknown>) => Record<string, unknown>,
    also?: (doc: Y.Doc) => void,
  ) =>
    withLivePlan(options.openDocument, id, (doc) => {
      const details = planDetailsOf(doc);
      if (!details) throw new HttpError(404, `there is no plan ${id}`);
      const next = change(details.getAttributes() as Record<string, unknown>);
      for (const [name, value] of Object.entries(next)) details.setAttribute(name, value as never);
      also?.(doc);
    });
  /** The suggestions waiting and the representations decided, read from the live document. */
  const readRecord = (id: string) =>
    withLivePlan(options.openDocument, id, (doc) => ({
      pending: listSuggestions(planNodeOf(doc)),
      representations: readRepresentations(doc),
    }));
  const dayOf = (body: { date?: unknown }) => {
    const date = body.date ?? new Date().toISOString().slice(0, 10);
    // 2026-02-30 has the shape of a date but is none; the statutory clock cannot count from it.
    if (
      typeof date !== "string" ||
      !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      Number.isNaN(Date.parse(date)) ||
      new Date(date).toISOString().slice(0, 10) !== date
    ) {
      throw new HttpError(400, "date: a calendar date written YYYY-MM-DD");
    }
    return date;
  };
  const keepVersion = async (id: string, name: string, user: SignedInUser) => {
    const version = {
      id: createId("v"),
      name,
      createdAt: new Date().toISOString(),
      createdBy: { id: user.id, name: user.name, role: user.role },
    };
    await store.addVersion(id, { ...version, plan: exportJson(await readPlan(id)) });
    return version;
  };

  return [
    {
      // The day the request for assessment was received starts the 20 weeks (reg 13(2)), so a
      // caseworker who typed it wrong must be able to mend it while the plan is a draft; every
      // statutory date is counted again from the new day.
      method: "POST",
      path: /^\/plans\/([^/]+)\/request-received$/,
      handle: async (request, response, [id = ""]) => {
        const user = await userFor(request, id);
        mayManage(user);
        const body = (await readJson(request, 10_000)) as { date?: unknown };
        if (body.date === undefined) {
          throw new HttpError(400, "date: the day the request was received, written YYYY-MM-DD");
        }
        const date = dayOf(body);
        const today = new Date().toISOString().slice(0, 10);
        if (date > today) {
          throw new HttpError(
            400,
            `date: a request cannot be received after today (${spoken(today)})`,
          );
        }
        const plan = await readPlan(id);
        if (plan.meta.status === "final") {
          throw new HttpError(409, "the plan is final: its dates record what happened");
        }
        if (date < plan.meta.child.dateOfBirth) {
          throw new HttpError(
            400,
            `date: a request cannot be received before the child was born (${spoken(plan.meta.child.dateOfBirth)})`,
          );
        }
        const { draftIssued } = plan.meta.dates;
        if (draftIssued && date > draftIssued) {
          throw new HttpError(
            400,
            `date: the request was received before the draft was issued (${spoken(draftIssued)})`,
          );
        }
        await changeDetails(id, (attrs) => ({
          dates: { ...(attrs.dates as object), requestReceived: date },
        }));
        const changed = {
          ...plan,
          meta: { ...plan.meta, dates: { ...plan.meta.dates, requestReceived: date } },
        };
        sendJson(response, 200, { requestReceived: date, dates: statutoryDates(changed, today) });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/issue-draft$/,
      handle: async (request, response, [id = ""]) => {
        const user = await userFor(request, id);
        mayManage(user);
        const body = (await readJson(request, 10_000)) as { date?: unknown; reissue?: unknown };
        const date = dayOf(body);
        const plan = await readPlan(id);
        if (plan.meta.status === "final") {
          throw new HttpError(409, "the plan is final: start an amendment draft first");
        }
        if (plan.meta.dates.draftIssued && body.reissue !== true) {
          throw new HttpError(
            409,
            `the draft was issued on ${spoken(plan.meta.dates.draftIssued)}; send reissue: true to issue it again, which starts a new 15 days for representations`,
          );
        }
        if (plan.meta.issue === 1 && plan.sections.I.placement !== null) {
          throw new HttpError(
            422,
            "a draft plan names no school or setting (Children and Families Act 2014 s.38(5)): empty section I first",
          );
        }
        await changeDetails(id, (attrs) => ({
          dates: { ...(attrs.dates as object), draftIssued: date },
        }));
        const version = await keepVersion(id, `Draft issued ${spoken(date)}`, user);
        const issued = {
          ...plan,
          meta: { ...plan.meta, dates: { ...plan.meta.dates, draftIssued: date } },
        };
        const close = statutoryDates(issued, date).find((d) => d.key === "representations");
        sendJson(response, 200, { draftIssued: date, representationsClose: close?.due, version });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/issue-final$/,
      handle: async (request, response, [id = ""]) => {
        const user = await userFor(request, id);
        mayManage(user);
        const body = (await readJson(request, 100_000)) as {
          date?: unknown;
          officer?: { name?: unknown; role?: unknown };
          decisions?: unknown;
          early?: { reason?: unknown; agreedOn?: unknown } | null;
        };
        const date = dayOf(body);
        const officerName = typeof body.officer?.name === "string" ? body.officer.name.trim() : "";
        const officerRole = typeof body.officer?.role === "string" ? body.officer.role.trim() : "";
        if (!officerName || !officerRole) {
          throw new HttpError(
            400,
            "officer: the name and role of the officer who signs the plan off",
          );
        }
        const decisions = Array.isArray(body.decisions)
          ? (body.decisions as { id?: unknown; reason?: unknown }[])
          : [];
        const plan = await readPlan(id);
        if (plan.meta.status === "final") throw new HttpError(409, "the plan is final already");
        const issued = plan.meta.dates.draftIssued;
        if (!issued)
          throw new HttpError(
            409,
            "issue the draft first: the family has 15 days to comment on it",
          );
        if (date < issued) {
          throw new HttpError(
            400,
            `date: the final plan cannot be issued before its draft was (${spoken(issued)})`,
          );
        }
        const record = await readRecord(id);
        const waiting = new Set(record.pending.map((s) => s.id)).size;
        if (waiting > 0) {
          throw new HttpError(
            409,
            `${waiting} suggested change${waiting === 1 ? " is" : "s are"} waiting for a decision: accept or reject each, with a reason`,
            { suggestions: record.pending },
          );
        }
        if (plan.sections.I.placement === null) {
          throw new HttpError(
            422,
            "section I is empty: name the school or setting, or the type of one",
          );
        }
        // The checker sees the plan as it would be once issued: final, signed off.
        const candidate: Plan = {
          ...plan,
          meta: {
            ...plan.meta,
            status: "final",
            dates: { ...plan.meta.dates, finalIssued: date },
            signOff: { officerName, role: officerRole, date },
          },
        };
        const errors = checkPlan(candidate, { ...options.quality, today: date }).filter(
          (f) => f.severity === "error",
        );
        if (errors.length > 0) {
          throw new HttpError(
            422,
            `the checker reports ${errors.length} error${errors.length === 1 ? "" : "s"}: put them right first`,
            { findings: errors },
          );
        }
        // The family has 15 days from the draft to make representations (Children and Families
        // Act 2014 s.38(2)(b)); a final plan issued before they are over needs a reason, such as
        // the family's written agreement, and the reason is kept with the plan.
        const closes = statutoryDates(plan, date).find((d) => d.key === "representations")?.due;
        let earlyDecision: CouncilDecision | null = null;
        if (closes && date < closes) {
          const reason = typeof body.early?.reason === "string" ? body.early.reason.trim() : "";
          const agreedOn = body.early?.agreedOn ?? null;
          if (!reason) {
            throw new HttpError(
              409,
              `the family's 15 days for representations on the draft run until ${spoken(closes)}: give the reason for issuing the final plan before then, such as the family's written agreement and its date`,
              { representationsClose: closes },
            );
          }
          if (
            agreedOn !== null &&
            (typeof agreedOn !== "string" ||
              !/^\d{4}-\d{2}-\d{2}$/.test(agreedOn) ||
              agreedOn < issued ||
              agreedOn > date)
          ) {
            throw new HttpError(
              400,
              `early.agreedOn: the date of the family's written agreement, written YYYY-MM-DD, between the draft (${spoken(issued)}) and the final plan (${spoken(date)})`,
            );
          }
          earlyDecision = {
            itemId: "early-final",
            label: "Final plan issued before the family's 15 days for representations were over",
            change: "changed",
            reason,
            agreedOn: typeof agreedOn === "string" ? agreedOn : null,
            by: { id: user.id, name: user.name, role: user.role },
            at: new Date().toISOString(),
            issue: plan.meta.issue,
          };
        }
        const draftVersion = (await store.listVersions(id))
          .filter((v) => v.name.startsWith("Draft issued"))
          .at(-1);
        const draft = draftVersion ? await store.getVersion(id, draftVersion.id) : null;
        let changes: ItemChange[] = [];
        if (draft) {
          const decided = new Set(
            decisions
              .filter(
                (d) => typeof d.id === "string" && typeof d.reason === "string" && d.reason.trim(),
              )
              .map((d) => d.id as string),
          );
          // Representations accepted since the draft was issued account for an item's change
          // when they are all that changed it: from the draft's item, through each one's before
          // and after in turn, to the item as it stands. A change made beside them needs a
          // council decision. (Records from before items were hashed account for their item.)
          const accepted = new Map<string, Representation[]>();
          for (const r of record.representations) {
            if (
              r.decision !== "accepted" ||
              r.issue !== plan.meta.issue ||
              r.at < (draftVersion?.createdAt ?? "") ||
              !r.itemId
            ) {
              continue;
            }
            accepted.set(r.itemId, [...(accepted.get(r.itemId) ?? []), r]);
          }
          const draftPlan = parsePlanJson(draft.plan);
          const represented = (itemId: string) => {
            const chain = (accepted.get(itemId) ?? []).sort((a, b) => (a.at < b.at ? -1 : 1));
            if (chain.length === 0) return false;
            if (chain.some((r) => r.itemBefore === undefined || r.itemAfter === undefined)) {
              return true;
            }
            let at = itemHash(draftPlan, itemId);
            for (const r of chain) {
              if (r.itemBefore !== at) return false;
              at = r.itemAfter ?? null;
            }
            return at === itemHash(plan, itemId);
          };
          changes = comparePlans(draftPlan, plan);
          const unaccounted = changes.filter(
            (change) =>
              change.section !== "I" && !decided.has(change.id) && !represented(change.id),
          );
          if (unaccounted.length > 0) {
            throw new HttpError(
              409,
              `${unaccounted.length} change${unaccounted.length === 1 ? "" : "s"} since the issued draft ${unaccounted.length === 1 ? "is" : "are"} neither in section I nor recorded as a council decision: record each with a reason, or re-issue the draft`,
              {
                changes: unaccounted.map(({ id: itemId, label, change }) => ({
                  id: itemId,
                  label,
                  change,
                })),
              },
            );
          }
        }
        // The council's reasons for changes it made since the draft are kept with the plan.
        const reasons = new Map(
          decisions
            .filter((d) => typeof d.id === "string" && typeof d.reason === "string")
            .map((d) => [d.id as string, (d.reason as string).trim()]),
        );
        const recorded: CouncilDecision[] = changes
          .filter((change) => reasons.get(change.id))
          .map((change) => ({
            itemId: change.id,
            label: change.label,
            change: change.change,
            reason: reasons.get(change.id) as string,
            by: { id: user.id, name: user.name, role: user.role },
            at: new Date().toISOString(),
            issue: plan.meta.issue,
          }));
        await changeDetails(
          id,
          (attrs) => ({
            status: "final",
            dates: { ...(attrs.dates as object), finalIssued: date },
            signOff: { officerName, role: officerRole, date },
          }),
          (doc) => {
            const kept = doc.getMap<unknown>(DECISIONS_MAP_NAME);
            for (const decision of earlyDecision ? [...recorded, earlyDecision] : recorded) {
              kept.set(`${decision.issue}:${decision.itemId}`, decision);
            }
          },
        );
        const version = await keepVersion(id, `Final issued ${spoken(date)}`, user);
        sendJson(response, 200, {
          finalIssued: date,
          version,
          decisions: earlyDecision ? [...recorded, earlyDecision] : recorded,
        });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/amend$/,
      handle: async (request, response, [id = ""]) => {
        const user = await userFor(request, id);
        mayManage(user);
        const plan = await readPlan(id);
        if (plan.meta.status !== "final") {
          throw new HttpError(409, "only a final plan is amended; this one is still a draft");
        }
        await changeDetails(id, (attrs) => ({
          status: "draft",
          issue: plan.meta.issue + 1,
          dates: { ...(attrs.dates as object), draftIssued: null, finalIssued: null },
          signOff: null,
        }));
        sendJson(response, 200, { status: "draft", issue: plan.meta.issue + 1 });
      },
    },
  ];
}
