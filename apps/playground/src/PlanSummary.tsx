import {
  INSTITUTION_TYPE_NAMES,
  nameOf,
  type Plan,
  spokenDate as spoken,
  statutoryDates,
} from "@ehcp/schema";
import type { ReactNode } from "react";

function Row({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{term}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/**
 * The plan's details as a GOV.UK summary list: the child, the council, the issue and its status,
 * the school or setting named in section I, and the next date the law sets.
 */
export function PlanSummary({ plan, today }: { readonly plan: Plan; readonly today: string }) {
  const { child, localAuthority, caseworker, status, issue, dates, signOff } = plan.meta;
  const placement = plan.sections.I.placement;
  const next = statutoryDates(plan, today)
    .filter((d) => d.status === "due" || d.status === "overdue")
    // The family's window counts down to the final plan; once it is issued, it is over.
    .filter((d) => d.key !== "representations" || status !== "final")
    .sort((a, b) => a.due.localeCompare(b.due))[0];
  return (
    <dl className="govuk-summary-list pg-summary" aria-label="Plan details">
      <Row term="Child or young person">
        {child.fullName}
        {child.preferredName && child.preferredName !== child.fullName
          ? ` (known as ${child.preferredName})`
          : ""}
      </Row>
      <Row term="Date of birth">{spoken(child.dateOfBirth)}</Row>
      {child.yearGroup ? <Row term="Year group">{child.yearGroup}</Row> : null}
      <Row term="Council">{localAuthority}</Row>
      {caseworker.name ? <Row term="Caseworker">{caseworker.name}</Row> : null}
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
