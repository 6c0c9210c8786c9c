import { FindingGroups, PlanEditor, useAdviceFindings } from "@ehcp/editor";
import {
  ADVICE_AUTHOR_PARTS,
  ADVICE_SECTIONS,
  adviceDocumentName,
  DEFAULT_SECTION_POLICY,
  DEFAULT_SUGGEST_POLICY,
  type Finding,
  type SectionKey,
  spokenDate,
} from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import {
  type AdviceFinding,
  ApiError,
  listAdviceVersions,
  type Session,
  submitAdvice,
  type VersionSummary,
} from "./api.js";
import { colourOf } from "./roles.js";
import { sentenceCase } from "./sentenceCase.js";
import { usePlanConnection } from "./usePlanConnection.js";
import { Problem } from "./Problem.js";
import { planViewHref } from "./PlanViews.js";
import { RecommendationsPanel } from "./RecommendationsPanel.js";
import { AdviceAuthorsPanel } from "./AdviceAuthorsPanel.js";

const SEVERITY: Readonly<Record<Finding["severity"], string>> = {
  error: "To put right",
  warning: "To make clearer",
  info: "To consider",
};

const ADVICE_SECTION_KEYS = Object.keys(ADVICE_SECTIONS);
const titleOf = (section: string) =>
  ADVICE_SECTIONS[section as SectionKey] ?? (section === "meta" ? "The child's details" : section);

/**
 * A piece of advice, written live by its adviser in the plan's own blocks (what it rests on, the
 * child's strengths and views as heard, needs, recommended outcomes and provision), checked as
 * they type in the advice's terms, and submitted when done: advice with errors only with a
 * reason. The caseworker reads it here as it is written. The server decides who may do what.
 */
