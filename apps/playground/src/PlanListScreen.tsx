import { findingCounts } from "@ehcp/editor";
import { blankPlan } from "@ehcp/schema";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { ApiError, importPlan, listPlans, type PlanSummary, type Session } from "./api.js";
import {
  adviceAwaited,
  type CaseloadRow,
  caseloadRows,
  lateness,
  spokenDue,
} from "./caseloadRows.js";
import { COUNCIL } from "./council.js";
import { DateField } from "./DateField.js";
import { ErrorSummary, type FieldError } from "./ErrorSummary.js";
import { readDateParts, todayParts } from "./readDateParts.js";
import { sentenceCase } from "./sentenceCase.js";
import { LateTag } from "./LateTag.js";

type SortKey = "child" | "stage" | "next" | "findings";

const COLUMNS: readonly { key: SortKey; label: string }[] = [
  { key: "child", label: "Child or young person" },
  { key: "stage", label: "Status" },
  { key: "next", label: "Next statutory date" },
  { key: "findings", label: "Findings" },
];

const compare: Readonly<Record<SortKey, (a: CaseloadRow, b: CaseloadRow) => number>> = {
  child: (a, b) => a.child.localeCompare(b.child, "en-GB"),
  stage: (a, b) => a.stage.localeCompare(b.stage) || (a.issue ?? 0) - (b.issue ?? 0),
  // The latest first when ascending makes no sense for deadlines: soonest (or most late) first.
  next: (a, b) => (a.next?.due ?? "9999").localeCompare(b.next?.due ?? "9999"),
  findings: (a, b) => a.errors - b.errors || a.warnings - b.warnings || a.info - b.info,
};

const TAG: Readonly<Record<CaseloadRow["stage"], string>> = {
  Draft: "govuk-tag--yellow",
  "Draft issued": "govuk-tag--blue",
  Final: "govuk-tag--green",
  Unknown: "govuk-tag--grey",
};

/**
 * The caseload: every plan this person may open, with its child, status and issue, the next date
 * the law sets and how late it is, and the checker's findings; sortable and filterable. Then a
 * new plan from a blank template, and import of Plan JSON.
 */
