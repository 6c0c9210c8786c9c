import { connectPlan, type EditRefusal, type PlanConnection } from "@ehcp/editor";
import { useEffect, useState } from "react";
import { signIn, type Session } from "./api.js";
import { collabUrl } from "./collabUrl.js";

/**
 * The live connection to the document `name` (a plan, or a piece of advice) for `session`, while
 * `enabled`; null until made. A refused sign-in goes to `onDenied`. After a refused edit the
 * editor moves to the fresh connection `connectPlan` makes, and itself says which change was
 * refused and why (see `SaveStatus`).
 */
export function usePlanConnection(
  name: string,
  session: Session,
  onDenied: (reason: string) => void,
  enabled = true,
): PlanConnection | null {
  const [connection, setConnection] = useState<PlanConnection | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current: PlanConnection | null = connectPlan({
      url: collabUrl(),
      planId: name,
      token: session.token,
      ...(session.id ? { user: session.id } : {}),
      // The development sign-in signs the same person in again when the token is refused (the
      // server restarted with another secret, or it expired); a council's system would renew
      // it from its own session.
      renewToken: () => signIn(session.name, session.role).then((fresh) => fresh.token),
      onDenied,
      onRefused: (_refusal: EditRefusal, next: PlanConnection) => {
        current = next;
        setConnection(next);
      },
    });
    setConnection(current);
    return () => {
      current?.destroy();
      current = null;
    };
  }, [name, session.token, enabled]);
  return connection;
}
