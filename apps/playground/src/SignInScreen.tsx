import type { Role } from "@ehcp/schema";
import { type FormEvent, useState } from "react";
import { ApiError, type Session, signIn } from "./api.js";
import { PLAYGROUND_ROLES } from "./roles.js";
import { sentenceCase } from "./sentenceCase.js";

/** Sign in as anyone in any role: the playground shows what each role may do. */
export function SignInScreen({ onSignedIn }: { readonly onSignedIn: (session: Session) => void }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("caseworker");
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError("Enter your name, so others can see who is writing.");
      return;
    }
    try {
      onSignedIn(await signIn(name.trim(), role));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Could not reach the server.");
    }
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <h1 className="govuk-heading-xl">Sign in</h1>
        <p className="govuk-body-l">Write an Education, Health and Care Plan with others, live.</p>
        <p className="govuk-body">
          Sign in as anyone, in any role, to see what each may change. This is a playground: the
          sign-in is for trying things out only.
        </p>
        <form onSubmit={submit} noValidate>
          <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label govuk-label--s" htmlFor="sign-in-name">
              Your name
            </label>
            {error ? (
              <p id="sign-in-error" role="alert" className="govuk-error-message pg-error">
                {sentenceCase(error)}
              </p>
            ) : null}
            <input
              id="sign-in-name"
              className={`govuk-input govuk-!-width-two-thirds${error ? " govuk-input--error" : ""}`}
              value={name}
              autoComplete="name"
              aria-describedby={error ? "sign-in-error" : undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="sign-in-role">
              Your role
            </label>
            <select
              id="sign-in-role"
              className="govuk-select"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {PLAYGROUND_ROLES.map((r) => (
                <option key={r.role} value={r.role}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="govuk-button">
            Sign in
          </button>
        </form>
      </div>
    </div>
  );
}
