import {
  type AdviceDecision,
  AdviceDecisionSchema,
  adviceDocumentName,
  type AdviceRecommendation,
  adviceRecommendations,
  LIFT_SECTIONS,
  NEED_AREAS,
  type Need,
  type NeedsSectionKey,
  type Outcome,
  type Provision,
  type Plan,
  PlanFormatError,
  parsePlan,
  planItems,
  planSchema,
  planToDocJSON,
  SECTION_KEYS,
  SECTION_NODE_NAMES,
  SOURCE_FORMAT_VERSION,
  type SectionKey,
  yDocToPlan,
  createId,
  type ItemSource,
} from "@ehcp/schema";
import { updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { lifecycleRefusal } from "../planStatus.js";
import { unsafeCharacter } from "../ws/unsafeCharacter.js";
import { HttpError } from "./HttpError.js";
import { planError } from "./planError.js";
import type { Route, RouteContext } from "./RouteContext.js";
import { sendJson } from "./sendJson.js";
import { withLivePlan } from "./withLivePlan.js";
import { adviceRequestIn } from "./adviceRequestIn.js";

const MAX_REASON = 2000;
const PLAN_ROOT = "default";

type Item = Need | Outcome | Provision;

const sectionElement = (doc: Y.Doc, key: SectionKey): Y.XmlElement => {
  const name = SECTION_NODE_NAMES[key];
  for (const child of doc.getXmlFragment(PLAN_ROOT).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === name) return child;
  }
  throw new HttpError(409, `the plan has no section ${key}`);
};

const itemElement = (doc: Y.Doc, key: SectionKey, id: string): Y.XmlElement | null =>
  sectionElement(doc, key)
    .toArray()
    .find((e): e is Y.XmlElement => e instanceof Y.XmlElement && e.getAttribute("id") === id) ??
  null;

/** The ProseMirror node of one item as it would sit in section `key` of `plan`. */
function itemNode(plan: Plan, key: SectionKey, item: Item) {
  const sections = structuredClone(plan.sections) as Record<string, unknown>;
  sections[key] =
    key === "E"
      ? { outcomes: [item] }
      : (LIFT_SECTIONS.need as readonly string[]).includes(key)
        ? { needs: [item] }
        : { provisions: [item] };
  const json = planToDocJSON({ ...plan, sections: sections as Plan["sections"] });
  const section = json.content?.[SECTION_KEYS.indexOf(key) + 1] as { content: unknown[] };
  return planSchema.nodeFromJSON(section.content.at(-1));
}

/** Writes `node` into the Yjs element `into`, as the editor's binding would. */
const write = (doc: Y.Doc, into: Y.XmlElement, node: ReturnType<typeof itemNode>) =>
  updateYFragment(doc, into, node, { mapping: new Map(), isOMark: new Map() });

/** The plan item a recommendation becomes in section `key`: its words and values, a new id. */
function itemFrom(rec: AdviceRecommendation, key: SectionKey, source: ItemSource): Item {
  const allowed = LIFT_SECTIONS[rec.kind] as readonly SectionKey[];
  if (!allowed.includes(key)) {
    throw new HttpError(400, `section: a ${rec.kind} goes in ${allowed.join(", ")}, not ${key}`);
  }
  // Links name items of the advice, not of the plan: the caseworker links the new item there.
  if (rec.kind === "need") {
    const areas = NEED_AREAS[key as NeedsSectionKey] as readonly string[];
    if (!areas.includes(rec.value.area)) {
      throw new HttpError(
        400,
        `section: this need's area (${rec.value.area}) does not belong in section ${key}`,
      );
    }
    return { ...structuredClone(rec.value), id: createId("need"), adviceIds: [], source };
  }
  if (rec.kind === "outcome") {
    return { ...structuredClone(rec.value), id: createId("out"), needIds: [], source };
  }
  return {
    ...structuredClone(rec.value),
    id: createId("prov"),
    needIds: [],
    outcomeIds: [],
    adviceIds: [],
    source,
  };
}

/** The same plan item with a recommendation's newer words and values, its id and links kept. */
function refreshed(item: Item, rec: AdviceRecommendation, source: ItemSource): Item {
  const kept = item as Record<string, unknown>;
  const links = Object.fromEntries(
    ["id", "needIds", "outcomeIds", "adviceIds"]
      .filter((key) => key in kept)
      .map((key) => [key, kept[key]]),
  );
  return { ...structuredClone(rec.value), ...links, source } as Item;
}

const reasonOf = (value: unknown): string => {
  const reason = typeof value === "string" ? value.trim() : "";
  if (!reason) throw new HttpError(400, "reason: give the reason in words");
  if (reason.length > MAX_REASON)
    throw new HttpError(400, `reason: at most ${MAX_REASON} characters`);
  const unsafe = unsafeCharacter(reason);
  if (unsafe) throw new HttpError(400, `reason: ${unsafe}`);
  return reason;
};

