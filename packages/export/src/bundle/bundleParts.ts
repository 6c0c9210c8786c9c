import type { Plan } from "@ehcp/schema";
import { parseCouncilSettings } from "../CouncilSettings.js";
import type { ExportOptions } from "../ExportOptions.js";
import type { ItemTitle } from "../text/itemTitles.js";
import type { BundlePart } from "./BundlePart.js";
import { familyRights } from "./familyRights.js";
import { needTable } from "./needTable.js";
import { provisionSummary } from "./provisionSummary.js";
import { signatureBlock } from "./signatureBlock.js";

/**
 * The parts of the bundle after the plan's sections, in order, as the options ask and otherwise
 * by default: the signature for a final plan (never on a draft or a draft copy), the summary of
 * provision and the need, outcome and provision table for every plan, and the family's rights
 * whenever the council's settings are given.
 */
export function bundleParts(
  plan: Plan,
  options: ExportOptions,
  context: {
    readonly draft: boolean;
    readonly councilName: string;
    readonly idLabels: ReadonlyMap<string, string>;
    readonly titles: ReadonlyMap<string, ItemTitle>;
  },
): BundlePart[] {
  // Settings are checked here as well as by the CLI: a council's own code may pass anything.
  const settings =
    options.councilSettings === undefined
      ? undefined
      : parseCouncilSettings(options.councilSettings);
  if (options.familyRights && !settings)
    throw new TypeError(
      "familyRights needs councilSettings: the family's rights name the council's SEN team, SENDIASS and mediation service",
    );
  const parts: BundlePart[] = [];
  if (options.signatureBlock ?? !context.draft)
    parts.push(signatureBlock(plan, context.councilName));
  if (options.provisionSummary ?? true)
    parts.push(provisionSummary(plan, context.idLabels, context.titles));
  if (options.needTable ?? true) parts.push(needTable(plan, context.idLabels, context.titles));
  if (settings && (options.familyRights ?? true)) parts.push(familyRights(plan, settings));
  return parts;
}
