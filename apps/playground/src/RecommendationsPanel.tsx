import {
  type AdviceRecommendation,
  adviceRecommendations,
  LIFT_SECTIONS,
  type Plan,
  parsePlan,
  planItems,
  recommendationUse,
  type RecommendationUse,
  SECTION_TITLES,
} from "@ehcp/schema";
import { type FormEvent, useEffect, useState } from "react";
import {
  ApiError,
  decideRecommendation,
  getAdviceVersion,
  getPlan,
  liftRecommendation,
  type Session,
  type VersionSummary,
} from "./api.js";

const KIND_NAMES: Readonly<Record<AdviceRecommendation["kind"], string>> = {
  need: "need",
  outcome: "recommended outcome",
  provision: "recommended provision",
};

/** What became of a recommendation, in words. */
function describeUse(use: RecommendationUse): string {
  switch (use.state) {
    case "in-plan":
      return `In the plan as ${use.items.map((i) => i.label).join(" and ")}${use.kept ? `, kept as it was after version ${use.kept.version}: ${use.kept.reason}` : ""}`;
    case "merged":
      return `Merged into ${use.label ?? use.into}`;
    case "declined":
      return `Not included: ${use.reason}`;
    default:
      return "No decision yet";
  }
}

/** The advice a recommendation belongs to, as the server's routes name it. */
interface AdviceOf {
  readonly session: Session;
  readonly planId: string;
  readonly requestId: string;
}

