import {
  type AdviceRecommendation,
  type AdviceRequest,
  ADVISER_ROLE_NAMES,
  type LiftedItem,
  type Plan,
  planItems,
  recommendationUse,
  type RecommendationUse,
  type SectionKey,
  spokenDate as spoken,
} from "@ehcp/schema";
import type { MouseEvent } from "react";
import { adviceChange } from "./adviceChange.js";
import { planViewHref } from "./PlanViews.js";
import type { SubmittedAdvice } from "./useSubmittedAdvice.js";

const KIND_NAMES: Readonly<Record<AdviceRecommendation["kind"], string>> = {
  need: "need",
  outcome: "recommended outcome",
  provision: "recommended provision",
};

/** Takes the caseworker to an item of the plan, in the plan's view. */
export type GoToItem = (item: { readonly id: string; readonly section: SectionKey }) => void;

/** One row: a recommendation of the advice, or an item lifted from one the advice no longer has. */
interface Row {
  readonly id: string;
  readonly heading: string;
  readonly text: string;
  readonly use: RecommendationUse;
}

function ItemLink({
  planId,
  item,
  goTo,
}: {
  readonly planId: string;
  readonly item: { readonly id: string; readonly section: SectionKey; readonly label: string };
  readonly goTo: GoToItem;
}) {
  return (
    <a
      className="govuk-link"
      href={planViewHref(planId, "plan")}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        goTo(item);
      }}
    >
      {item.label}
      <span className="govuk-visually-hidden"> in the plan</span>
    </a>
  );
}

/** Where a recommendation stands in the plan: a tag in words, and what the tag stands for. */
function Standing({
  planId,
  row,
  changed,
  plan,
  goTo,
  adviceHref,
}: {
  readonly planId: string;
  readonly row: Row;
  readonly changed: (item: LiftedItem) => boolean;
  readonly plan: Plan;
  readonly goTo: GoToItem;
  readonly adviceHref: string;
}) {
  const { use } = row;
  switch (use.state) {
    case "in-plan":
      return (
        <>
          <strong className="govuk-tag govuk-tag--green">In the plan</strong>{" "}
          {use.kept ? (
            <strong className="govuk-tag govuk-tag--blue">Kept despite a change</strong>
          ) : null}{" "}
          {use.items.some(changed) ? (
            <strong className="govuk-tag govuk-tag--orange">Changed since</strong>
          ) : null}
          <ul className="govuk-list govuk-!-margin-top-2 govuk-!-margin-bottom-0">
            {use.items.map((item) => (
              <li key={item.id}>
                As <ItemLink planId={planId} item={item} goTo={goTo} />, lifted from version{" "}
                {item.source.version} on {spoken(item.source.liftedOn)}
                {changed(item) ? "; the advice has changed since: update the item or keep it" : ""}
              </li>
            ))}
          </ul>
          {use.kept ? (
            <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
              Kept as it is after version {use.kept.version}: {use.kept.reason}
            </p>
          ) : null}
        </>
      );
    case "merged": {
      const into = planItems(plan).find((i) => i.id === use.into);
      return (
        <>
          <strong className="govuk-tag govuk-tag--purple">Merged</strong> into{" "}
          {into ? (
            <ItemLink planId={planId} item={into} goTo={goTo} />
          ) : (
            `${use.into}, no longer in the plan`
          )}
        </>
      );
    }
    case "declined":
      return (
        <>
          <strong className="govuk-tag govuk-tag--grey">Not included</strong> {use.reason}
        </>
      );
    default:
      return (
        <>
          <strong className="govuk-tag govuk-tag--red">No decision yet</strong>{" "}
          <a className="govuk-link" href={adviceHref}>
            Decide in the advice<span className="govuk-visually-hidden"> ({row.heading})</span>
          </a>
        </>
      );
  }
}

/**
 * For the caseworker, every recommendation of every piece of advice asked for the plan, and what
 * became of it: in the plan (where, each item a link to it), merged into another item, not
 * included (with the reason), kept as it is despite a change, or not decided yet; an item whose
 * recommendation changed after it was lifted is marked "changed since". The question a tribunal
 * asks first is why a recommendation is not in the plan (SEND Regulations 2014 reg 6; CoP 9.49,
 * 9.61): this answers it in one place, as the exports' "How the advice was used" does.
 */
