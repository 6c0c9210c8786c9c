import { type FormEvent, useEffect, useState } from "react";
import { ApiError, listVersions, type Session, takeVersion, type VersionSummary } from "./api.js";
import { Problem } from "./Problem.js";

/** The plan's versions, each opened read-only; a caseworker takes a snapshot. */
export function VersionsPanel({
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
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading" className="govuk-heading-l">
        Versions
      </h2>
      {versions.length === 0 ? <p className="govuk-body">No versions yet.</p> : null}
      <ul className="govuk-list govuk-list--bullet">
        {versions.map((v) => (
          <li key={v.id}>
            <a
              className="govuk-link"
              href={`#/plans/${encodeURIComponent(id)}/versions/${encodeURIComponent(v.id)}`}
            >
              {v.name}
            </a>
            , by {v.createdBy.name}, {new Date(v.createdAt).toLocaleString("en-GB")}
          </li>
        ))}
      </ul>
      {session.role === "caseworker" ? (
        <form onSubmit={take}>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="version-name">
              Name of the version
            </label>
            <input
              id="version-name"
              className="govuk-input govuk-!-width-two-thirds"
              value={name}
              placeholder="Draft issued 13 October 2026"
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary">
            Take a snapshot
          </button>
        </form>
      ) : null}
      <Problem>{problem}</Problem>
    </section>
  );
}
