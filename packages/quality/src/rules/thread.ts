import { formatJsonPath, type ProvisionSectionKey } from "@ehcp/schema";
import type { RuleCheck, RuleContext, RuleFinding } from "../Rule.js";
import type { NeedEntry } from "../Thread.js";

const needPath = (e: NeedEntry) => formatJsonPath(["sections", e.section, "needs", e.index]);

function needsWithoutProvision(
  context: RuleContext,
  needSections: readonly string[],
  provisionSections: readonly ProvisionSectionKey[],
  says: (label: string, title: string) => string,
): RuleFinding[] {
  const { thread } = context;
  return thread.needs
    .filter((e) => needSections.includes(e.section))
    .filter((e) => thread.provisionsServing(e.need.id, provisionSections).length === 0)
    .map((e) => ({
      section: e.section,
      target: e.need.id,
      path: needPath(e),
      message: says(e.label, e.need.title || "this need"),
    }));
}

export const needWithoutProvision: RuleCheck = (context) =>
  needsWithoutProvision(
    context,
    ["B"],
    ["F"],
    (label, title) =>
      `${label} (${title}) has no special educational provision in section F. Section F must specify provision for each need in B (CoP 9.69): add a provision in F linked to it or to its outcome.`,
  );

export const healthNeedWithoutProvision: RuleCheck = (context) =>
  needsWithoutProvision(
    context,
    ["C"],
    ["G"],
    (label, title) =>
      `${label} (${title}) has no health provision in section G. Add the provision that meets it, or say why none is needed.`,
  );

export const socialCareNeedWithoutProvision: RuleCheck = (context) =>
  needsWithoutProvision(
    context,
    ["D"],
    ["H1", "H2"],
    (label, title) =>
      `${label} (${title}) has no social care provision in section H1 or H2. Add the provision that meets it, or say why none is needed.`,
  );

export const needWithoutOutcome: RuleCheck = ({ thread }) =>
  thread.needs
    .filter((e) => thread.outcomesOf(e.need.id).length === 0)
    .map((e) => ({
      section: e.section,
      target: e.need.id,
      path: needPath(e),
      message: `No outcome in section E names ${e.label} (${e.need.title || "this need"}). Add an outcome that says what difference meeting this need will make.`,
    }));

export const outcomeWithoutProvision: RuleCheck = ({ thread }) =>
  thread.outcomes.flatMap(({ outcome, index, label }) =>
    thread.provisionsOfOutcome(outcome.id).length > 0
      ? []
      : [
          {
            section: "E" as const,
            target: outcome.id,
            path: formatJsonPath(["sections", "E", "outcomes", index]),
            message: `No provision names ${label} as an outcome it serves, so the plan does not show how it will be achieved. Link the provision that works towards it.`,
          },
        ],
  );

export const provisionWithoutOutcome: RuleCheck = ({ thread }) =>
  thread.provisions
    .filter((e) => e.provision.outcomeIds.length === 0)
    .map((e) => ({
      section: e.section,
      target: e.provision.id,
      path: formatJsonPath(["sections", e.section, "provisions", e.index, "outcomeIds"]),
      message: `${e.label} names no outcome. Link it to the outcomes it works towards, so everyone can see why it is there.`,
    }));
