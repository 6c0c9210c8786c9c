import {
  connectPlan,
  type EditRefusal,
  httpComments,
  httpSuggestions,
  type PlanConnection,
  PlanComparison,
  PlanDates,
  PlanEditor,
  PlanWorkspace,
} from "@ehcp/editor";
import { comparePlans, type Plan } from "@ehcp/schema";
import type { Editor } from "@tiptap/core";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import {
  ApiError,
  download,
  signIn,
  getPlan,
  getVersion,
  listVersions,
  type Session,
  takeVersion,
  type VersionSummary,
} from "./api.js";
import { Lifecycle } from "./Lifecycle.js";
import { colourOf } from "./roles.js";
import { Problem } from "./Problem.js";

declare global {
  interface Window {
    /** The open editor, for people exploring the toolkit from the browser's console (and tests). */
    ehcpEditor?: Editor | null;
  }
}

// Under Vite's dev server (which has hot reloading) the server runs apart on its usual port;
// built, the app is served by the server itself.
const collabUrl = () =>
  import.meta.hot
    ? "ws://127.0.0.1:1234"
    : `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;

function Exports({ session, id }: { readonly session: Session; readonly id: string }) {
  const [layout, setLayout] = useState<"sections" | "areas-of-need">("sections");
  const [problem, setProblem] = useState<string | null>(null);
  const get = (format: "docx" | "pdf" | "json") =>
    download(session, id, format, layout).then(
      () => setProblem(null),
      (e) => setProblem((e as Error).message),
    );
  return (
    <section aria-labelledby="export-heading" className="pg-panel">
      <h2 id="export-heading">Export</h2>
      <p>
        <label htmlFor="export-layout">Layout</label>{" "}
        <select
          id="export-layout"
          value={layout}
          onChange={(e) => setLayout(e.target.value as typeof layout)}
        >
          <option value="sections">Sections A to K</option>
          <option value="areas-of-need">By area of need</option>
        </select>
      </p>
      <p className="pg-buttons">
        <button type="button" onClick={() => void get("docx")}>
          Word (DOCX)
        </button>
        <button type="button" onClick={() => void get("pdf")}>
          PDF
        </button>
        <button type="button" onClick={() => void get("json")}>
          Plan JSON
        </button>
      </p>
      <Problem>{problem}</Problem>
    </section>
  );
}

function Versions({
  session,
  id,
  stage,
}: {
  readonly session: Session;
  readonly id: string;
  /** Where the plan stands; issuing a draft or a final plan keeps a version, so re-read them. */
  readonly stage: string;
}) {
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () =>
    listVersions(session, id).then(setVersions, (e) => setProblem((e as Error).message));
  useEffect(() => {
    void refresh();
  }, [id, stage]);
  const take = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await takeVersion(session, id, name.trim());
      setName("");
      setProblem(null);
      await refresh();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : "The version could not be taken.");
    }
  };
  return (
    <section aria-labelledby="versions-heading" className="pg-panel">
      <h2 id="versions-heading">Versions</h2>
      {versions.length === 0 ? <p>No versions yet.</p> : null}
      <ul>
        {versions.map((v) => (
          <li key={v.id}>
            <a href={`#/plans/${encodeURIComponent(id)}/versions/${encodeURIComponent(v.id)}`}>
              {v.name}
            </a>
            , by {v.createdBy.name}, {new Date(v.createdAt).toLocaleString("en-GB")}
          </li>
        ))}
      </ul>
      {session.role === "caseworker" ? (
        <form onSubmit={take}>
          <label htmlFor="version-name">Name of the version</label>{" "}
          <input
            id="version-name"
            value={name}
            placeholder="Draft issued 13 October 2026"
            onChange={(e) => setName(e.target.value)}
          />{" "}
          <button type="submit">Take a snapshot</button>
        </form>
      ) : null}
      <Problem>{problem}</Problem>
    </section>
  );
}

/** A plan, live: the editor with its panels, exports and versions. */
export function PlanScreen({ session, id }: { readonly session: Session; readonly id: string }) {
  const [connection, setConnection] = useState<PlanConnection | null>(null);
  const [denied, setDenied] = useState<string | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
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
  useEffect(() => {
    let current: PlanConnection | null = connectPlan({
      url: collabUrl(),
      planId: id,
      token: session.token,
      ...(session.id ? { user: session.id } : {}),
      // The development sign-in signs the same person in again when the token is refused (the
      // server restarted with another secret, or it expired); a council's system would renew
      // it from its own session.
      renewToken: () => signIn(session.name, session.role).then((fresh) => fresh.token),
      onDenied: setDenied,
      // The editor itself says which change was refused and why (see `SaveStatus`).
      onRefused: (_refusal: EditRefusal, next: PlanConnection) => {
        current = next;
        setConnection(next);
      },
    });
    setConnection(current);
    return () => {
      current?.destroy();
      current = null;
      window.ehcpEditor = null;
    };
  }, [id, session.token]);
  if (denied)
    return (
      <main className="pg-narrow">
        <Problem>{denied}</Problem>
      </main>
    );
  return (
    <div className="pg-plan">
      <header className="pg-plan-header">
        <h1>{plan ? `${plan.meta.child.fullName}'s plan` : `Plan ${id}`}</h1>
        <p>
          Signed in as {session.name} ({session.role.replace(/-/g, " ")}).{" "}
          <a href="#/">All plans</a>
        </p>
        {plan ? (
          <div className="pg-header-status">
            <Lifecycle
              session={session}
              id={id}
              plan={plan}
              editor={editor}
              onChange={() => void refresh()}
            />
            <PlanDates plan={plan} today={new Date().toISOString().slice(0, 10)} />
          </div>
        ) : null}
      </header>
      {connection ? (
        <PlanWorkspace
          key={connection.document.guid}
          document={connection.document}
          provider={connection.provider}
          user={{
            ...(session.id ? { id: session.id } : {}),
            name: session.name,
            role: session.role,
            color: colourOf(session.role),
          }}
          showDates={false}
          comments={comments}
          suggestions={suggestions}
          quality={{ today: new Date().toISOString().slice(0, 10) }}
          readOnly={plan?.meta.status === "final"}
          onEditor={(current) => {
            window.ehcpEditor = current;
            setEditor(current);
          }}
        />
      ) : null}
      <div className="pg-side">
        <Exports session={session} id={id} />
        <Versions
          session={session}
          id={id}
          stage={
            plan
              ? `${plan.meta.status} ${plan.meta.issue} ${plan.meta.dates.draftIssued ?? ""}`
              : ""
          }
        />
      </div>
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
  return (
    <main className="pg-version">
      <h1>A version of plan {id} (read only)</h1>
      <p>
        <a href={`#/plans/${encodeURIComponent(id)}`}>Back to the live plan</a>
      </p>
      <Problem>{problem}</Problem>
      {plan && live ? (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">What changed since this version</h2>
          <PlanComparison changes={comparePlans(plan, live)} caption="Changes since this version" />
          <p className="pg-buttons">
            The live plan with these changes as an appendix:{" "}
            <button
              type="button"
              onClick={() => void download(session, id, "docx", "sections", version)}
            >
              Word with the changes
            </button>
            <button
              type="button"
              onClick={() => void download(session, id, "pdf", "sections", version)}
            >
              PDF with the changes
            </button>
          </p>
        </section>
      ) : null}
      {plan ? (
        <PlanEditor
          plan={plan}
          readOnly
          user={{ name: session.name, role: session.role, color: colourOf(session.role) }}
        />
      ) : null}
    </main>
  );
}
