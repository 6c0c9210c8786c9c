import { revealFinding } from "@ehcp/editor";
import {
  type Finding,
  INSTITUTION_TYPE_NAMES,
  INSTITUTION_TYPES,
  type Placement,
  type Plan,
  spokenDate as spoken,
  statutoryDates,
} from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { amend, ApiError, issueDraft, issueFinal, type Session } from "./api.js";
import { planStanding } from "./planStanding.js";
import { ConfirmStep } from "./ConfirmStep.js";
import { Problem } from "./Problem.js";
import { sentenceCase } from "./sentenceCase.js";

/** Sets section I's placement in the live document, as the caseworker's own edit. */
function namePlacement(editor: Editor, placement: Placement | null) {
  let pos = -1;
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name === "sectionI") pos = offset;
  });
  if (pos < 0) return;
  editor.view.dispatch(editor.state.tr.setNodeAttribute(pos, "placement", placement));
}

/** How section I's placement reads in a sentence: its name, or its type. */
const placementName = (placement: Placement) => {
  if (placement.institutionName) return `“${placement.institutionName}”`;
  const type = INSTITUTION_TYPE_NAMES[placement.institutionType].toLowerCase();
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
};

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
  placement,
  onChange,
  onFinal,
}: {
  readonly session: Session;
  readonly id: string;
  readonly plan: Plan;
  readonly editor: Editor | null;
  /** Section I as the open plan has it now (the caseworker names or clears it in the editor). */
  readonly placement?: Placement | null;
  readonly onChange: () => void;
  /** Called once the final plan is issued, so the page can point to the banner that says so. */
  readonly onFinal?: () => void;
}) {
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [officer, setOfficer] = useState({ name: "", role: "" });
  // What section I names already, so the form shows it rather than an empty box beside it.
  const named = placement === undefined ? plan.sections.I.placement : placement;
  const [school, setSchool] = useState(named?.institutionName ?? "");
  const [schoolType, setSchoolType] = useState<Placement["institutionType"] | "">(
    named?.institutionType ?? "",
  );
  const [schoolProblem, setSchoolProblem] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [early, setEarly] = useState({ reason: "", agreed: "" });
  // Issuing or re-issuing the draft is asked first; the focus goes to the question, and back to
  // the button when it is cancelled.
  const [asking, setAsking] = useState<"draft" | "redraft" | null>(null);
  const [cancelled, setCancelled] = useState<"draft" | "redraft" | null>(null);
  const draftButton = useRef<HTMLButtonElement>(null);
  const redraftButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (cancelled === "draft") draftButton.current?.focus();
    if (cancelled === "redraft") redraftButton.current?.focus();
  }, [cancelled]);
  const ask = (step: "draft" | "redraft" | null) => {
    setCancelled(null);
    setAsking(step);
  };
  const cancel = () => {
    setCancelled(asking);
    setAsking(null);
  };
  const { status, dates } = plan.meta;
  const manage = session.role === "caseworker";
  const act = async (step: () => Promise<unknown>, then?: () => void) => {
    try {
      await step();
      setProblem(null);
      onChange();
      then?.();
    } catch (e) {
      setProblem(e instanceof ApiError ? e : new ApiError(0, "The server could not be reached."));
    }
  };
  const waiting = (problem?.details.changes ?? []) as {
    id: string;
    label: string;
    change: string;
  }[];
  const blocking = (problem?.details.findings ?? []) as Finding[];
  const today = new Date().toISOString().slice(0, 10);
  const standing = planStanding(plan, today);
  // The family's 15 days, as they would run from a draft issued today.
  const closesIfIssued = statutoryDates(
    { ...plan, meta: { ...plan.meta, dates: { ...plan.meta.dates, draftIssued: today } } },
    today,
  ).find((d) => d.key === "representations")?.due;
  const windowOpen = standing.representationDaysLeft !== null;
  const final = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () =>
        issueFinal(
          session,
          id,
          officer,
          Object.entries(reasons)
            .filter(([, reason]) => reason.trim())
            .map(([itemId, reason]) => ({ id: itemId, reason })),
          windowOpen ? { reason: early.reason.trim(), agreedOn: early.agreed || null } : null,
        ),
      onFinal,
    );
  };
  return (
    <section aria-labelledby="lifecycle-heading" className="pg-lifecycle">
      <h2 id="lifecycle-heading" className="govuk-heading-m">
        Next steps
      </h2>
      {problem && blocking.length > 0 ? (
        <div className="govuk-error-summary" id="final-blockers">
          <div role="alert">
            <h3 className="govuk-error-summary__title">The final plan cannot be issued yet</h3>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{sentenceCase(problem.message)}</p>
              <ul className="govuk-list govuk-error-summary__list">
                {blocking.map((finding, index) => (
                  <li key={`${finding.rule}-${finding.target}-${index}`}>
                    <a
                      href={`#/plans/${encodeURIComponent(id)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        if (editor) revealFinding(editor, finding);
                      }}
                    >
                      {finding.section === "meta" ? "Plan details" : `Section ${finding.section}`}:{" "}
                      {finding.message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      ) : (
        <Problem>{problem?.message}</Problem>
      )}
      {!manage ? (
        <p className="govuk-body">The caseworker issues the draft and the final plan.</p>
      ) : null}
      {manage && status === "draft" && !dates.draftIssued ? (
        <>
          <p className="govuk-body">
            Issuing the draft sends it to the family, who then have 15 days to comment on it and to
            ask for a school or setting.{" "}
            {named ? (
              <>
                Section I names {placementName(named)}, and a draft names none: clear it before
                issuing, and name the school again once the family have been heard.
              </>
            ) : (
              "The draft names none."
            )}
          </p>
          {named && editor ? (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => namePlacement(editor, null)}
            >
              Clear section I
            </button>
          ) : null}
          {asking === "draft" ? (
            <ConfirmStep
              id="confirm-draft"
              question="Issue the draft to the family?"
              warning={`The draft will be issued today, ${spoken(today)}, and a version of it kept. The family then have 15 days, until ${closesIfIssued ? spoken(closesIfIssued) : "the 15th day"}, to make representations on it and to ask for a school or setting. The final plan should not be issued before then without a reason.`}
              yes="Yes, issue the draft"
              onYes={() =>
                void act(
                  () => issueDraft(session, id),
                  () => ask(null),
                )
              }
              onCancel={cancel}
            />
          ) : (
            <button
              type="button"
              className="govuk-button"
              ref={draftButton}
              onClick={() => ask("draft")}
            >
              Issue the draft
            </button>
          )}
        </>
      ) : null}
      {manage && status === "draft" && dates.draftIssued ? (
        <>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!schoolType) {
                setSchoolProblem("Choose the type of school or setting");
                return;
              }
              setSchoolProblem(null);
              if (editor) {
                namePlacement(editor, {
                  institutionName: school.trim() || null,
                  institutionType: schoolType,
                });
              }
            }}
          >
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="placement-name">
                School or setting for section I
              </label>
              <div id="placement-name-hint" className="govuk-hint">
                Leave it empty to name only the type of school or setting.
              </div>
              <input
                id="placement-name"
                className="govuk-input"
                aria-describedby="placement-name-hint"
                value={school}
                onChange={(e) => setSchool(e.target.value)}
              />
            </div>
            <div className={`govuk-form-group${schoolProblem ? " govuk-form-group--error" : ""}`}>
              <label className="govuk-label" htmlFor="placement-type">
                Type of school or setting
              </label>
              {schoolProblem ? (
                <p id="placement-type-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {schoolProblem}
                </p>
              ) : null}
              <select
                id="placement-type"
                className={`govuk-select${schoolProblem ? " govuk-select--error" : ""}`}
                aria-describedby={schoolProblem ? "placement-type-error" : undefined}
                value={schoolType}
                onChange={(e) => {
                  setSchoolType(e.target.value as Placement["institutionType"] | "");
                  setSchoolProblem(null);
                }}
              >
                <option value="">Choose the type</option>
                {INSTITUTION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {INSTITUTION_TYPE_NAMES[type]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary">
              Name it
            </button>
          </form>
          <form onSubmit={final}>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="officer-name">
                Officer signing off
              </label>
              <input
                id="officer-name"
                className="govuk-input"
                value={officer.name}
                onChange={(e) => setOfficer({ ...officer, name: e.target.value })}
              />
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="officer-role">
                The officer’s role
              </label>
              <input
                id="officer-role"
                className="govuk-input"
                value={officer.role}
                onChange={(e) => setOfficer({ ...officer, role: e.target.value })}
              />
            </div>
            {windowOpen ? (
              <fieldset className="govuk-fieldset pg-early-final" aria-describedby="early-warning">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  Issuing before the family's 15 days are over
                </legend>
                <div className="govuk-warning-text" id="early-warning">
                  <span className="govuk-warning-text__icon" aria-hidden="true">
                    !
                  </span>
                  <strong className="govuk-warning-text__text">
                    <span className="govuk-visually-hidden">Warning</span>
                    The family may make representations on the draft until{" "}
                    {standing.representationsClose ? spoken(standing.representationsClose) : ""} (
                    {standing.representationDaysLeft} day
                    {standing.representationDaysLeft === 1 ? "" : "s"} left). Issue the final plan
                    now only with a reason, such as the family's written agreement.
                  </strong>
                </div>
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor="early-reason">
                    Why the final plan is issued now
                  </label>
                  <textarea
                    id="early-reason"
                    className="govuk-textarea"
                    rows={3}
                    value={early.reason}
                    onChange={(e) => setEarly({ ...early, reason: e.target.value })}
                  />
                </div>
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor="early-agreed">
                    Date of the family's written agreement, if they gave it
                  </label>
                  <input
                    id="early-agreed"
                    className="govuk-input govuk-input--width-10"
                    type="date"
                    value={early.agreed}
                    onChange={(e) => setEarly({ ...early, agreed: e.target.value })}
                  />
                </div>
              </fieldset>
            ) : null}
            {waiting.length > 0 ? (
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                  Changes since the issued draft: give the council's reason for each
                </legend>
                {waiting.map((change) => (
                  <div className="govuk-form-group" key={change.id}>
                    <label className="govuk-label" htmlFor={`reason-${change.id}`}>
                      {change.label} ({change.change})
                    </label>
                    <input
                      id={`reason-${change.id}`}
                      className="govuk-input"
                      value={reasons[change.id] ?? ""}
                      onChange={(e) => setReasons({ ...reasons, [change.id]: e.target.value })}
                    />
                  </div>
                ))}
              </fieldset>
            ) : null}
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button">
                Issue the final plan
              </button>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                ref={redraftButton}
                onClick={() => ask("redraft")}
              >
                Re-issue the draft instead
              </button>
            </div>
            {asking === "redraft" ? (
              <ConfirmStep
                id="confirm-redraft"
                question="Re-issue the draft to the family?"
                warning={`The draft as it stands will be issued again today, ${spoken(today)}, and a version of it kept. The family's 15 days to make representations start again, until ${closesIfIssued ? spoken(closesIfIssued) : "the 15th day"}.`}
                yes="Yes, re-issue the draft"
                onYes={() =>
                  void act(
                    () => issueDraft(session, id, true),
                    () => ask(null),
                  )
                }
                onCancel={cancel}
              />
            ) : null}
          </form>
        </>
      ) : null}
      {manage && status === "final" ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => void act(() => amend(session, id))}
        >
          Start an amendment draft
        </button>
      ) : null}
    </section>
  );
}
