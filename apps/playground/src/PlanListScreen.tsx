import { blankPlan } from "@ehcp/schema";
import { type FormEvent, useEffect, useState } from "react";
import { ApiError, importPlan, listPlans, type PlanSummary, type Session } from "./api.js";

/** The plans this person may open; a new plan from a blank template; import of Plan JSON. */
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
  const refresh = () => listPlans(session).then(setPlans, (e) => setProblem(e as ApiError));
  useEffect(() => {
    void refresh();
  }, [session.token]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!childName.trim() || !birth) {
      setProblem(new ApiError(400, "Give the child's name and date of birth."));
      return;
    }
    const plan = blankPlan({
      child: {
        fullName: childName.trim(),
        preferredName: childName.trim().split(/\s+/)[0] ?? "",
        dateOfBirth: birth,
        pronouns: "",
        yearGroup: "",
      },
      localAuthority: "Playground County Council",
      requestReceived: new Date().toISOString().slice(0, 10),
    });
    try {
      const { id } = await importPlan(session, JSON.stringify(plan));
      open(id);
    } catch (e) {
      setProblem(e as ApiError);
    }
  };

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
    <main className="pg-narrow">
      <h1>Plans</h1>
      {problem ? (
        <div role="alert" className="pg-error" id="plan-problem">
          <p>{problem.message}</p>
          {problem.issues.length > 0 ? (
            <ul>
              {problem.issues.slice(0, 20).map((issue, i) => (
                <li key={i}>
                  <code>{issue.path || "(the whole file)"}</code>: {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {plans === null ? (
        <p>Loading…</p>
      ) : plans.length === 0 ? (
        <p>There are no plans you may open yet.</p>
      ) : (
        <ul className="pg-plan-list">
          {plans.map((plan) => (
            <li key={plan.id}>
              <a href={`#/plans/${encodeURIComponent(plan.id)}`}>{plan.child ?? plan.id}</a>{" "}
              <span className="pg-muted">
                ({plan.status ?? "unknown status"}, {plan.id})
              </span>
            </li>
          ))}
        </ul>
      )}
      {session.role === "caseworker" ? (
        <>
          <h2>Start a new plan</h2>
          <form onSubmit={create}>
            <p>
              <label htmlFor="new-child">Child's full name</label>
              <input
                id="new-child"
                value={childName}
                onChange={(e) => setChildName(e.target.value)}
              />
            </p>
            <p>
              <label htmlFor="new-birth">Date of birth</label>
              <input
                id="new-birth"
                type="date"
                value={birth}
                onChange={(e) => setBirth(e.target.value)}
              />
            </p>
            <button type="submit">Create the plan</button>
          </form>
          <h2>Import a plan</h2>
          <p>
            <label htmlFor="import-file">A Plan JSON file</label>
            <input
              id="import-file"
              type="file"
              accept="application/json,.json"
              onChange={(e) => void importFile(e.target.files?.[0])}
            />
          </p>
        </>
      ) : (
        <p>Only a caseworker can start or import plans.</p>
      )}
    </main>
  );
}
