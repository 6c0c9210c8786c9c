import { labelPlan, type Finding, type Plan, parsePlan, planToDoc } from "@ehcp/schema";
import type { Node as PMNode } from "prosemirror-model";
import type { ExportOptions } from "../ExportOptions.js";
import { integrityFindings } from "../integrityFindings.js";
import { itemTitles, type ItemTitle } from "../text/itemTitles.js";
import { type AdviceAppendix, adviceAppendices } from "./adviceAppendices.js";
import { adviceUse } from "./adviceUse.js";
import type { BundlePart } from "./BundlePart.js";
import { bundleParts } from "./bundleParts.js";

/** What both exporters read from a plan and its options before they write a word of it. */
export interface PreparedExport {
  readonly plan: Plan;
  readonly findings: readonly Finding[];
  readonly doc: PMNode;
  /** A copy of a broken plan is headed as a draft even when the plan says final. */
  readonly draft: boolean;
  readonly councilName: string;
  readonly idLabels: ReadonlyMap<string, string>;
  readonly titles: ReadonlyMap<string, ItemTitle>;
  /** The bundle's parts after the plan's sections. */
  readonly parts: readonly BundlePart[];
  readonly appendices: readonly AdviceAppendix[];
  /** "How the advice was used", when advice is appended and the options do not leave it out. */
  readonly use: BundlePart | null;
}

/**
 * Validates the plan, its structure, the council's settings and the advice to append, in that
 * order, so that whatever is wrong is named before any work on the output is done, and the DOCX
 * and the PDF refuse the same input with the same error.
 */
export function prepareExport(input: Plan, options: ExportOptions): PreparedExport {
  const plan = parsePlan(input);
  const findings = integrityFindings(plan, options);
  const doc = planToDoc(plan);
  const draft = plan.meta.status === "draft" || findings.length > 0;
  const councilName =
    options.councilName ?? options.councilSettings?.name ?? plan.meta.localAuthority;
  const idLabels = labelPlan(plan);
  const titles = itemTitles(plan);
  const parts = bundleParts(plan, options, { draft, councilName, idLabels, titles });
  const appendices = adviceAppendices(plan, options);
  const use =
    appendices.length > 0 && (options.adviceUseAppendix ?? true)
      ? adviceUse(plan, appendices, appendices.length + 1, titles)
      : null;
  return { plan, findings, doc, draft, councilName, idLabels, titles, parts, appendices, use };
}