/** A plan as it would be after a change, checked whole before the live document takes it. */
const checked = (plan: unknown): Plan => {
  try {
    return parsePlan(plan);
  } catch (error) {
    if (error instanceof PlanFormatError) throw planError(400, error);
    throw error;
  }
};

/**
 * What the caseworker does with the recommendations of submitted advice, each in one action on
 * the live plan, so every open editor sees it at once:
 * `POST /plans/:id/advice/:request/lift` with `{ recommendationId, section }` copies a
 * recommendation into the plan as a new item with its source (the request, the recommendation,
 * the version, the day); `…/decide` with `{ recommendationId, decision: "merged", into }`,
 * `{ …, decision: "declined", reason }` or `{ …, decision: "kept", reason }` records a decision;
 * `…/refresh` with `{ itemId }` updates a lifted item from the latest version of its
 * recommendation. The server reads the recommendation from the advice as submitted, never from
 * the client, and writes the source itself: only a role that manages plans (the caseworker) may.
 */
export function adviceUseRoutes(context: RouteContext): Route[] {
  const { options, userFor, mayManage, readJson } = context;
  const { store, audit } = options;
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));

  /** The latest submitted version of a request's advice: its number and its recommendations. */
  const submitted = async (id: string, requestId: string) => {
    const request = await withLivePlan(options.openDocument, id, (doc) =>
      adviceRequestIn(doc, id, requestId),
    );
    const last = request.submissions.at(-1);
    if (!last) throw new HttpError(409, "this advice has not been submitted yet");
    const version = await store.getVersion(adviceDocumentName(id, requestId), last.version);
    if (!version) throw new HttpError(409, "the submitted advice could not be found");
    const advice = parsePlan(JSON.parse(version.plan));
    return { number: request.submissions.length, recommendations: adviceRecommendations(advice) };
  };
  const recommendationOf = (
    recs: readonly AdviceRecommendation[],
    recommendationId: unknown,
  ): AdviceRecommendation => {
    const rec = recs.find((r) => r.id === recommendationId);
    if (!rec) {
      throw new HttpError(
        404,
        `recommendationId: the advice as submitted has no recommendation ${String(recommendationId).slice(0, 64)}`,
      );
    }
    return rec;
  };
  const open = async (request: Parameters<Route["handle"]>[0], id: string) => {
    const user = await userFor(request, id);
    mayManage(user);
    return user;
  };
  /** Removes the decisions on one recommendation of section K's record, but those of `keep`. */
  const forget = (doc: Y.Doc, requestId: string, recommendationId: string, keep = "") => {
    const k = sectionElement(doc, "K");
    const gone = k
      .toArray()
      .map((e, i) =>
        e instanceof Y.XmlElement &&
        e.nodeName === "adviceDecision" &&
        e.getAttribute("requestId") === requestId &&
        e.getAttribute("recommendationId") === recommendationId &&
        e.getAttribute("decision") !== keep
          ? i
          : -1,
      )
      .filter((i) => i >= 0);
    // From the end, so each index still names its element.
    for (const i of gone.reverse()) k.delete(i, 1);
  };
  const refuseLocked = (doc: Y.Doc, parts: readonly SectionKey[]) => {
    const locked = lifecycleRefusal(doc, new Set(parts));
    if (locked) throw new HttpError(409, locked);
  };

  return [
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/lift$/,
      handle: async (request, response, [id = "", requestId = ""]) => {
        const user = await open(request, id);
        const body = (await readJson(request, 10_000)) as Record<string, unknown>;
        const key = body.section as SectionKey;
        if (!(SECTION_KEYS as readonly unknown[]).includes(key)) {
          throw new HttpError(400, "section: name the section to add it to, such as F");
        }
        const { number, recommendations } = await submitted(id, requestId);
        const rec = recommendationOf(recommendations, body.recommendationId);
        const source = { requestId, recommendationId: rec.id, version: number, liftedOn: today() };
        const item = itemFrom(rec, key, source);
        const label = await withLivePlan(options.openDocument, id, (doc) => {
          refuseLocked(doc, [key, "K"]);
          const plan = yDocToPlan(doc);
          const sections = structuredClone(plan.sections) as unknown as Record<
            string,
            Record<string, Item[]>
          >;
          const list = key === "E" ? "outcomes" : rec.kind === "need" ? "needs" : "provisions";
          (sections[key] as Record<string, Item[]>)[list]?.push(item);
          const after = checked({ ...plan, formatVersion: SOURCE_FORMAT_VERSION, sections });
          // Lifted, it is in the plan: a decision not to include it, or to merge it, is undone.
          forget(doc, requestId, rec.id, "kept");
          const element = new Y.XmlElement(rec.kind);
          const section = sectionElement(doc, key);
          section.insert(section.length, [element]);
          write(doc, element, itemNode(after, key, item));
          return planItems(after).find((i) => i.id === item.id)?.label ?? key;
        });
        audit.record(id, { id: user.id, role: user.role }, [key], [item.id]);
        sendJson(response, 201, { item: { id: item.id, section: key, label, source } });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/decide$/,
      handle: async (request, response, [id = "", requestId = ""]) => {
        const user = await open(request, id);
        const body = (await readJson(request, 10_000)) as Record<string, unknown>;
        const { number, recommendations } = await submitted(id, requestId);
        const rec = recommendationOf(recommendations, body.recommendationId);
        const base = { requestId, recommendationId: rec.id, on: today() };
        let decision: AdviceDecision;
        if (body.decision === "merged") {
          if (typeof body.into !== "string" || body.into === "") {
            throw new HttpError(400, "into: name the plan item it is merged into");
          }
          decision = { ...base, decision: "merged", into: body.into };
        } else if (body.decision === "declined") {
          decision = { ...base, decision: "declined", reason: reasonOf(body.reason) };
        } else if (body.decision === "kept") {
          decision = { ...base, decision: "kept", reason: reasonOf(body.reason), version: number };
        } else {
          throw new HttpError(400, 'decision: one of "merged", "declined" or "kept"');
        }
        AdviceDecisionSchema.parse(decision);
        await withLivePlan(options.openDocument, id, (doc) => {
          refuseLocked(doc, ["K"]);
          const plan = yDocToPlan(doc);
          const items = planItems(plan);
          if (decision.decision === "merged" && !items.some((i) => i.id === decision.into)) {
            throw new HttpError(400, `into: the plan has no item ${decision.into.slice(0, 64)}`);
          }
          const lifted = items.some(
            (i) =>
              "source" in i.value &&
              i.value.source?.requestId === requestId &&
              i.value.source.recommendationId === rec.id,
          );
          if (decision.decision === "kept" && !lifted) {
            throw new HttpError(409, "only a recommendation in the plan is kept as it is");
          }
          if (decision.decision !== "kept" && lifted) {
            throw new HttpError(
              409,
              "this recommendation is in the plan: delete the item first to merge or decline it",
            );
          }
          checked({
            ...plan,
            formatVersion: SOURCE_FORMAT_VERSION,
            sections: {
              ...plan.sections,
              K: {
                ...plan.sections.K,
                decisions: [...(plan.sections.K.decisions ?? []), decision],
              },
            },
          });
          forget(doc, requestId, rec.id);
          const element = new Y.XmlElement("adviceDecision");
          const k = sectionElement(doc, "K");
          k.insert(k.length, [element]);
          for (const [name, value] of Object.entries(decision))
            element.setAttribute(name, value as never);
        });
        audit.record(id, { id: user.id, role: user.role }, ["K"], []);
        sendJson(response, 201, { decision });
      },
    },
    {
      method: "POST",
      path: /^\/plans\/([^/]+)\/advice\/([^/]+)\/refresh$/,
      handle: async (request, response, [id = "", requestId = ""]) => {
        const user = await open(request, id);
        const body = (await readJson(request, 10_000)) as Record<string, unknown>;
        const { number, recommendations } = await submitted(id, requestId);
        const result = await withLivePlan(options.openDocument, id, (doc) => {
          const plan = yDocToPlan(doc);
          const found = planItems(plan).find((i) => i.id === body.itemId);
          const source = found && "source" in found.value ? found.value.source : undefined;
          if (!found || source?.requestId !== requestId) {
            throw new HttpError(
              404,
              `itemId: the plan has no item lifted from this advice with the id ${String(body.itemId).slice(0, 64)}`,
            );
          }
          refuseLocked(doc, [found.section, "K"]);
          const rec = recommendationOf(recommendations, source.recommendationId);
          const next = refreshed(found.value as Item, rec, {
            ...source,
            version: number,
            liftedOn: today(),
          });
          const sections = structuredClone(plan.sections) as unknown as Record<
            string,
            Record<string, Item[]>
          >;
          for (const list of Object.values(sections[found.section] ?? {})) {
            if (!Array.isArray(list)) continue;
            const at = list.findIndex((i) => i.id === found.id);
            if (at >= 0) list[at] = next;
          }
          const after = checked({ ...plan, formatVersion: SOURCE_FORMAT_VERSION, sections });
          // Updated, the item follows the advice again: a decision to keep it as it was is over.
          forget(doc, requestId, rec.id);
          const element = itemElement(doc, found.section, found.id);
          if (!element) throw new HttpError(409, "the item could not be found in the live plan");
          write(doc, element, itemNode(after, found.section, next));
          return { id: found.id, section: found.section, label: found.label, source: next.source };
        });
        audit.record(id, { id: user.id, role: user.role }, [result.section, "K"], [result.id]);
        sendJson(response, 200, { item: result });
      },
    },
  ];
}