export function AdviceOverview({
  planId,
  plan,
  requests,
  advice,
  goTo,
}: {
  readonly planId: string;
  readonly plan: Plan | null;
  readonly requests: readonly AdviceRequest[];
  readonly advice: ReadonlyMap<string, SubmittedAdvice>;
  readonly goTo: GoToItem;
}) {
  const undecided = plan
    ? [...advice.values()].reduce(
        (n, { request, versions }) =>
          n +
          (versions.at(-1) ?? []).filter(
            (r) => recommendationUse(plan, request.id, r.id).state === "undecided",
          ).length,
        0,
      )
    : 0;
  return (
    <section aria-labelledby="advice-overview-heading" className="pg-advice-overview">
      <h2 id="advice-overview-heading" className="govuk-heading-l">
        How the advice was used
      </h2>
      <p className="govuk-body">
        Each recommendation of the advice given for this plan, and what became of it: where it is in
        the plan, the item it was merged into, or why it was not included.
      </p>
      {requests.length === 0 ? (
        <p className="govuk-body">No one has been asked for advice yet.</p>
      ) : !plan ? (
        <p className="govuk-body">Reading the plan…</p>
      ) : (
        <>
          <p className="govuk-body" role="status">
            {undecided === 0
              ? "Every recommendation given so far has a decision."
              : `${undecided} recommendation${undecided === 1 ? " has" : "s have"} no decision yet.`}
          </p>
          {requests.map((request) => (
            <AdviceUse
              key={request.id}
              planId={planId}
              plan={plan}
              request={request}
              submitted={advice.get(request.id)}
              goTo={goTo}
            />
          ))}
        </>
      )}
    </section>
  );
}

function AdviceUse({
  planId,
  plan,
  request,
  submitted,
  goTo,
}: {
  readonly planId: string;
  readonly plan: Plan;
  readonly request: AdviceRequest;
  readonly submitted: SubmittedAdvice | undefined;
  readonly goTo: GoToItem;
}) {
  const who = `${request.adviser.name}, ${ADVISER_ROLE_NAMES[request.adviser.role]}`;
  const headingId = `advice-use-${request.id}`;
  const adviceHref = `#/plans/${encodeURIComponent(planId)}/advice/${encodeURIComponent(request.id)}`;
  const latest = submitted?.versions.at(-1);
  const standing = request.withdrawn
    ? `Withdrawn on ${spoken(request.withdrawn.on)}${request.withdrawn.reason ? `: ${request.withdrawn.reason}` : "."}`
    : request.submissions.length === 0
      ? `Not submitted yet; due by ${spoken(request.due)}.`
      : `Version ${request.submissions.length}, submitted ${spoken(request.submissions.at(-1)?.on ?? request.due)}.`;
  // Recommendations of the latest version, then any an item was lifted from that the advice no
  // longer has: those items are changed since, too.
  const rows: Row[] = (latest ?? []).map((rec) => ({
    id: rec.id,
    heading: `${rec.label}, ${KIND_NAMES[rec.kind]}`,
    text: rec.text,
    use: recommendationUse(plan, request.id, rec.id),
  }));
  if (submitted) {
    const gone = new Map<string, AdviceRecommendation>();
    for (const version of submitted.versions) {
      for (const rec of version) {
        if (!rows.some((r) => r.id === rec.id)) gone.set(rec.id, rec);
      }
    }
    for (const rec of gone.values()) {
      const use = recommendationUse(plan, request.id, rec.id);
      if (use.state !== "in-plan") continue;
      rows.push({
        id: rec.id,
        heading: `${rec.label}, ${KIND_NAMES[rec.kind]} (no longer in the advice)`,
        text: rec.text,
        use,
      });
    }
  }
  const changed = (item: LiftedItem) => adviceChange(submitted, item.source, plan) !== null;
  return (
    <section aria-labelledby={headingId} className="pg-advice-use">
      <h3 id={headingId} className="govuk-heading-m">
        {who}
      </h3>
      <p className="govuk-body">
        {standing}{" "}
        <a className="govuk-link" href={adviceHref}>
          Read the advice<span className="govuk-visually-hidden"> from {request.adviser.name}</span>
        </a>
      </p>
      {!submitted ? null : rows.length === 0 ? (
        <p className="govuk-body">This advice makes no recommendation.</p>
      ) : (
        <table className="govuk-table pg-advice-use-table">
          <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">
            Recommendations of {request.adviser.name}&apos;s advice and what became of each
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Recommendation
              </th>
              <th scope="col" className="govuk-table__header">
                What became of it
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => (
              <tr key={row.id} className="govuk-table__row" data-state={row.use.state}>
                <th scope="row" className="govuk-table__header">
                  {row.heading}
                  <span className="govuk-body-s pg-advice-use-text">
                    {row.text || "(nothing written)"}
                  </span>
                </th>
                <td className="govuk-table__cell">
                  <Standing
                    planId={planId}
                    row={row}
                    changed={changed}
                    plan={plan}
                    goTo={goTo}
                    adviceHref={adviceHref}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
