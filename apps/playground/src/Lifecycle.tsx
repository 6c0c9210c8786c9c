import { type Plan, spokenDate as spoken, statutoryDates } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { type FormEvent, useState } from "react";
import { amend, ApiError, issueDraft, issueFinal, type Session } from "./api.js";
import { Problem } from "./Problem.js";

/** Sets section I's placement in the live document, as the caseworker's own edit. */
function namePlacement(
  editor: Editor,
  placement: { institutionName: string; institutionType: string },
) {
  let pos = -1;
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name === "sectionI") pos = offset;
  });
  if (pos < 0) return;
  editor.view.dispatch(editor.state.tr.setNodeAttribute(pos, "placement", placement));
}

/**
 * Where the plan stands on the road the law sets: draft, draft issued (with the days left for the
 * family's representations), final (signed off, locked), amendment draft; and the caseworker's
 * steps along it.
 */
export function Lifecycle({
  session,
  id,
  plan,
  editor,
  onChange,
}: {
  readonly session: Session;
  readonly id: string;
  readonly plan: Plan;
  readonly editor: Editor | null;
  readonly onChange: () => void;
}) {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [officer, setOfficer] = useState({ name: "", role: "" });
  const [school, setSchool] = useState("");
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const today = new Date().toISOString().slice(0, 10);
  const { status, issue, dates, signOff } = plan.meta;
  const manage = session.role === "caseworker";
  const act = async (step: () => Promise<unknown>) => {
    try {
      await step();
      setProblem(null);
      onChange();
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError(0, "The server could not be reached."));
    }
  };
  const waiting = (problem?.details.changes ?? []) as {
    id: string;
    label: string;
    change: string;
  }[];
  const final = (event: FormEvent) => {
    event.preventDefault();
    void act(() =>
      issueFinal(
        session,
        id,
        officer,
        Object.entries(reasons)
          .filter(([, reason]) => reason.trim())
          .map(([itemId, reason]) => ({ id: itemId, reason })),
      ),
    );
  };
  let state: string;
  if (status === "final") {
    state = `Final plan (issue ${issue}), issued ${dates.finalIssued ? spoken(dates.finalIssued) : ""}${signOff ? `, signed off by ${signOff.officerName}, ${signOff.role}` : ""}. It is locked: start an amendment draft to change it.`;
  } else if (dates.draftIssued) {
    const close = statutoryDates(plan, today).find((d) => d.key === "representations");
    const left = close?.daysLeft ?? 0;
    state = `Draft (issue ${issue}) issued ${spoken(dates.draftIssued)}. The family's representations close ${close ? spoken(close.due) : ""}: ${left > 0 ? `${left} day${left === 1 ? "" : "s"} left` : "closed"}.`;
  } else {
    state = `Draft (issue ${issue}), not yet issued to the family.`;
  }
  return (
    <section aria-labelledby="lifecycle-heading" className="pg-panel">
      <h2 id="lifecycle-heading">Status</h2>
      <p role="status" id="lifecycle-state">
        {state}
      </p>
      {manage && status === "draft" && !dates.draftIssued ? (
        <button type="button" onClick={() => void act(() => issueDraft(session, id))}>
          Issue the draft
        </button>
      ) : null}
      {manage && status === "draft" && dates.draftIssued ? (
        <>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (editor && school.trim()) {
                namePlacement(editor, {
                  institutionName: school.trim(),
                  institutionType: "mainstream",
                });
              }
            }}
          >
            <label htmlFor="placement-name">School or setting for section I</label>{" "}
            <input id="placement-name" value={school} onChange={(e) => setSchool(e.target.value)} />{" "}
            <button type="submit">Name it</button>
          </form>
          <form onSubmit={final}>
            <p>
              <label htmlFor="officer-name">Officer signing off</label>{" "}
              <input
                id="officer-name"
                value={officer.name}
                onChange={(e) => setOfficer({ ...officer, name: e.target.value })}
              />{" "}
              <label htmlFor="officer-role">Their role</label>{" "}
              <input
                id="officer-role"
                value={officer.role}
                onChange={(e) => setOfficer({ ...officer, role: e.target.value })}
              />
            </p>
            {waiting.length > 0 ? (
              <fieldset>
                <legend>Changes since the issued draft: give the council's reason for each</legend>
                {waiting.map((change) => (
                  <p key={change.id}>
                    <label htmlFor={`reason-${change.id}`}>
                      {change.label} ({change.change})
                    </label>{" "}
                    <input
                      id={`reason-${change.id}`}
                      value={reasons[change.id] ?? ""}
                      onChange={(e) => setReasons({ ...reasons, [change.id]: e.target.value })}
                    />
                  </p>
                ))}
              </fieldset>
            ) : null}
            <button type="submit">Issue the final plan</button>{" "}
            <button type="button" onClick={() => void act(() => issueDraft(session, id, true))}>
              Re-issue the draft instead
            </button>
          </form>
        </>
      ) : null}
      {manage && status === "final" ? (
        <button type="button" onClick={() => void act(() => amend(session, id))}>
          Start an amendment draft
        </button>
      ) : null}
      <Problem>{problem?.message}</Problem>
    </section>
  );
}
