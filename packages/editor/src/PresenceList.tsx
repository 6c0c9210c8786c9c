import { nameOf, ROLE_NAMES, SECTION_TITLES } from "@ehcp/schema";
import { useSyncExternalStore } from "react";
import type { PlanProvider } from "./PlanEditor.js";
import { cleanPresence, type Presence } from "./presence.js";

const words = (role: string) => nameOf(ROLE_NAMES, role);

/** Who else is in the plan, in which role, and which section they are in. */
export function PresenceList({ provider }: { readonly provider: PlanProvider | null }) {
  const awareness = provider?.awareness ?? null;
  const snapshot = useSyncExternalStore(
    (notify) => {
      awareness?.on("change", notify);
      return () => awareness?.off("change", notify);
    },
    () => {
      if (!awareness) return "[]";
      const people: Presence[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        const person = cleanPresence(clientId, state);
        if (person) people.push(person);
      }
      return JSON.stringify(people);
    },
  );
  const people = JSON.parse(snapshot) as Presence[];
  return (
    <section className="ehcp-presence" aria-labelledby="ehcp-presence-heading">
      <h2 id="ehcp-presence-heading">In this plan now</h2>
      {people.length === 0 ? (
        <p>No one else is here.</p>
      ) : (
        <ul>
          {people.map((person) => (
            <li key={person.clientId}>
              <span
                className="ehcp-presence-dot"
                style={{ background: person.color }}
                aria-hidden="true"
              />
              {person.name} ({words(person.role)})
              {person.section
                ? `, in section ${person.section}: ${SECTION_TITLES[person.section]}`
                : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
