import { checkAdvice, createPlanChecker, type QualityConfig } from "@ehcp/quality";
import type { Editor } from "@tiptap/core";
import { useMemo } from "react";
import { type FindingsCheck, type PlanFindings, useFindings } from "./useFindings.js";

/**
 * As `usePlanFindings`, for a piece of advice in an editor: the checker's wording and provision
 * rules (`checkAdvice`), worded for its author. No summary: the traceability of a plan is not
 * the adviser's to keep.
 */
export function useAdviceFindings(
  editor: Editor | null,
  config: QualityConfig = {},
  delay = 400,
): PlanFindings {
  // Its own cache, so each pause re-reads only the fields that changed.
  const adviceCheck = useMemo((): FindingsCheck => {
    const checker = createPlanChecker();
    return {
      check: (plan, options) => ({ findings: checkAdvice(plan, options, checker), summary: null }),
      unreadable: "the advice could not be checked",
    };
  }, []);
  return useFindings(editor, adviceCheck, config, delay);
}
