import {
  ADVICE_SECTIONS,
  type AdviceExport,
  type AdviserRole,
  formatDate,
  formatJsonPath,
  labelPlan,
  type Plan,
  PlanFormatError,
  parseAdviceExport,
  planItems,
  planToDoc,
  SECTION_NODE_NAMES,
  type SectionKey,
} from "@ehcp/schema";
import type { Node as PMNode } from "prosemirror-model";
import { AdviceExportError } from "../AdviceExportError.js";
import type { ExportOptions } from "../ExportOptions.js";
import { nodeLabels } from "../outline.js";
import { type ItemTitle, itemTitles } from "../text/itemTitles.js";

/** What each adviser's advice is called in its appendix's heading. */
const ADVICE_KINDS: Readonly<Record<AdviserRole, string>> = {
  "educational-psychologist": "Educational psychology advice",
  "speech-and-language-therapist": "Speech and language therapy advice",
  "occupational-therapist": "Occupational therapy advice",
  school: "Educational advice",
  health: "Health advice",
  "social-care": "Social care advice",
  parent: "Advice and information",
  "young-person": "Views and advice",
  other: "Advice",
};

/** One piece of submitted advice, ready to be written as an appendix of the plan. */
export interface AdviceAppendix {
  /** Appendix 1, 2…, in the order the advice was given. */
  readonly number: number;
  readonly advice: AdviceExport;
  /** "Appendix 1: Educational psychology advice from Dr Zoë Hartley, submitted 26 August 2026". */
  readonly heading: string;
  /** The request and the version, as a line under the heading. */
  readonly facts: string;
  readonly doc: PMNode;
  /** The advice's own sections with something written in them, in the order the advice reads. */
  readonly sections: readonly { readonly key: SectionKey; readonly node: PMNode }[];
  readonly labels: ReadonlyMap<PMNode, string>;
  readonly idLabels: ReadonlyMap<string, string>;
  readonly titles: ReadonlyMap<string, ItemTitle>;
  /** Each item's place in the advice option, for naming where a character cannot print. */
  readonly paths: ReadonlyMap<string, string>;
}

const hasContent = (node: PMNode) => {
  let found = false;
  node.forEach((child) => {
    if (child.type.spec.group?.includes("item")) found = true;
  });
  return found;
};

/**
 * The appendices of the advice given (`options.advice`), checked before any page is drawn: each
 * must be an advice export for this plan, or the export stops naming it and the place that is
 * wrong. None when `adviceAppendices` is false. They are numbered in the order the advice was
 * submitted, the earliest first.
 */
export function adviceAppendices(plan: Plan, options: ExportOptions): AdviceAppendix[] {
  const given = options.advice ?? [];
  const read = given.map((input, i): AdviceExport => {
    let advice: AdviceExport;
    try {
      advice = parseAdviceExport(input);
    } catch (error) {
      if (error instanceof PlanFormatError)
        throw new AdviceExportError(`advice[${i}]`, error.issues);
      throw error;
    }
    if (advice.planId !== plan.id)
      throw new AdviceExportError(`advice[${i}]`, [
        {
          path: "planId",
          message: `this advice was given for the plan ${advice.planId}, not for ${plan.id}`,
        },
      ]);
    return advice;
  });
  if (options.adviceAppendices === false) return [];
  const order = read
    .map((advice, i) => ({ advice, i }))
    .sort(
      (a, b) =>
        a.advice.request.submittedOn.localeCompare(b.advice.request.submittedOn) || a.i - b.i,
    );
  return order.map(({ advice, i }, n) => {
    const { request } = advice;
    const doc = planToDoc(advice.advice);
    const sections = (Object.keys(ADVICE_SECTIONS) as SectionKey[]).flatMap((key) => {
      let node: PMNode | undefined;
      doc.forEach((child) => {
        if (child.type.name === SECTION_NODE_NAMES[key]) node = child;
      });
      return node && hasContent(node) ? [{ key, node }] : [];
    });
    const version =
      request.version.number === 1 ? "first version" : `revision ${request.version.number}`;
    return {
      number: n + 1,
      advice,
      heading: `Appendix ${n + 1}: ${ADVICE_KINDS[request.adviser.role]} from ${request.adviser.name}, submitted ${formatDate(request.submittedOn)}`,
      facts: `Requested ${formatDate(request.requestedOn)}, due ${formatDate(request.due)}, submitted ${formatDate(request.submittedOn)} (${version}).${request.reason ? ` Submitted with the checker's findings unresolved, because: ${request.reason}` : ""}`,
      doc,
      sections,
      labels: nodeLabels(doc),
      idLabels: labelPlan(advice.advice),
      titles: itemTitles(advice.advice),
      paths: new Map(
        planItems(advice.advice).map((item) => [
          item.label,
          `advice[${i}].advice.${formatJsonPath(item.path)}`,
        ]),
      ),
    };
  });
}
