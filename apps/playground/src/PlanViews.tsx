/** The views of a plan, each its own address under the plan's. */
export const PLAN_VIEWS = [
  { key: "plan", label: "Plan" },
  { key: "matrix", label: "Traceability matrix" },
  { key: "comments", label: "Comments and suggestions" },
  { key: "advice", label: "How the advice was used" },
  { key: "versions", label: "Versions" },
  { key: "export", label: "Export" },
] as const;

export type PlanView = (typeof PLAN_VIEWS)[number]["key"];

export const planViewHref = (id: string, view: PlanView) =>
  `#/plans/${encodeURIComponent(id)}${view === "plan" ? "" : `/${view}`}`;

/**
 * GOV.UK's service navigation for a plan: its name and its views, first on the page after the
 * header, so each view (Export among them) is a few Tab presses from the top.
 */
export function PlanViews({
  id,
  title,
  current,
}: {
  readonly id: string;
  readonly title: string;
  readonly current: PlanView;
}) {
  return (
    <section aria-label="This plan" className="govuk-service-navigation pg-plan-views">
      <div className="govuk-service-navigation__container">
        <span className="govuk-service-navigation__service-name">
          <a href="#/" className="govuk-service-navigation__link">
            Caseload
          </a>{" "}
          <span aria-hidden="true">›</span> {title}
        </span>
        <nav aria-label="Views of the plan" className="govuk-service-navigation__wrapper">
          <ul className="govuk-service-navigation__list">
            {PLAN_VIEWS.map((view) => (
              <li
                key={view.key}
                className={`govuk-service-navigation__item${view.key === current ? " govuk-service-navigation__item--active" : ""}`}
              >
                <a
                  className="govuk-service-navigation__link"
                  href={planViewHref(id, view.key)}
                  {...(view.key === current ? { "aria-current": "page" as const } : {})}
                >
                  {view.key === current ? (
                    <strong className="govuk-service-navigation__active-fallback">
                      {view.label}
                    </strong>
                  ) : (
                    view.label
                  )}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </section>
  );
}
