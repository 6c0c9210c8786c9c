import type { Role } from "@ehcp/schema";
import { type FormEvent, useState } from "react";
import { ApiError, type Session, signIn } from "./api.js";
import { PLAYGROUND_ROLES } from "./roles.js";

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
    <main className="pg-narrow">
      <h1>EHCP toolkit playground</h1>
      <p>
        Write an Education, Health and Care Plan with others, live. Sign in as anyone, in any role,
        to see what each may change. This is a playground: the sign-in is for trying things out
        only.
      </p>
      <form onSubmit={submit} aria-describedby={error ? "sign-in-error" : undefined}>
        <p>
          <label htmlFor="sign-in-name">Your name</label>
          <input
            id="sign-in-name"
            value={name}
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
          />
        </p>
        <p>
          <label htmlFor="sign-in-role">Your role</label>
          <select id="sign-in-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {PLAYGROUND_ROLES.map((r) => (
              <option key={r.role} value={r.role}>
                {r.label}
              </option>
            ))}
          </select>
        </p>
        {error ? (
          <p id="sign-in-error" role="alert" className="pg-error">
            {error}
          </p>
        ) : null}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
