import type { Plan } from "@ehcp/schema";
import { planStanding } from "./planStanding.js";

/** GOV.UK's notification banner with where the plan stands and the family's window, if open. */
export function PlanStatusBanner({ plan, today }: { readonly plan: Plan; readonly today: string }) {
  const standing = planStanding(plan, today);
  return (
    <div
      className={`govuk-notification-banner${plan.meta.status === "final" ? " govuk-notification-banner--success" : ""}`}
      role="region"
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
      </div>
    </div>
  );
}
