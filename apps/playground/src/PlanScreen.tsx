import {
  CommentsPanel,
  httpComments,
  httpSuggestions,
  type ItemSourceRenderer,
  PlanComparison,
  PlanEditor,
  PresenceList,
  QualityPanel,
  revealFinding,
  SuggestionsPanel,
  TraceabilityMatrix,
  usePlanFindings,
} from "@ehcp/editor";
import {
  ADVISER_ROLE_NAMES,
  adviceDates,
  comparePlans,
  type Plan,
  type SectionKey,
} from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { useEffect, useMemo, useState } from "react";
import { download, getPlan, getVersion, type Session } from "./api.js";
import { AdviceOverview, type GoToItem } from "./AdviceOverview.js";
import { AdviceRequests } from "./AdviceRequests.js";
import { ExportPanel } from "./ExportPanel.js";
import { Lifecycle } from "./Lifecycle.js";
import { PlanStatusBanner } from "./PlanStatusBanner.js";
import { PlanDetailsForm } from "./PlanDetailsForm.js";
import { type ChangeField, PlanSummary } from "./PlanSummary.js";
import { RequestDateForm } from "./RequestDateForm.js";
import { type PlanView, planViewHref, PlanViews } from "./PlanViews.js";
import { collabUrl } from "./collabUrl.js";
import { colourOf } from "./roles.js";
import { usePlanConnection } from "./usePlanConnection.js";
import { Problem } from "./Problem.js";
import { setPlanDetails } from "./setPlanDetails.js";
import { SectionTaskList } from "./SectionTaskList.js";
import { StatutoryDatesTable } from "./StatutoryDatesTable.js";
import { useAdviceRequests } from "./useAdviceRequests.js";
import { useSubmittedAdvice } from "./useSubmittedAdvice.js";
import { createSourceStore } from "./createSourceStore.js";
import { SourceNote } from "./SourceNote.js";
import { useEarlyFinal } from "./useEarlyFinal.js";
import { VersionsPanel } from "./VersionsPanel.js";

