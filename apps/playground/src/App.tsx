import { clearLocalCopies } from "@ehcp/editor";
import { useEffect, useState } from "react";
import type { Session } from "./api.js";
import { AdviceScreen } from "./AdviceScreen.js";
import { CouncilHeader } from "./CouncilHeader.js";
import { PlanListScreen } from "./PlanListScreen.js";
import { PlanScreen, VersionScreen } from "./PlanScreen.js";
import { PLAN_VIEWS, type PlanView } from "./PlanViews.js";
import { SignInScreen } from "./SignInScreen.js";

const STORAGE_KEY = "ehcp-playground-session";

/**
 * Routes: #/ the caseload; #/plans/:id a plan, #/plans/:id/:view one of its views (matrix,
 * comments, versions, export); #/plans/:id/versions/:version a version;
 * #/plans/:id/advice/:request a piece of advice.
 */
function useRoute(): string[] {
  const read = () =>
    location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () => setRoute(read());
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
}

export function App() {
  const [session, setSession] = useState<Session | null>(() => {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return stored ? (JSON.parse(stored) as Session) : null;
  });
  const route = useRoute();
  const signIn = (next: Session | null) => {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else {
      sessionStorage.removeItem(STORAGE_KEY);
      // What this browser kept of plans (for offline drafting) goes with the person.
      void clearLocalCopies();
    }
    setSession(next);
  };
  const [first, id, third, version] = route;
  const view: PlanView = PLAN_VIEWS.some((v) => v.key === third) ? (third as PlanView) : "plan";
  return (
    <>
      <CouncilHeader session={session} onSignOut={() => signIn(null)} />
      <div className="govuk-width-container pg-wide">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {!session ? (
            <SignInScreen onSignedIn={signIn} />
          ) : first === "plans" && id && third === "advice" && version ? (
            <AdviceScreen session={session} id={id} requestId={version} />
          ) : first === "plans" && id && third === "versions" && version ? (
            <VersionScreen session={session} id={id} version={version} />
          ) : first === "plans" && id ? (
            <PlanScreen session={session} id={id} view={view} />
          ) : (
            <PlanListScreen
              session={session}
              open={(planId) => (location.hash = `#/plans/${encodeURIComponent(planId)}`)}
            />
          )}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container pg-wide">
          <p className="govuk-body-s">
            The EHCP toolkit, open source under the MIT licence. Made-up children only: this is a
            playground.
          </p>
        </div>
      </footer>
    </>
  );
}
