import { checkPlan, type QualityConfig, summarizeQuality } from "@ehcp/quality";
import type { Editor } from "@tiptap/core";
import { type FindingsCheck, type PlanFindings, useFindings } from "./useFindings.js";

const PLAN_CHECK: FindingsCheck = {
  check: (plan, config) => {
    const findings = checkPlan(plan, config);
    return { findings, summary: summarizeQuality(plan, findings) };
  },
  unreadable: "the plan could not be checked",
};

/** The checker's findings for the plan in an editor, with its summary (see `useFindings`). */
export function usePlanFindings(
  editor: Editor | null,
  config: QualityConfig = {},
  delay = 400,
): PlanFindings {
  return useFindings(editor, PLAN_CHECK, config, delay);
}
