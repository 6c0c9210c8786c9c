import {
  type Finding,
  type Plan,
  planItems,
  SECTION_KEYS,
  SECTION_TITLES,
  type SectionKey,
} from "@ehcp/schema";

/** Where a section of the plan stands, as the task list shows it. */
export type SectionState = "not-started" | "in-progress" | "needs-attention" | "complete";

export interface SectionProgress {
  readonly key: SectionKey;
  readonly title: string;
  readonly state: SectionState;
  /** The checker's findings on the section, of any severity. */
  readonly findings: number;
}

export const SECTION_STATE_NAMES: Readonly<Record<SectionState, string>> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  "needs-attention": "Needs attention",
  complete: "Complete",
};

/** Whether anything is written in a section: items, or I's placement, or J's request or notes. */
function written(plan: Plan, key: SectionKey, items: number): boolean {
  if (key === "I") return plan.sections.I.placement !== null;
  if (key === "J") {
    const { requested, items: budget, notes } = plan.sections.J;
    return requested || budget.length > 0 || notes.length > 0;
  }
  return items > 0;
}

/**
 * Each section A to K with its state: not started while nothing is written in it; needs
 * attention with an error the checker found (which blocks the final plan); in progress with a
 * warning still open; complete otherwise.
 */
export function sectionStates(plan: Plan, findings: readonly Finding[]): SectionProgress[] {
  const items = new Map<SectionKey, number>();
  for (const item of planItems(plan)) {
    if (item.kind !== "step") items.set(item.section, (items.get(item.section) ?? 0) + 1);
  }
  return SECTION_KEYS.map((key) => {
    const own = findings.filter((f) => f.section === key);
    const state: SectionState = !written(plan, key, items.get(key) ?? 0)
      ? own.some((f) => f.severity === "error")
        ? "needs-attention"
        : "not-started"
      : own.some((f) => f.severity === "error")
        ? "needs-attention"
        : own.some((f) => f.severity === "warning")
          ? "in-progress"
          : "complete";
    return { key, title: SECTION_TITLES[key], state, findings: own.length };
  });
}