declare global {
  interface Window {
    /** The open editor, for people exploring the toolkit from the browser's console (and tests). */
    ehcpEditor?: Editor | null;
  }
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * A plan, live, in five views: the plan itself (its details, the caseworker's steps, the task
 * list of sections, the editor, and beside it comments, suggestions and the checks), the
 * traceability matrix at full width, comments and suggestions, versions, and export. The editor
 * stays connected whichever view is shown.
 */
export function PlanScreen({
  session,
  id,
  view,
}: {
  readonly session: Session;
  readonly id: string;
  readonly view: PlanView;
}) {
  const [denied, setDenied] = useState<string | null>(null);
  const connection = usePlanConnection(id, session, setDenied);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [changing, setChanging] = useState<ChangeField | null>(null);
  const [announceFinal, setAnnounceFinal] = useState(false);
  const today = todayIso();
  const adviceRequests = useAdviceRequests(connection?.document ?? null);
  const submittedAdvice = useSubmittedAdvice(session, id, adviceRequests);
  // The checker finds recommendations the plan does not account for only when given the advice.
  const quality = useMemo(
    () => ({
      today,
      advice: [...submittedAdvice.values()].map(({ request, versions }) => ({
        requestId: request.id,
        from: `${request.adviser.name} (${ADVISER_ROLE_NAMES[request.adviser.role]})`,
        recommendations: (versions.at(-1) ?? []).map(({ id: rec, label }) => ({ id: rec, label })),
      })),
    }),
    [today, submittedAdvice],
  );
  const findings = usePlanFindings(editor, quality);
  // The cards' source notes are made with the editor; they read what changes from this store.
  const [sources] = useState(() =>
    createSourceStore({ session, planId: id, plan: null, advice: new Map() }),
  );
  useEffect(() => {
    sources.set({ session, planId: id, plan: findings.plan, advice: submittedAdvice });
  }, [sources, session, id, findings.plan, submittedAdvice]);
  const itemSource = useMemo<ItemSourceRenderer>(
    () =>
      ({ id: itemId, source }) => <SourceNote store={sources} itemId={itemId} source={source} />,
    [sources],
  );
  // An item the caseworker asked to be taken to from another view: revealed once the plan's
  // view (and its editor) is shown.
  const [reveal, setReveal] = useState<{ id: string; section: SectionKey } | null>(null);
  const goToItem: GoToItem = (item) => {
    setReveal({ id: item.id, section: item.section });
    location.hash = planViewHref(id, "plan");
  };
  useEffect(() => {
    if (!reveal || view !== "plan" || !editor) return;
    setReveal(null);
    requestAnimationFrame(() =>
      revealFinding(editor, {
        rule: "advice-use",
        severity: "info",
        section: reveal.section,
        target: reveal.id,
        path: "",
        message: "",
        source: "",
      }),
    );
  }, [reveal, view, editor]);
  const refresh = () => getPlan(session, id).then(setPlan, () => setPlan(null));
  const comments = useMemo(
    () => httpComments({ url: collabUrl(), planId: id, token: session.token }),
    [id, session.token],
  );
  const suggestions = useMemo(
    () => httpSuggestions({ url: collabUrl(), planId: id, token: session.token }),
    [id, session.token],
  );
  useEffect(() => {
    void refresh();
  }, [id, session.token]);
  // The page's handle on the editor goes with the connection it was made for.
  useEffect(
    () => () => {
      window.ehcpEditor = null;
    },
    [id, session.token],
  );
  // The live document, once the editor has it, so that what changes (section I named, the plan
  // issued) shows at once; until then the plan as the server last stored it.
  const shown = findings.plan ?? plan;
  const early = useEarlyFinal(connection?.document ?? null, shown?.meta.issue ?? 0);
  if (denied) return <Problem>{denied}</Problem>;
  const user = {
    ...(session.id ? { id: session.id } : {}),
    name: session.name,
    role: session.role,
    color: colourOf(session.role),
  };
  // The live document's name, so a name changed in the plan details shows at once.
  const title = shown ? `${shown.meta.child.fullName}'s plan` : "The plan";
  const mayChangeDetails =
    session.role === "caseworker" && editor !== null && shown?.meta.status !== "final";
  // Back to the "Change" link the form came from, once the summary list is drawn again: after a
  // save that waited on the server, React may draw it a frame or two later.
  const backToRow = (field: ChangeField, frames = 10) =>
    requestAnimationFrame(() => {
      const link = document.querySelector<HTMLElement>(`.pg-summary [data-change="${field}"]`);
      if (link) link.focus();
      else if (frames > 0) backToRow(field, frames - 1);
    });
  const conversation = connection ? (
    <>
      <CommentsPanel
        editor={editor}
        document={connection.document}
        service={comments}
        user={user}
      />
      <SuggestionsPanel
        editor={editor}
        document={connection.document}
        service={suggestions}
        user={user}
      />
    </>
  ) : null;
  return (
    <div className="pg-plan">
      <PlanViews id={id} title={title} current={view} />
      <h1 className="govuk-heading-xl pg-plan-title">{title}</h1>
      {shown ? (
        <PlanStatusBanner
          plan={shown}
          today={today}
          early={early}
          announce={announceFinal && shown.meta.status === "final"}
          onAnnounced={() => setAnnounceFinal(false)}
        />
      ) : null}
      <div className="pg-plan-header" hidden={view !== "plan"}>
        {plan ? (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-half-from-desktop">
              <h2 className="govuk-heading-m">Plan details</h2>
              {changing === "detail-request" && mayChangeDetails ? (
                <RequestDateForm
                  session={session}
                  id={id}
                  requestReceived={(shown ?? plan).meta.dates.requestReceived}
                  today={today}
                  onDone={() => {
                    setChanging(null);
                    backToRow(changing);
                    void refresh();
                  }}
                />
              ) : changing && changing !== "detail-request" && mayChangeDetails ? (
                <PlanDetailsForm
                  plan={shown ?? plan}
                  today={today}
                  focus={changing}
                  onSave={(details) => {
                    setPlanDetails(editor, details);
                    setChanging(null);
                    backToRow(changing);
                  }}
                  onCancel={() => {
                    setChanging(null);
                    backToRow(changing);
                  }}
                />
              ) : (
                <PlanSummary
                  plan={shown ?? plan}
                  today={today}
                  onChange={mayChangeDetails ? setChanging : undefined}
                />
              )}
            </div>
            <div className="govuk-grid-column-one-half-from-desktop">
              <Lifecycle
                session={session}
                id={id}
                plan={plan}
                editor={editor}
                placement={shown?.sections.I.placement}
                onChange={() => void refresh()}
                onFinal={() => setAnnounceFinal(true)}
              />
              <StatutoryDatesTable
                plan={shown ?? plan}
                today={today}
                advice={adviceDates(adviceRequests, today)}
              />
              <AdviceRequests
                session={session}
                id={id}
                plan={shown ?? plan}
                requests={adviceRequests}
                today={today}
              />
            </div>
          </div>
        ) : null}
      </div>
      <div className="ehcp-kit pg-plan-layout" hidden={view !== "plan"}>
        <nav className="pg-plan-tasks" aria-labelledby="sections-heading">
          <h2 id="sections-heading" className="govuk-heading-m">
            Sections
          </h2>
          <SectionTaskList
            plan={findings.plan}
            findings={findings.findings}
            editor={editor}
            href={planViewHref(id, "plan")}
          />
          <PresenceList provider={connection?.provider ?? null} />
        </nav>
        <div className="pg-plan-editor">
          {connection ? (
            <PlanEditor
              key={connection.document.guid}
              document={connection.document}
              provider={connection.provider}
              user={user}
              readOnly={plan?.meta.status === "final"}
              itemSource={itemSource}
              onEditor={(current) => {
                window.ehcpEditor = current;
                setEditor(current);
              }}
            />
          ) : null}
        </div>
        <aside className="pg-plan-side" aria-label="Comments, suggestions and checks">
          {view === "plan" ? conversation : null}
          <QualityPanel editor={editor} findings={findings} />
        </aside>
      </div>
      {view === "matrix" ? (
        <section aria-labelledby="ehcp-trace-heading" className="ehcp-kit pg-matrix">
          <h2 id="ehcp-trace-heading" className="govuk-heading-l">
            Traceability matrix
          </h2>
          <p className="govuk-body">
            Each need, the outcomes that answer it and the provision that serves them.
          </p>
          <TraceabilityMatrix summary={findings.summary} editor={editor} />
        </section>
      ) : null}
      {view === "comments" ? (
        <div className="ehcp-kit pg-conversation">
          <h2 className="govuk-heading-l">Comments and suggestions</h2>
          <p className="govuk-body">
            To comment on words of the plan, select them in the{" "}
            <a className="govuk-link" href={planViewHref(id, "plan")}>
              plan
            </a>{" "}
            first.
          </p>
          {conversation}
        </div>
      ) : null}
      {view === "advice" ? (
        session.role === "caseworker" ? (
          <AdviceOverview
            planId={id}
            plan={findings.plan}
            requests={adviceRequests}
            advice={submittedAdvice}
            goTo={goToItem}
          />
        ) : (
          <section aria-labelledby="advice-overview-heading">
            <h2 id="advice-overview-heading" className="govuk-heading-l">
              How the advice was used
            </h2>
            <p className="govuk-body">
              The caseworker decides what becomes of each recommendation of the advice. The plan
              sent to you carries the advice, and how it was used, as appendices.
            </p>
          </section>
        )
      ) : null}
      {view === "versions" ? (
        <VersionsPanel
          session={session}
          id={id}
          stage={
            plan
              ? `${plan.meta.status} ${plan.meta.issue} ${plan.meta.dates.draftIssued ?? ""}`
              : ""
          }
        />
      ) : null}
      {view === "export" ? <ExportPanel session={session} id={id} /> : null}
    </div>
  );
}

/** A version of a plan, read-only. */
export function VersionScreen({
  session,
  id,
  version,
}: {
  readonly session: Session;
  readonly id: string;
  readonly version: string;
}) {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [live, setLive] = useState<Plan | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    getVersion(session, id, version).then(setPlan, (e) => setProblem((e as Error).message));
    getPlan(session, id).then(setLive, (e) =>
      setProblem(`The live plan could not be read to compare: ${(e as Error).message}`),
    );
  }, [id, version]);
  const child = live?.meta.child.fullName ?? plan?.meta.child.fullName;
  return (
    <div className="pg-version">
      <a className="govuk-back-link" href={planViewHref(id, "versions")}>
        Back to the live plan
      </a>
      <h1 className="govuk-heading-xl">
        {child ? `${child}'s plan` : "A plan"}: a version (read only)
      </h1>
      <Problem>{problem}</Problem>
      {plan && live ? (
        <section aria-labelledby="compare-heading" className="ehcp-kit">
          <h2 id="compare-heading" className="govuk-heading-l">
            What changed since this version
          </h2>
          <PlanComparison changes={comparePlans(plan, live)} caption="Changes since this version" />
          <p className="govuk-body">The live plan with these changes as an appendix:</p>
          <div className="govuk-button-group">
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => void download(session, id, "docx", "sections", version)}
            >
              Word with the changes
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => void download(session, id, "pdf", "sections", version)}
            >
              PDF with the changes
            </button>
          </div>
        </section>
      ) : null}
      {plan ? (
        <div className="ehcp-kit">
          <PlanEditor
            plan={plan}
            readOnly
            user={{ name: session.name, role: session.role, color: colourOf(session.role) }}
          />
        </div>
      ) : null}
    </div>
  );
}
