import type { Session } from "./api.js";
import { COUNCIL } from "./council.js";

/**
 * The page's banner: a skip link, the council's own name and logo on its colour (GOV.UK's header
 * pattern without the crown, which only GOV.UK may use), the service's name, and who is signed in.
 */
export function CouncilHeader({
  session,
  onSignOut,
}: {
  readonly session: Session | null;
  readonly onSignOut: () => void;
}) {
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="govuk-header pg-header">
        <div className="govuk-header__container govuk-width-container pg-wide pg-header-bar">
          <div className="govuk-header__logo">
            <a href="#/" className="govuk-header__homepage-link pg-header-home">
              {COUNCIL.logo ? <img src={COUNCIL.logo} alt="" width={32} height={32} /> : null}
              <span className="pg-council-name">{COUNCIL.name}</span>
              <span className="govuk-header__product-name">Education, Health and Care Plans</span>
            </a>
          </div>
          {session ? (
            <p className="govuk-body pg-header-user">
              <span>
                {session.name} ({session.role.replace(/-/g, " ")})
              </span>{" "}
              <button type="button" className="pg-header-sign-out" onClick={onSignOut}>
                Sign out
              </button>
            </p>
          ) : null}
        </div>
      </header>
    </>
  );
}

/**
 * The app routes on the address's hash, so the skip link's own `#main-content` would be read as a
 * route: it moves the focus to the main content instead.
 */
function skipToMain(event: React.MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const main = document.getElementById("main-content");
  main?.focus();
  main?.scrollIntoView();
}