export function PlanListScreen({
  session,
  open,
}: {
  readonly session: Session;
  readonly open: (id: string) => void;
}) {
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [childName, setChildName] = useState("");
  const [birth, setBirth] = useState("");
  const today = new Date().toISOString().slice(0, 10);
  // The statutory clock starts on the day the council received the request for an assessment,
  // which is often days before the plan is started here.
  const [requested, setRequested] = useState(() => todayParts(today));
  const [formErrors, setFormErrors] = useState<readonly FieldError[]>([]);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: "next",
    descending: false,
  });
  const [stageFilter, setStageFilter] = useState("all");
  const [search, setSearch] = useState("");
  const [onlyLate, setOnlyLate] = useState(false);
  const rows = useMemo(() => {
    const all = caseloadRows(plans ?? [], today).filter(
      (row) =>
        (stageFilter === "all" || row.stage === stageFilter) &&
        (!onlyLate || (row.daysLate ?? 0) > 0) &&
        row.child.toLowerCase().includes(search.trim().toLowerCase()),
    );
    const order = compare[sort.key];
    return all.sort((a, b) => (sort.descending ? -order(a, b) : order(a, b)));
  }, [plans, today, stageFilter, onlyLate, search, sort]);
  const refresh = () => listPlans(session).then(setPlans, (e) => setProblem(e as ApiError));
  useEffect(() => {
    void refresh();
  }, [session.token]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const request = readDateParts(requested, "the date the request was received", today);
    const errors = [
      ...(childName.trim() ? [] : [{ field: "new-child", message: "Enter the child's full name" }]),
      ...(birth ? [] : [{ field: "new-birth", message: "Enter the child's date of birth" }]),
      ...(birth > today
        ? [{ field: "new-birth", message: "The date of birth must be today or in the past" }]
        : []),
      ...("problem" in request ? [{ field: "new-request-day", message: request.problem }] : []),
    ];
    setFormErrors(errors);
    if (errors.length > 0 || !("date" in request)) return;
    const plan = blankPlan({
      child: {
        fullName: childName.trim(),
        preferredName: childName.trim().split(/\s+/)[0] ?? "",
        dateOfBirth: birth,
        pronouns: "",
        yearGroup: "",
      },
      localAuthority: COUNCIL.name,
      requestReceived: request.date,
    });
    try {
      const { id } = await importPlan(session, JSON.stringify(plan));
      open(id);
    } catch (e) {
      setProblem(e as ApiError);
    }
  };

  const errorOf = (field: string) => formErrors.find((e) => e.field === field)?.message ?? null;

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    try {
      const { id } = await importPlan(session, await file.text());
      await refresh();
      open(id);
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError(0, "The file could not be read."));
    }
  };

  return (
    <>
      <h1 className="govuk-heading-xl">Caseload</h1>
      {problem ? (
        <div className="govuk-error-summary" id="plan-problem">
          <div role="alert">
            <h2 className="govuk-error-summary__title">{sentenceCase(problem.message)}</h2>
            {problem.issues.length > 0 ? (
              <div className="govuk-error-summary__body">
                <ul className="govuk-list govuk-error-summary__list">
                  {problem.issues.slice(0, 20).map((issue, i) => (
                    <li key={i}>
                      <code>{issue.path || "(the whole file)"}</code>: {issue.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        </div>
      ) : null}
      {plans === null ? (
        <p className="govuk-body">Loading…</p>
      ) : plans.length === 0 ? (
        <p className="govuk-body">There are no plans you may open yet.</p>
      ) : (
        <>
          <div className="pg-caseload-filters" role="search" aria-label="Filter the caseload">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="filter-child">
                Child's name
              </label>
              <input
                id="filter-child"
                className="govuk-input govuk-input--width-20"
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="filter-status">
                Status
              </label>
              <select
                id="filter-status"
                className="govuk-select"
                value={stageFilter}
                onChange={(e) => setStageFilter(e.target.value)}
              >
                <option value="all">Any status</option>
                <option value="Draft">Draft</option>
                <option value="Draft issued">Draft issued</option>
                <option value="Final">Final</option>
              </select>
            </div>
            <div className="govuk-form-group">
              <div className="govuk-checkboxes govuk-checkboxes--small">
                <div className="govuk-checkboxes__item">
                  <input
                    id="filter-late"
                    className="govuk-checkboxes__input"
                    type="checkbox"
                    checked={onlyLate}
                    onChange={(e) => setOnlyLate(e.target.checked)}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="filter-late">
                    Only plans past a statutory date
                  </label>
                </div>
              </div>
            </div>
          </div>
          <table className="govuk-table pg-caseload">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {rows.length} of {plans.length} plan{plans.length === 1 ? "" : "s"}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className="govuk-table__header"
                    aria-sort={
                      sort.key === column.key
                        ? sort.descending
                          ? "descending"
                          : "ascending"
                        : "none"
                    }
                  >
                    <button
                      type="button"
                      className="pg-sort"
                      onClick={() =>
                        setSort({
                          key: column.key,
                          descending: sort.key === column.key ? !sort.descending : false,
                        })
                      }
                    >
                      {column.label}
                      {sort.key === column.key ? (sort.descending ? " ▼" : " ▲") : ""}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((row) => (
                <tr key={row.id} className="govuk-table__row pg-caseload-row">
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={`#/plans/${encodeURIComponent(row.id)}`}>
                      {row.child}
                    </a>
                  </td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${TAG[row.stage]}`}>{row.stage}</strong>
                    {row.issue !== null ? ` issue ${row.issue}` : ""}
                  </td>
                  <td className="govuk-table__cell">
                    {row.next ? (
                      <>
                        {row.next.label}: {spokenDue(row)}
                        <br />
                        <LateTag late={(row.daysLate ?? 0) > 0}>{lateness(row)}</LateTag>
                      </>
                    ) : (
                      lateness(row)
                    )}
                    {adviceAwaited(row) ? (
                      <span className="pg-caseload-advice">
                        <br />
                        <LateTag late={row.advice.late > 0}>{adviceAwaited(row)}</LateTag>
                      </span>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    {findingCounts({ error: row.errors, warning: row.warnings, info: row.info })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? (
            <p className="govuk-body">No plan matches: change the filters above.</p>
          ) : null}
        </>
      )}
      {session.role === "caseworker" ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half-from-desktop">
            <h2 className="govuk-heading-m">Start a new plan</h2>
            <ErrorSummary id="new-plan-errors" heading="h3" errors={formErrors} />
            <form onSubmit={create} noValidate>
              <div
                className={`govuk-form-group${errorOf("new-child") ? " govuk-form-group--error" : ""}`}
              >
                <label className="govuk-label" htmlFor="new-child">
                  Child's full name
                </label>
                {errorOf("new-child") ? (
                  <p id="new-child-error" className="govuk-error-message">
                    <span className="govuk-visually-hidden">Error:</span> {errorOf("new-child")}
                  </p>
                ) : null}
                <input
                  id="new-child"
                  className={`govuk-input${errorOf("new-child") ? " govuk-input--error" : ""}`}
                  value={childName}
                  aria-describedby={errorOf("new-child") ? "new-child-error" : undefined}
                  onChange={(e) => setChildName(e.target.value)}
                />
              </div>
              <div
                className={`govuk-form-group${errorOf("new-birth") ? " govuk-form-group--error" : ""}`}
              >
                <label className="govuk-label" htmlFor="new-birth">
                  Date of birth
                </label>
                {errorOf("new-birth") ? (
                  <p id="new-birth-error" className="govuk-error-message">
                    <span className="govuk-visually-hidden">Error:</span> {errorOf("new-birth")}
                  </p>
                ) : null}
                <input
                  id="new-birth"
                  className={`govuk-input govuk-input--width-10${errorOf("new-birth") ? " govuk-input--error" : ""}`}
                  type="date"
                  max={today}
                  value={birth}
                  aria-describedby={errorOf("new-birth") ? "new-birth-error" : undefined}
                  onChange={(e) => setBirth(e.target.value)}
                />
              </div>
              <DateField
                id="new-request"
                legend="Date the request for an assessment was received"
                hint="The dates the law sets for the plan run from this day. For example, 27 3 2026."
                error={errorOf("new-request-day")}
                value={requested}
                onChange={setRequested}
              />
              <button type="submit" className="govuk-button">
                Create the plan
              </button>
            </form>
          </div>
          <div className="govuk-grid-column-one-half-from-desktop">
            <h2 className="govuk-heading-m">Import a plan</h2>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="import-file">
                A Plan JSON file
              </label>
              <input
                id="import-file"
                className="govuk-file-upload"
                type="file"
                accept="application/json,.json"
                onChange={(e) => void importFile(e.target.files?.[0])}
              />
            </div>
          </div>
        </div>
      ) : (
        <p className="govuk-body">Only a caseworker can start or import plans.</p>
      )}
    </>
  );
}
