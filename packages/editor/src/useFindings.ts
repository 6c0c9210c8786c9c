import type { QualityConfig, QualitySummary } from "@ehcp/quality";
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

/** What a document in an editor is checked with: a plan's checker, or an adviser's. */
export interface FindingsCheck {
  readonly check: (plan: Plan, config: QualityConfig) => Pick<PlanFindings, "findings" | "summary">;
  /** What to say when the document cannot be read for a reason of its own. */
  readonly unreadable: string;
}

const EMPTY: PlanFindings = { plan: null, findings: [], summary: null, problem: null };

/**
 * The findings of `check` for the document in an editor, brought up to date when typing pauses
 * for `delay` milliseconds, not on every keystroke; each item's card shows its own.
 */
export function useFindings(
  editor: Editor | null,
  { check, unreadable }: FindingsCheck,
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
        return { plan, ...check(plan, config), problem: null };
      } catch (error) {
        const message = error instanceof PlanFormatError ? error.message : unreadable;
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
