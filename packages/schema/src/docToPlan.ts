import type { Node as PMNode } from "prosemirror-model";
import { PLAN_FORMAT, PLAN_FORMAT_VERSION } from "./formatVersion.js";
import type { Plan } from "./json/plan.js";
import { parsePlan } from "./parsePlan.js";
import type { PlanNodeName } from "./planSchema.js";

type Attrs = Record<string, unknown>;

const copy = <T>(value: T): T =>
  value !== null && typeof value === "object" ? structuredClone(value) : value;

const childrenOf = (node: PMNode | undefined, type: PlanNodeName): PMNode[] => {
  const out: PMNode[] = [];
  node?.forEach((child) => {
    if (child.type.name === type) out.push(child);
  });
  return out;
};

const childOf = (node: PMNode | undefined, type: PlanNodeName): PMNode | undefined =>
  childrenOf(node, type)[0];

const richText = (node: PMNode | undefined): unknown[] => {
  const blocks: unknown[] = [];
  node?.forEach((child) => {
    blocks.push(child.toJSON());
  });
  return blocks;
};

const plainText = (node: PMNode | undefined): string => node?.textContent ?? "";

const needsSection = (node: PMNode | undefined) => {
  const summary = childOf(node, "needsSummary");
  return {
    ...(summary ? { summary: richText(summary) } : {}),
    needs: childrenOf(node, "need").map((n) => ({
      id: n.attrs.id,
      area: n.attrs.area,
      title: plainText(childOf(n, "needTitle")),
      description: richText(childOf(n, "needDescription")),
      adviceIds: copy(n.attrs.adviceIds),
    })),
  };
};

const provisionSection = (node: PMNode | undefined) => ({
  provisions: childrenOf(node, "provision").map((p) => ({
    id: p.attrs.id,
    outcomeIds: copy(p.attrs.outcomeIds),
    needIds: copy(p.attrs.needIds),
    what: richText(childOf(p, "provisionWhat")),
    deliveredBy: plainText(childOf(p, "provisionDeliveredBy")),
    expertise: plainText(childOf(p, "provisionExpertise")),
    ratio: p.attrs.ratio,
    frequency: copy(p.attrs.frequency),
    hoursPerWeek: p.attrs.hoursPerWeek,
    duration: copy(p.attrs.duration),
    adviceIds: copy(p.attrs.adviceIds),
  })),
});

/**
 * Converts a ProseMirror document of `planSchema` back to Plan JSON. The result is validated, so a
 * document holding a value Plan JSON cannot (an item without an id, say) throws a
 * `PlanFormatError` naming the field in Plan JSON terms.
 */
export function docToPlan(doc: PMNode): Plan {
  const section = (type: PlanNodeName) => childOf(doc, type);
  const details = (childOf(doc, "planDetails")?.attrs ?? {}) as Attrs;
  const sectionI = section("sectionI");
  const sectionJ = section("sectionJ");

  const plan = {
    format: PLAN_FORMAT,
    formatVersion: PLAN_FORMAT_VERSION,
    id: details.planId,
    meta: {
      status: details.status,
      issue: details.issue,
      child: copy(details.child),
      localAuthority: details.localAuthority,
      caseworker: copy(details.caseworker),
      dates: copy(details.dates),
      signOff: copy(details.signOff),
    },
    sections: {
      A: {
        views: childrenOf(section("sectionA"), "view").map((v) => ({
          id: v.attrs.id,
          voice: v.attrs.voice,
          topic: v.attrs.topic,
          directQuote: v.attrs.directQuote,
          ...(v.attrs.gatheredHow !== null ? { gatheredHow: v.attrs.gatheredHow } : {}),
          content: richText(v),
        })),
      },
      B: needsSection(section("sectionB")),
      C: needsSection(section("sectionC")),
      D: needsSection(section("sectionD")),
      E: {
        outcomes: childrenOf(section("sectionE"), "outcome").map((o) => ({
          id: o.attrs.id,
          needIds: copy(o.attrs.needIds),
          statement: richText(childOf(o, "outcomeStatement")),
          byWhen: o.attrs.byWhen,
          pfa: o.attrs.pfa,
          frameworkRef: o.attrs.frameworkRef,
          steps: childrenOf(o, "outcomeStep").map((step) => ({
            id: step.attrs.id,
            text: plainText(step),
            byWhen: step.attrs.byWhen,
          })),
        })),
      },
      F: provisionSection(section("sectionF")),
      G: provisionSection(section("sectionG")),
      H1: provisionSection(section("sectionH1")),
      H2: provisionSection(section("sectionH2")),
      I: { placement: copy(sectionI?.attrs.placement ?? null) },
      J: {
        requested: sectionJ?.attrs.requested,
        items: childrenOf(sectionJ, "budgetItem").map((i) => ({
          provisionId: i.attrs.provisionId,
          amountGBP: i.attrs.amountGBP,
          arrangement: i.attrs.arrangement,
          outcomesMet: richText(i),
        })),
        notes: richText(childOf(sectionJ, "budgetNotes")),
      },
      K: {
        advice: childrenOf(section("sectionK"), "advice").map((a) => ({
          id: a.attrs.id,
          title: a.attrs.title,
          from: copy(a.attrs.from),
          agency: a.attrs.agency,
          requested: a.attrs.requested,
          received: a.attrs.received,
          appended: a.attrs.appended,
        })),
      },
    },
  };
  return parsePlan(plan);
}
