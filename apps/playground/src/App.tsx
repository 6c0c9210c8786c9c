import { clearLocalCopies } from "@ehcp/editor";
import { useEffect, useState } from "react";
import type { Session } from "./api.js";
import { PlanListScreen } from "./PlanListScreen.js";
import { PlanScreen, VersionScreen } from "./PlanScreen.js";
import { SignInScreen } from "./SignInScreen.js";

const STORAGE_KEY = "ehcp-playground-session";

/** Routes: #/ the plan list; #/plans/:id a plan; #/plans/:id/versions/:version a version. */
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
  if (!session) return <SignInScreen onSignedIn={signIn} />;
  const [first, id, third, version] = route;
  return (
    <>
      <nav className="pg-top" aria-label="Playground">
        <a href="#/">Plans</a>
        <span>
          {session.name} ({session.role.replace(/-/g, " ")}){" "}
          <button type="button" onClick={() => signIn(null)}>
            Sign out
          </button>
        </span>
      </nav>
      {first === "plans" && id && third === "versions" && version ? (
        <VersionScreen session={session} id={id} version={version} />
      ) : first === "plans" && id ? (
        <PlanScreen session={session} id={id} />
      ) : (
        <PlanListScreen
          session={session}
          open={(planId) => (location.hash = `#/plans/${encodeURIComponent(planId)}`)}
        />
      )}
    </>
  );
}
