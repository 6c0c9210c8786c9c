import { checkAdvice, createPlanChecker, type QualityConfig } from "@ehcp/quality";
import { docToPlan, PlanFormatError } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { useEffect, useMemo } from "react";
import { awaitsSharedPlan } from "./awaitsSharedPlan.js";
import { itemFindingsKey } from "./plugins/itemFindings.js";
import type { PlanFindings } from "./usePlanFindings.js";
import { usePausedDocValue } from "./usePausedDocValue.js";

const EMPTY: PlanFindings = { plan: null, findings: [], summary: null, problem: null };

/**
 * As `usePlanFindings`, for a piece of advice in an editor: the checker's wording and provision
 * rules (`checkAdvice`), worded for its author, brought up to date when typing pauses; each
 * card shows its own. No summary: the traceability of a plan is not the adviser's to keep.
 */
export function useAdviceFindings(
  editor: Editor | null,
  config: QualityConfig = {},
  delay = 400,
): PlanFindings {
  // Its own cache, so each pause re-reads only the fields that changed.
  const checker = useMemo(() => createPlanChecker(), []);
  const value = usePausedDocValue<PlanFindings>(
    editor,
    (current, previous) => {
      if (awaitsSharedPlan(current)) return EMPTY;
      try {
        const plan = docToPlan(current.state.doc);
        return { plan, findings: checkAdvice(plan, config, checker), summary: null, problem: null };
      } catch (error) {
        const message =
          error instanceof PlanFormatError ? error.message : "the advice could not be checked";
        return { ...previous, problem: message };
      }
    },
    EMPTY,
    delay,
    [JSON.stringify(config)],
  );
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(
      editor.state.tr.setMeta(itemFindingsKey, value.findings).setMeta("addToHistory", false),
    );
  }, [editor, value.findings]);
  return value;
}
