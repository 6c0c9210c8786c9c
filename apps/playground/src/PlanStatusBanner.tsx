import { type CouncilDecision, type Plan, spokenDate as spoken } from "@ehcp/schema";
import { useEffect, useRef } from "react";
import { planStanding } from "./planStanding.js";

/**
 * GOV.UK's notification banner with where the plan stands and the family's window, if open; on a
 * final plan issued inside that window, the council's reason for issuing it then.
 */
export function PlanStatusBanner({
  plan,
  today,
  early,
  announce = false,
  onAnnounced,
}: {
  readonly plan: Plan;
  readonly today: string;
  /** Why the final plan was issued before the family's 15 days were over (see `useEarlyFinal`). */
  readonly early?: CouncilDecision | null;
  /**
   * Set once a step the caseworker took (the final plan issued) has reached the plan: the banner
   * saying so is scrolled to and takes the focus, as GOV.UK's success banner does, and
   * `onAnnounced` is called.
   */
  readonly announce?: boolean;
  readonly onAnnounced?: () => void;
}) {
  const standing = planStanding(plan, today);
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!announce || !banner.current) return;
    banner.current.scrollIntoView({ block: "start" });
    banner.current.focus();
    onAnnounced?.();
  }, [announce, standing.text]);
  return (
    <div
      ref={banner}
      tabIndex={-1}
      className={`govuk-notification-banner${plan.meta.status === "final" ? " govuk-notification-banner--success" : ""}`}
      role="region"
      id="plan-status"
      aria-labelledby="plan-status-title"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="plan-status-title">
          {standing.title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading" role="status" id="lifecycle-state">
          {standing.text}
        </p>
        {plan.meta.status === "final" && early ? (
          <p className="govuk-body" id="early-final-reason">
            {`Issued before the family's 15 days for representations on the draft were over. The council's reason, recorded by ${early.by.name}: “${early.reason}”`}
            {early.agreedOn
              ? ` The family agreed in writing on ${spoken(early.agreedOn)}.`
              : " The family's written agreement was not recorded."}
          </p>
        ) : null}
      </div>
    </div>
  );
}
