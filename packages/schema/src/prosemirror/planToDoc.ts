import type { Node as PMNode } from "prosemirror-model";
import type { Plan, Provision } from "../json/plan.js";
import type { RichText } from "../json/richText.js";
import { planSchema } from "./planSchema.js";

type JSONNode = { type: string; attrs?: Record<string, unknown>; content?: unknown[] };

// Attribute values are copied so a caller who later mutates the plan cannot change the document.
const copy = <T>(value: T): T =>
  value !== null && typeof value === "object" ? structuredClone(value) : value;

// An empty rich-text field still gets a line: with no textblock in it, a click or the arrow keys
// could never put the caret there (a blank plan's notes on the personal budget could not be
// typed in). `richText` reads the lone empty line back as no text at all.
const rich = (type: string, blocks: RichText): JSONNode => ({
  type,
  content: blocks.length ? copy(blocks) : [{ type: "paragraph" }],
});
const plain = (type: string, text: string, attrs?: Record<string, unknown>): JSONNode => ({
  type,
  ...(attrs ? { attrs } : {}),
  content: text ? [{ type: "text", text }] : [],
});

const provisionSection = (type: string, provisions: readonly Provision[]): JSONNode => ({
  type,
  content: provisions.map((p) => ({
    type: "provision",
    attrs: {
      id: p.id,
      outcomeIds: copy(p.outcomeIds),
      needIds: copy(p.needIds),
      ratio: p.ratio,
      frequency: copy(p.frequency),
      hoursPerWeek: p.hoursPerWeek,
      duration: copy(p.duration),
      adviceIds: copy(p.adviceIds),
      source: copy(p.source ?? null),
    },
    content: [
      rich("provisionWhat", p.what),
      plain("provisionDeliveredBy", p.deliveredBy),
      plain("provisionExpertise", p.expertise),
    ],
  })),
});

const needsSection = (type: string, section: Plan["sections"]["B" | "C" | "D"]): JSONNode => ({
  type,
  content: [
    ...(section.summary ? [rich("needsSummary", section.summary)] : []),
    ...section.needs.map((n) => ({
      type: "need",
      attrs: {
        id: n.id,
        area: n.area,
        adviceIds: copy(n.adviceIds),
        source: copy(n.source ?? null),
      },
      content: [plain("needTitle", n.title), rich("needDescription", n.description)],
    })),
  ],
});

/** The ProseMirror JSON of a plan; `planToDoc` and `planToYDoc` both start from it. */
export function planToDocJSON(plan: Plan): JSONNode {
  const { meta, sections: s } = plan;
  return {
    type: "doc",
    content: [
      {
        type: "planDetails",
        attrs: {
          planId: plan.id,
          status: meta.status,
          issue: meta.issue,
          child: copy(meta.child),
          localAuthority: meta.localAuthority,
          caseworker: copy(meta.caseworker),
          dates: copy(meta.dates),
          signOff: copy(meta.signOff),
        },
      },
      {
        type: "sectionA",
        content: s.A.views.map((v) => ({
          type: "view",
          attrs: {
            id: v.id,
            voice: v.voice,
            topic: v.topic,
            directQuote: v.directQuote,
            gatheredHow: v.gatheredHow ?? null,
            lang: v.lang ?? null,
          },
          content: copy(v.content),
        })),
      },
      needsSection("sectionB", s.B),
      needsSection("sectionC", s.C),
      needsSection("sectionD", s.D),
      {
        type: "sectionE",
        content: s.E.outcomes.map((o) => ({
          type: "outcome",
          attrs: {
            id: o.id,
            needIds: copy(o.needIds),
            byWhen: o.byWhen,
            pfa: o.pfa,
            frameworkRef: o.frameworkRef,
            source: copy(o.source ?? null),
          },
          content: [
            rich("outcomeStatement", o.statement),
            ...o.steps.map((step) =>
              plain("outcomeStep", step.text, { id: step.id, byWhen: step.byWhen }),
            ),
          ],
        })),
      },
      provisionSection("sectionF", s.F.provisions),
      provisionSection("sectionG", s.G.provisions),
      provisionSection("sectionH1", s.H1.provisions),
      provisionSection("sectionH2", s.H2.provisions),
      { type: "sectionI", attrs: { placement: copy(s.I.placement) } },
      {
        type: "sectionJ",
        attrs: { requested: s.J.requested },
        content: [
          ...s.J.items.map((i) => ({
            type: "budgetItem",
            attrs: {
              provisionId: i.provisionId,
              amountGBP: i.amountGBP,
              arrangement: i.arrangement,
            },
            content: copy(i.outcomesMet),
          })),
          rich("budgetNotes", s.J.notes),
        ],
      },
      {
        type: "sectionK",
        content: [
          ...s.K.advice.map((a) => ({
            type: "advice",
            attrs: {
              id: a.id,
              title: a.title,
              from: copy(a.from),
              agency: a.agency,
              requested: a.requested,
              received: a.received,
              appended: a.appended,
            },
          })),
          ...(s.K.decisions ?? []).map((d) => ({ type: "adviceDecision", attrs: { ...d } })),
        ],
      },
    ],
  };
}

/**
 * Converts a plan to a ProseMirror document of `planSchema`. Every id in the plan is written into
 * the document here, never later, so every peer of a shared document sees the same ids.
 */
export function planToDoc(plan: Plan): PMNode {
  const doc = planSchema.nodeFromJSON(planToDocJSON(plan));
  doc.check();
  return doc;
}
