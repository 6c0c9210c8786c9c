import { formatJsonPath, labelAt } from "@ehcp/schema";
import type { RuleCheck } from "../Rule.js";

const normal = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim();

export const outcomeFrameworkUnknown: RuleCheck = ({ plan, config }) => {
  if (!config.outcomesFramework) return [];
  const known = new Set(config.outcomesFramework.map(normal));
  return plan.sections.E.outcomes.flatMap((o, i) =>
    o.frameworkRef === null || known.has(normal(o.frameworkRef))
      ? []
      : [
          {
            section: "E" as const,
            target: o.id,
            path: formatJsonPath(["sections", "E", "outcomes", i, "frameworkRef"]),
            message: `${labelAt("E", i)} cites "${o.frameworkRef}", which is not a statement of the council's outcomes framework. Choose one of its statements.`,
          },
        ],
  );
};
