import { spokenDate } from "@ehcp/schema";
import type { PlanSummary } from "./api.js";

/** A plan as one row of the caseload: what a caseworker reads, and what rows sort by. */
export interface CaseloadRow {
  readonly id: string;
  readonly child: string;
  readonly stage: "Draft" | "Draft issued" | "Final" | "Unknown";
  readonly issue: number | null;
  readonly next: { readonly label: string; readonly due: string } | null;
  /** Days past the next date (negative while it is still to come); null with no date due. */
  readonly daysLate: number | null;
  /**
   * The advice asked for and not given yet, and how much of it is past its six weeks; the advice
   * is no step of the plan's own, so it is counted apart from the next date.
   */
  readonly advice: { readonly awaited: number; readonly late: number };
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
}

const DAY = 86_400_000;
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** Turns the server's summaries into rows, the next date and its lateness counted from `today`. */
export function caseloadRows(plans: readonly PlanSummary[], today: string): CaseloadRow[] {
  return plans.map((plan) => {
    const awaited = (plan.dates ?? []).filter(
      (d) => d.key.startsWith("advice:") && d.done === null,
    );
    const open = (plan.dates ?? [])
      .filter((d) => d.done === null && !d.key.startsWith("advice:"))
      // The end of the family's window is no step the council must take: it matters only
      // while it is still to come (the final plan waits for it).
      .filter((d) => d.key !== "representations" || (plan.status !== "final" && d.due >= today))
      .sort((a, b) => a.due.localeCompare(b.due));
    const next = open[0] ?? null;
    return {
      id: plan.id,
      child: plan.child ?? "A plan whose child is not named",
      stage:
        plan.status === "final"
          ? "Final"
          : plan.status === "draft"
            ? plan.draftIssued
              ? "Draft issued"
              : "Draft"
            : "Unknown",
      issue: plan.issue ?? null,
      next: next ? { label: next.label, due: next.due } : null,
      daysLate: next ? days(next.due, today) : null,
      advice: { awaited: awaited.length, late: awaited.filter((d) => d.due < today).length },
      errors: plan.findings?.error ?? 0,
      warnings: plan.findings?.warning ?? 0,
      info: plan.findings?.info ?? 0,
    };
  });
}

/** How late the next date is, in words. */
export function lateness(row: CaseloadRow): string {
  if (row.daysLate === null || !row.next) return "Nothing due";
  const n = Math.abs(row.daysLate);
  const unit = `${n} day${n === 1 ? "" : "s"}`;
  return row.daysLate > 0 ? `${unit} late` : row.daysLate === 0 ? "Due today" : `${unit} to go`;
}

/** The advice a plan waits for, in words: "1 piece of advice late, of 2 awaited". */
export function adviceAwaited(row: CaseloadRow): string | null {
  const { awaited, late } = row.advice;
  if (awaited === 0) return null;
  const pieces = (n: number) => `${n} piece${n === 1 ? "" : "s"} of advice`;
  return late > 0
    ? `${pieces(late)} late${late < awaited ? `, of ${awaited} awaited` : ""}`
    : `${pieces(awaited)} awaited`;
}

export const spokenDue = (row: CaseloadRow) => (row.next ? spokenDate(row.next.due) : "");