function Recommendation({
  rec,
  use,
  plan,
  advice,
  act,
}: {
  readonly rec: AdviceRecommendation;
  readonly advice: AdviceOf;
  readonly use: RecommendationUse;
  readonly plan: Plan;
  readonly act: (
    what: (rec: AdviceRecommendation) => Promise<unknown>,
    done: string,
  ) => Promise<void>;
}) {
  const sections = LIFT_SECTIONS[rec.kind] as readonly string[];
  const [section, setSection] = useState(
    sections.includes(rec.section) ? rec.section : (sections[0] as string),
  );
  const [into, setInto] = useState("");
  const [reason, setReason] = useState("");
  const key = rec.id;
  const targets = planItems(plan).filter(
    (i) => i.kind === rec.kind && (sections as readonly string[]).includes(i.section),
  );
  const undecided = use.state === "undecided";
  const submit = (event: FormEvent, run: () => Promise<void>) => {
    event.preventDefault();
    void run();
  };
  return (
    <li className="pg-recommendation" aria-labelledby={`rec-${key}`}>
      <h3 className="govuk-heading-s" id={`rec-${key}`}>
        {rec.label}, {KIND_NAMES[rec.kind]}
      </h3>
      <p className="govuk-body">{rec.text || "(nothing written)"}</p>
      <p className="govuk-body-s pg-recommendation-use" data-state={use.state}>
        <strong>{describeUse(use)}</strong>
      </p>
      {undecided ? (
        <div className="pg-recommendation-actions">
          <form
            onSubmit={(e) =>
              submit(e, () =>
                act(
                  (r) =>
                    liftRecommendation(
                      advice.session,
                      advice.planId,
                      advice.requestId,
                      r.id,
                      section,
                    ),
                  `${rec.label} was added to the plan in section ${section}.`,
                ),
              )
            }
          >
            {sections.length > 1 ? (
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor={`lift-${key}`}>
                  Section for {rec.label}
                </label>
                <select
                  id={`lift-${key}`}
                  className="govuk-select"
                  value={section}
                  onChange={(e) => setSection(e.target.value)}
                >
                  {sections.map((s) => (
                    <option key={s} value={s}>
                      {s}: {SECTION_TITLES[s as keyof typeof SECTION_TITLES]}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <button type="submit" className="govuk-button">
              Add to plan as {section}…<span className="govuk-visually-hidden"> ({rec.label})</span>
            </button>
          </form>
          {targets.length > 0 ? (
            <form
              onSubmit={(e) =>
                submit(e, () =>
                  into
                    ? act(
                        (r) =>
                          decideRecommendation(advice.session, advice.planId, advice.requestId, {
                            recommendationId: r.id,
                            decision: "merged",
                            into,
                          }),
                        `${rec.label} is recorded as merged.`,
                      )
                    : Promise.resolve(),
                )
              }
            >
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor={`merge-${key}`}>
                  Merge {rec.label} into…
                </label>
                <select
                  id={`merge-${key}`}
                  className="govuk-select"
                  value={into}
                  onChange={(e) => setInto(e.target.value)}
                >
                  <option value="">Choose an item of the plan</option>
                  {targets.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="govuk-button govuk-button--secondary">
                Merge<span className="govuk-visually-hidden"> {rec.label}</span>
              </button>
            </form>
          ) : null}
          <form
            onSubmit={(e) =>
              submit(e, () =>
                act(
                  (r) =>
                    decideRecommendation(advice.session, advice.planId, advice.requestId, {
                      recommendationId: r.id,
                      decision: "declined",
                      reason,
                    }),
                  `${rec.label} is recorded as not included.`,
                ),
              )
            }
          >
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor={`decline-${key}`}>
                Why {rec.label} is not included
              </label>
              <textarea
                id={`decline-${key}`}
                className="govuk-textarea"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <button type="submit" className="govuk-button govuk-button--warning">
              Do not include<span className="govuk-visually-hidden"> {rec.label}</span>
            </button>
          </form>
        </div>
      ) : null}
    </li>
  );
}

/**
 * For the caseworker, each recommendation of the advice as last submitted, what became of it in
 * the plan, and the actions that decide it: add it to the plan in one action (with its source),
 * merge it into an item there, or leave it out with a reason (SEND Regulations 2014 reg 6; the
 * plan must show how the advice was taken into account, CoP 9.49 and 9.61).
 */
export function RecommendationsPanel({
  session,
  planId,
  requestId,
  versions,
}: {
  readonly session: Session;
  readonly planId: string;
  readonly requestId: string;
  readonly versions: readonly VersionSummary[];
}) {
  const [recs, setRecs] = useState<AdviceRecommendation[] | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const latest = versions.at(-1);
  useEffect(() => {
    if (!latest) return;
    void getAdviceVersion(session, planId, requestId, latest.id).then((advice) =>
      setRecs(adviceRecommendations(parsePlan(advice))),
    );
  }, [latest?.id, planId, requestId, session.token]);
  const refresh = () => getPlan(session, planId).then((p) => setPlan(parsePlan(p)));
  useEffect(() => {
    void refresh();
  }, [planId, session.token]);
  if (!latest) return null;
  return (
    <section aria-labelledby="recommendations-heading" className="pg-recommendations">
      <h2 id="recommendations-heading" className="govuk-heading-m">
        Recommendations, version {versions.length}
      </h2>
      <p className="govuk-body">
        Decide each one: add it to the plan, merge it into an item there, or say why it is not
        included.
      </p>
      {done ? (
        <p className="govuk-body pg-advice-sent" role="status">
          {done}
        </p>
      ) : null}
      {problem ? (
        <p className="govuk-error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {recs && plan ? (
        recs.length === 0 ? (
          <p className="govuk-body">This advice makes no recommendations.</p>
        ) : (
          <ul className="govuk-list pg-recommendation-list">
            {recs.map((rec) => (
              <Recommendation
                key={rec.id}
                rec={rec}
                plan={plan}
                advice={{ session, planId, requestId }}
                use={recommendationUse(plan, requestId, rec.id)}
                act={async (what, message) => {
                  try {
                    await what(rec);
                    setProblem(null);
                    setDone(message);
                    await refresh();
                  } catch (error) {
                    setDone(null);
                    setProblem(
                      error instanceof ApiError
                        ? error.message
                        : "The server could not be reached.",
                    );
                  }
                }}
              />
            ))}
          </ul>
        )
      ) : (
        <p className="govuk-body">Reading the advice…</p>
      )}
    </section>
  );
}
