import {
  checkPlan,
  type QualityConfig,
  type QualitySummary,
  summarizeQuality,
} from "@ehcp/quality";
import { docToPlan, type Finding, type Plan, PlanFormatError } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { useEffect } from "react";
import { awaitsSharedPlan } from "./awaitsSharedPlan.js";
import { itemFindingsKey } from "./plugins/itemFindings.js";
import { usePausedDocValue } from "./usePausedDocValue.js";

export interface PlanFindings {
  readonly plan: Plan | null;
  readonly findings: readonly Finding[];
  readonly summary: QualitySummary | null;
  /** Why the plan could not be read, when it could not. */
  readonly problem: string | null;
}

const EMPTY: PlanFindings = { plan: null, findings: [], summary: null, problem: null };

/**
 * The checker's findings for the plan in an editor, brought up to date when typing pauses for
 * `delay` milliseconds, not on every keystroke; each item's card shows its own.
 */
export function usePlanFindings(
  editor: Editor | null,
  config: QualityConfig = {},
  delay = 400,
): PlanFindings {
  const value = usePausedDocValue<PlanFindings>(
    editor,
    (current, previous) => {
      // Nothing to check yet, and nothing wrong: the panel says it is checking.
      if (awaitsSharedPlan(current)) return EMPTY;
      try {
        const plan = docToPlan(current.state.doc);
        const findings = checkPlan(plan, config);
        return { plan, findings, summary: summarizeQuality(plan, findings), problem: null };
      } catch (error) {
        const message =
          error instanceof PlanFormatError ? error.message : "the plan could not be checked";
        return { ...previous, problem: message };
      }
    },
    EMPTY,
    delay,
    [JSON.stringify(config)],
  );
  // Each card counts its own findings: they go to the editor as well as to the panel.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(
      editor.state.tr.setMeta(itemFindingsKey, value.findings).setMeta("addToHistory", false),
    );
  }, [editor, value.findings]);
  return value;
}
