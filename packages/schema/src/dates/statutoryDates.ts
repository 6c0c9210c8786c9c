import type { Plan } from "../json/plan.js";

/** A date the law sets for a plan, and where the plan stands against it. */
export interface StatutoryDate {
  readonly key:
    "decision" | "draft" | "final" | "representations" | "annual-review" | "phase-transfer";
  /** What the date is for, in plain words. */
  readonly label: string;
  /** The date it falls on, YYYY-MM-DD. */
  readonly due: string;
  /** The date it was done, when the plan records it. */
  readonly done: string | null;
  /** `met` or `late` once done; otherwise `due` (still to come) or `overdue`. */
  readonly status: "met" | "late" | "due" | "overdue";
  /** Days from today to the date: negative once it has passed. */
  readonly daysLeft: number;
  /** Where the date comes from. */
  readonly source: string;
}

const DAY = 86_400_000;
const parse = (date: string) => Date.parse(`${date}T00:00:00Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => format(parse(date) + days * DAY);
const addMonths = (date: string, months: number) => {
  const d = new Date(parse(date));
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return format(d.getTime());
};

/**
 * The phase transfer a child in this year group makes next September, and its deadline (SEND
 * Regulations 2014, reg 18): 15 February of the year of transfer, or 31 March for a move from
 * secondary school to post-16. Only transfers every child in the year group makes are known
 * from the year group alone: into Reception, into Year 7 and into post-16.
 */
function phaseTransfer(yearGroup: string, today: string) {
  const group = yearGroup.trim().toLowerCase();
  const transfer =
    group === "nursery" || group === "pre-school"
      ? { to: "school (Reception)", month: "02-15" }
      : group === "year 6"
        ? { to: "secondary school (Year 7)", month: "02-15" }
        : group === "year 11"
          ? { to: "post-16 education", month: "03-31" }
          : null;
  if (!transfer) return null;
  const now = new Date(parse(today));
  // The school year runs September to August; the move comes in the September that follows.
  const year = now.getUTCMonth() >= 8 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  return { label: `Plan amended for the move to ${transfer.to}`, due: `${year}-${transfer.month}` };
}

/**
 * The dates the law sets for a plan, counted from its request date and its issue dates, each
 * with whether it was met or is late as of `today` (YYYY-MM-DD): the decision whether to assess
 * (6 weeks), the draft plan (16 weeks, as the 20-week total leaves 15 days for representations
 * and time to finalise), the final plan (20 weeks), the end of the 15 days for representations
 * on an issued draft, the annual review, and a phase transfer the child makes next September.
 */
export function statutoryDates(plan: Plan, today: string): StatutoryDate[] {
  const { requestReceived, draftIssued, finalIssued, nextReview } = plan.meta.dates;
  const entry = (
    key: StatutoryDate["key"],
    label: string,
    due: string,
    done: string | null,
    source: string,
  ): StatutoryDate => ({
    key,
    label,
    due,
    done,
    status: done ? (done <= due ? "met" : "late") : today <= due ? "due" : "overdue",
    daysLeft: Math.round((parse(due) - parse(today)) / DAY),
    source,
  });
  // An amendment (issue 2 on) is no new assessment: the 20 weeks from the request were the first
  // plan's, met or not then, and an amended plan is due 8 weeks after the family was sent the
  // proposed amendments (the draft of this issue). Counted from the request, every amendment
  // would read as months overdue.
  if (plan.meta.issue > 1) {
    const dates: StatutoryDate[] = [];
    if (draftIssued) {
      dates.push(
        entry(
          "representations",
          "End of the 15 days for the family's representations on the proposed amendments",
          addDays(draftIssued, 15),
          null,
          "SEND Regulations 2014 reg 22(2); Code of Practice 9.194",
        ),
        entry(
          "final",
          "Amended plan issued",
          addDays(draftIssued, 56),
          finalIssued,
          "SEND Regulations 2014 reg 22(5); Code of Practice 9.194",
        ),
      );
    }
    return [...dates, ...afterIssue()];
  }
  const dates: StatutoryDate[] = [
    entry(
      "decision",
      "Decision whether to carry out an assessment",
      addDays(requestReceived, 42),
      // Any issued plan means the assessment went ahead, so the decision was made in time or not.
      draftIssued ?? finalIssued,
      "SEND Regulations 2014 reg 5(1); Code of Practice 9.14",
    ),
    entry(
      "draft",
      "Draft plan issued",
      addDays(requestReceived, 112),
      draftIssued,
      "Code of Practice 9.77 and Annex 2 (the 20-week timeline)",
    ),
    entry(
      "final",
      "Final plan issued",
      addDays(requestReceived, 140),
      finalIssued,
      "SEND Regulations 2014 reg 13(2); Code of Practice 9.41",
    ),
  ];
  if (draftIssued) {
    dates.push(
      entry(
        "representations",
        "End of the 15 days for the family's representations on the draft",
        addDays(draftIssued, 15),
        null,
        "Children and Families Act 2014 s.38(2)(b); Code of Practice 9.77",
      ),
    );
  }
  return [...dates, ...afterIssue()];

  /** The dates that follow from a plan in force: its annual review, and a phase transfer. */
  function afterIssue(): StatutoryDate[] {
    const later: StatutoryDate[] = [];
    if (finalIssued || nextReview) {
      later.push(
        entry(
          "annual-review",
          "Annual review",
          nextReview ?? addMonths(finalIssued as string, 12),
          null,
          "SEND Regulations 2014 reg 18; Code of Practice 9.166",
        ),
      );
    }
    const transfer = phaseTransfer(plan.meta.child.yearGroup, today);
    if (transfer) {
      later.push(
        entry(
          "phase-transfer",
          transfer.label,
          transfer.due,
          null,
          "SEND Regulations 2014 reg 18(1); Code of Practice 9.179",
        ),
      );
    }
    return later;
  }
}
