import { ADVISER_ROLE_NAMES, type ItemSource } from "@ehcp/schema";
import { useId, useState, useSyncExternalStore } from "react";
import { adviceChange } from "./adviceChange.js";
import { ApiError, decideRecommendation, refreshFromAdvice } from "./api.js";
import type { SourceStore } from "./createSourceStore.js";

/**
 * On the card of an item lifted from advice: whose advice it came from, which version and which
 * recommendation, linked to the advice; and, when the author has since changed that
 * recommendation, what changed, with the caseworker's two answers: update the item from it, or
 * keep it as it is, with the reason.
 */
export function SourceNote({
  store,
  itemId,
  source,
}: {
  readonly store: SourceStore;
  readonly itemId: string;
  readonly source: ItemSource;
}) {
  const { session, planId, plan, advice } = useSyncExternalStore(store.subscribe, store.get);
  const submitted = advice.get(source.requestId);
  const [keeping, setKeeping] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const adviser = submitted?.request.adviser;
  const recommendation = submitted?.versions[source.version - 1]?.find(
    (r) => r.id === source.recommendationId,
  );
  const change = adviceChange(submitted, source, plan);
  const manage = session.role === "caseworker";
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setProblem(null);
      setKeeping(false);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : "The server could not be reached.");
    }
  };
  const whose = adviser
    ? `${adviser.name}'s ${ADVISER_ROLE_NAMES[adviser.role]} advice`
    : "the advice";
  return (
    <div className="pg-source">
      <p className="pg-source-from">
        From{" "}
        <a
          className="govuk-link"
          href={`#/plans/${encodeURIComponent(planId)}/advice/${encodeURIComponent(source.requestId)}`}
        >
          {/* Until the advice is read, the note says no more than where the item came from: the
              recommendation's id means nothing to a reader. */}
          {submitted
            ? `${whose}, version ${source.version}${recommendation ? `, recommendation ${recommendation.label}` : ""}`
            : "the advice"}
        </a>
      </p>
      {change ? (
        <div className="pg-source-changed" role="group" aria-labelledby={`${id}-changed`}>
          <p className="govuk-body-s" id={`${id}-changed`}>
            <strong className="govuk-tag govuk-tag--orange">The advice has changed</strong> in
            version {change.version}.
          </p>
          <dl className="pg-source-words">
            <dt>Version {source.version} said</dt>
            <dd>
              <del>{change.before}</del>
            </dd>
            <dt>Version {change.version} says</dt>
            <dd>
              <ins>{change.after}</ins>
            </dd>
          </dl>
          {manage ? (
            <>
              {problem ? (
                <p className="govuk-error-message" role="alert">
                  {problem}
                </p>
              ) : null}
              {keeping ? (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    void act(() =>
                      decideRecommendation(session, planId, source.requestId, {
                        recommendationId: source.recommendationId,
                        decision: "kept",
                        reason,
                      }),
                    );
                  }}
                >
                  <label className="govuk-label govuk-label--s" htmlFor={`${id}-reason`}>
                    Why the item stays as it is
                  </label>
                  <textarea
                    id={`${id}-reason`}
                    className="govuk-textarea"
                    rows={2}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                  <button type="submit" className="govuk-button govuk-button--secondary">
                    Keep it as it is
                  </button>
                </form>
              ) : (
                <div className="govuk-button-group">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary"
                    onClick={() =>
                      void act(() => refreshFromAdvice(session, planId, source.requestId, itemId))
                    }
                  >
                    Update the item from the advice
                  </button>
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary"
                    onClick={() => setKeeping(true)}
                  >
                    Keep it as it is…
                  </button>
                </div>
              )}
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