export function AdviceScreen({
  session,
  id,
  requestId,
}: {
  readonly session: Session;
  readonly id: string;
  readonly requestId: string;
}) {
  const name = adviceDocumentName(id, requestId);
  const [denied, setDenied] = useState<string | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [refused, setRefused] = useState<{ message: string; findings: AdviceFinding[] } | null>(
    null,
  );
  const [reason, setReason] = useState("");
  const [sent, setSent] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const quality = useMemo(() => ({ today }), [today]);
  const findings = useAdviceFindings(editor, quality);
  // The server lets in only the adviser the request names and the caseworker (who reads): anyone
  // else let in is the adviser.
  const author = !denied && session.role !== "caseworker";
  // The adviser writes the parts of the advice whatever their role; the server holds them to it.
  const policy = useMemo(
    () => ({ ...DEFAULT_SECTION_POLICY, [session.role]: author ? ADVICE_AUTHOR_PARTS : [] }),
    [session.role, author],
  );
  const suggestPolicy = useMemo(
    () => ({ ...DEFAULT_SUGGEST_POLICY, [session.role]: [] }),
    [session.role],
  );
  const [allowed, setAllowed] = useState(false);
  // Asked first over HTTP, which the server answers as it would the connection: someone who may
  // not open the advice is told why, and no editor is started.
  const refreshVersions = () =>
    listAdviceVersions(session, id, requestId).then(
      (kept) => {
        setVersions(kept);
        setAllowed(true);
      },
      (error: unknown) => {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          setDenied(error.message);
        } else {
          setProblem(
            error instanceof ApiError ? error.message : "The server could not be reached.",
          );
        }
      },
    );
  useEffect(() => {
    void refreshVersions();
  }, [id, requestId, session.token]);
  const connection = usePlanConnection(name, session, setDenied, allowed && !denied);
  // The server closes a writer's connection when what let them in is taken back (the request
  // withdrawn, a co-author removed): asked again over HTTP, the reason is shown in the editor's
  // place.
  useEffect(() => {
    if (!connection) return;
    const closed = ({ event }: { event: { reason?: string } }) => {
      if (event.reason) void refreshVersions();
    };
    connection.provider.on("close", closed);
    return () => {
      connection.provider.off("close", closed);
    };
  }, [connection]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    try {
      const answer = await submitAdvice(
        session,
        id,
        requestId,
        refused ? reason.trim() : undefined,
      );
      setRefused(null);
      setReason("");
      setProblem(null);
      setSent(`${answer.version.name}. The caseworker has it now.`);
      void refreshVersions();
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.status === 409 &&
        Array.isArray(error.details.findings)
      ) {
        setRefused({ message: error.message, findings: error.details.findings as AdviceFinding[] });
      } else {
        setProblem(error instanceof ApiError ? error.message : "The server could not be reached.");
      }
    }
  };

  if (denied) {
    return (
      <>
        <a className="govuk-back-link" href="#/">
          Back to the caseload
        </a>
        <Problem>{denied}</Problem>
      </>
    );
  }
  const child = findings.plan?.meta.child.fullName;
  const user = {
    ...(session.id ? { id: session.id } : {}),
    name: session.name,
    role: session.role,
    color: colourOf(session.role),
  };
  return (
    <div className="pg-advice-screen">
      <a className="govuk-back-link" href={planViewHref(id, "plan")}>
        Back to the plan
      </a>
      <h1 className="govuk-heading-xl">
        {author ? "Your advice" : "Advice"}
        {child ? ` for ${child}'s plan` : ""}
      </h1>
      <p className="govuk-body">
        {author
          ? "Write what you found and what you recommend. Recommendations are checked as you type: say what, who with what expertise, how often and for how long. Everyone asked must give their advice within six weeks of the request."
          : "The adviser writes this advice; you see it as they write it."}
      </p>
      <div className="ehcp-kit pg-advice-layout">
        <div className="pg-advice-editor">
          {connection ? (
            <PlanEditor
              key={connection.document.guid}
              document={connection.document}
              provider={connection.provider}
              user={user}
              readOnly={!author}
              policy={policy}
              suggestPolicy={suggestPolicy}
              sectionTitles={ADVICE_SECTIONS}
              onEditor={setEditor}
            />
          ) : null}
        </div>
        <aside className="pg-advice-side" aria-label="Checks and submitting">
          <section aria-labelledby="advice-checks-heading" className="pg-advice-checks">
            <h2 id="advice-checks-heading" className="govuk-heading-m">
              Checks
            </h2>
            <p className="govuk-body" role="status">
              {findings.plan === null
                ? "Checking…"
                : findings.findings.length === 0
                  ? "Nothing to put right."
                  : `${findings.findings.filter((f) => f.severity === "error").length} to put right, ${findings.findings.filter((f) => f.severity !== "error").length} to make clearer or consider`}
            </p>
            <FindingGroups
              editor={editor}
              findings={findings.findings}
              sections={ADVICE_SECTION_KEYS}
              titleOf={titleOf}
              idPrefix="advice-checks"
              severityNames={SEVERITY}
              headingClass="govuk-heading-s"
              listClass="govuk-list"
            />
          </section>
          {author ? (
            <form
              onSubmit={(event) => void submit(event)}
              noValidate
              aria-labelledby="submit-heading"
            >
              <h2 id="submit-heading" className="govuk-heading-m">
                Submit your advice
              </h2>
              {sent ? (
                <p className="govuk-body pg-advice-sent" role="status">
                  {sent}
                </p>
              ) : null}
              <Problem>{problem}</Problem>
              {refused ? (
                <div className="govuk-error-summary" id="advice-refused">
                  <div role="alert">
                    <h3 className="govuk-error-summary__title">
                      The advice has things to put right
                    </h3>
                    <div className="govuk-error-summary__body">
                      <p className="govuk-body">{sentenceCase(refused.message)}</p>
                      <ul className="govuk-list govuk-error-summary__list">
                        {refused.findings.map((finding, index) => (
                          <li key={`${finding.rule}-${index}`}>{finding.message}</li>
                        ))}
                      </ul>
                    </div>
                  </div>
                </div>
              ) : null}
              {refused ? (
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor="advice-reason">
                    Why it is submitted as it is
                  </label>
                  <textarea
                    id="advice-reason"
                    className="govuk-textarea"
                    rows={3}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                </div>
              ) : null}
              <button type="submit" className="govuk-button">
                {refused
                  ? "Submit it as it is"
                  : versions.length > 0
                    ? "Submit the revision"
                    : "Submit your advice"}
              </button>
            </form>
          ) : null}
          {session.role === "caseworker" && !author ? (
            <RecommendationsPanel
              session={session}
              planId={id}
              requestId={requestId}
              versions={versions}
            />
          ) : null}
          <AdviceAuthorsPanel session={session} planId={id} requestId={requestId} />
          <section aria-labelledby="advice-versions-heading">
            <h2 id="advice-versions-heading" className="govuk-heading-s">
              Submitted
            </h2>
            {versions.length === 0 ? (
              <p className="govuk-body">Not submitted yet.</p>
            ) : (
              <ul className="govuk-list pg-advice-versions">
                {versions.map((v) => (
                  <li key={v.id}>
                    {v.name}, by {v.createdBy.name} ({spokenDate(v.createdAt.slice(0, 10))})
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
