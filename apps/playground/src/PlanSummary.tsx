import {
  INSTITUTION_TYPE_NAMES,
  nameOf,
  type Plan,
  spokenDate as spoken,
  statutoryDates,
} from "@ehcp/schema";
import type { ReactNode } from "react";
import type { DetailField } from "./PlanDetailsForm.js";

/** What a "Change" link opens: a field of the details form, or the request's date. */
export type ChangeField = DetailField | "detail-request";

function Row({
  term,
  change,
  children,
}: {
  readonly term: string;
  /** The field a "Change" link opens, when the details may be changed. */
  readonly change?: {
    readonly field: ChangeField;
    readonly onChange: (field: ChangeField) => void;
  };
  readonly children: ReactNode;
}) {
  return (
    <div
      className={`govuk-summary-list__row${change ? "" : " govuk-summary-list__row--no-actions"}`}
    >
      <dt className="govuk-summary-list__key">{term}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
      {change ? (
        <dd className="govuk-summary-list__actions">
          <a
            className="govuk-link"
            href={`#${change.field}`}
            data-change={change.field}
            onClick={(event) => {
              event.preventDefault();
              change.onChange(change.field);
            }}
          >
            Change<span className="govuk-visually-hidden"> {term.toLowerCase()}</span>
          </a>
        </dd>
      ) : null}
    </div>
  );
}

/**
 * The plan's details as a GOV.UK summary list: the child, the council, the issue and its status,
 * the school or setting named in section I, and the next date the law sets. With `onChange`
 * (a caseworker, on a plan that is not final), the child's details and the caseworker each have
 * a "Change" link, as GOV.UK's summary lists do.
 */
export function PlanSummary({
  plan,
  today,
  onChange,
}: {
  readonly plan: Plan;
  readonly today: string;
  readonly onChange?: ((field: ChangeField) => void) | undefined;
}) {
  const change = (field: ChangeField) => (onChange ? { change: { field, onChange } } : {});
  const given = (value: string) => value || "Not given";
  const { child, localAuthority, caseworker, status, issue, dates, signOff } = plan.meta;
  const placement = plan.sections.I.placement;
  const next = statutoryDates(plan, today)
    .filter((d) => d.status === "due" || d.status === "overdue")
    // The family's window counts down to the final plan; once it is issued, it is over.
    .filter((d) => d.key !== "representations" || status !== "final")
    .sort((a, b) => a.due.localeCompare(b.due))[0];
  return (
    <dl className="govuk-summary-list pg-summary" aria-label="Plan details">
      <Row term="Child or young person" {...change("detail-full-name")}>
        {child.fullName}
      </Row>
      <Row term="Known as" {...change("detail-preferred-name")}>
        {given(child.preferredName)}
      </Row>
      <Row term="Date of birth" {...change("detail-birth")}>
        {spoken(child.dateOfBirth)}
      </Row>
      <Row term="Pronouns" {...change("detail-pronouns")}>
        {given(child.pronouns)}
      </Row>
      <Row term="Year group" {...change("detail-year-group")}>
        {given(child.yearGroup)}
      </Row>
      <Row term="Council">{localAuthority}</Row>
      <Row term="Caseworker" {...change("detail-caseworker")}>
        {given(caseworker.name)}
        {caseworker.email ? (
          <>
            <br />
            {caseworker.email}
          </>
        ) : null}
      </Row>
      <Row term="Request for assessment received" {...change("detail-request")}>
        {spoken(dates.requestReceived)}
      </Row>
      <Row term="Status">
        <strong
          className={`govuk-tag ${status === "final" ? "govuk-tag--green" : "govuk-tag--yellow"}`}
        >
          {status === "final" ? "Final" : dates.draftIssued ? "Draft issued" : "Draft"}
        </strong>{" "}
        issue {issue}
        {signOff ? `, signed off by ${signOff.officerName}, ${signOff.role}` : ""}
      </Row>
      <Row term="Placement (section I)">
        {placement
          ? (placement.institutionName ?? "Not named: only its type")
          : status === "draft" && plan.meta.issue === 1
            ? "Named when the final plan is issued"
            : "Not named"}
      </Row>
      {placement ? (
        <Row term="Type of school or setting">
          {nameOf(INSTITUTION_TYPE_NAMES, placement.institutionType)}
        </Row>
      ) : null}
      <Row term="Next statutory date">
        {next
          ? `${next.label}: ${spoken(next.due)}, ${next.daysLeft >= 0 ? `${next.daysLeft} day${next.daysLeft === 1 ? "" : "s"} left` : `${-next.daysLeft} day${next.daysLeft === -1 ? "" : "s"} late`}`
          : "None due"}
      </Row>
    </dl>
  );
}
