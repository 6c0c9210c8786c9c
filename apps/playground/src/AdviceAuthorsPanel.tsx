import { type FormEvent, useEffect, useRef, useState } from "react";
import {
  type AdviceAuthors,
  ApiError,
  developmentUserId,
  getAdviceAuthors,
  inviteCoAuthor,
  removeCoAuthor,
  type Session,
} from "./api.js";
import { sentenceCase } from "./sentenceCase.js";

/**
 * Who writes a piece of advice: the adviser asked, and the co-authors they invited (a colleague
 * who assessed the child with them). The adviser invites and removes co-authors here; a co-author
 * writes in this advice and nothing else, which the server holds them to.
 */
export function AdviceAuthorsPanel({
  session,
  planId,
  requestId,
}: {
  readonly session: Session;
  readonly planId: string;
  readonly requestId: string;
}) {
  const [authors, setAuthors] = useState<AdviceAuthors | null>(null);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    getAdviceAuthors(session, planId, requestId).then(setAuthors, () => setAuthors(null));
  }, [planId, requestId, session.token]);
  if (!authors) return null;
  const adviser = authors.adviser.id === session.id;
  const run = async (action: () => Promise<{ request: AdviceAuthors }>, message: string) => {
    try {
      const { request } = await action();
      setAuthors({ adviser: request.adviser, coAuthors: request.coAuthors });
      setProblem(null);
      setDone(message);
      return true;
    } catch (error) {
      setDone(null);
      setProblem(error instanceof ApiError ? error.message : "The server could not be reached.");
      return false;
    }
  };
  const invite = async (event: FormEvent) => {
    event.preventDefault();
    const invited = name.trim();
    if (!invited) {
      setDone(null);
      setProblem("coAuthor.name: give the name of the person invited");
      nameField.current?.focus();
      return;
    }
    const ok = await run(
      () =>
        inviteCoAuthor(session, planId, requestId, {
          id: developmentUserId(invited),
          name: invited,
        }),
      `${invited} may now write this advice with you.`,
    );
    if (ok) setName("");
  };
  const fieldProblem = problem?.startsWith("coAuthor.name: ")
    ? sentenceCase(problem.slice("coAuthor.name: ".length))
    : null;
  return (
    <section aria-labelledby="advice-authors-heading" className="pg-advice-authors">
      <h2 id="advice-authors-heading" className="govuk-heading-s">
        Who writes this advice
      </h2>
      <ul className="govuk-list">
        <li>
          {authors.adviser.name}
          {adviser ? " (you)" : ""}, asked for it
        </li>
        {authors.coAuthors.map((c) => (
          <li key={c.id}>
            {c.name}
            {c.id === session.id ? " (you)" : ""}, co-author
            {adviser ? (
              <>
                {" "}
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 pg-inline-button"
                  onClick={() =>
                    void run(
                      () => removeCoAuthor(session, planId, requestId, c.id),
                      `${c.name} no longer writes this advice.`,
                    )
                  }
                >
                  Remove<span className="govuk-visually-hidden"> {c.name}</span>
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {done ? (
        <p className="govuk-body pg-advice-sent" role="status">
          {done}
        </p>
      ) : null}
      {problem && !fieldProblem ? (
        <p className="govuk-error-message" role="alert">
          {sentenceCase(problem)}
        </p>
      ) : null}
      {adviser ? (
        <form onSubmit={(event) => void invite(event)} noValidate aria-labelledby="invite-heading">
          <h3 id="invite-heading" className="govuk-heading-s">
            Invite a co-author
          </h3>
          <div className={`govuk-form-group${fieldProblem ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor="co-author-name">
              Name of the person to invite
            </label>
            <div className="govuk-hint" id="co-author-hint">
              They write this advice with you, and nothing else, when they sign in with this name.
            </div>
            {fieldProblem ? (
              <p className="govuk-error-message" id="co-author-error" role="alert">
                <span className="govuk-visually-hidden">Error:</span> {fieldProblem}
              </p>
            ) : null}
            <input
              ref={nameField}
              id="co-author-name"
              className={`govuk-input${fieldProblem ? " govuk-input--error" : ""}`}
              aria-describedby={`co-author-hint${fieldProblem ? " co-author-error" : ""}`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
            />
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary">
            Invite a co-author
          </button>
        </form>
      ) : null}
    </section>
  );
}
