import type { PlanConnection } from "@ehcp/editor";
import { type CouncilDecision, DECISIONS_MAP_NAME, readCouncilDecisions } from "@ehcp/schema";
import { useSyncExternalStore } from "react";

/** The item id under which the server keeps why a final plan went out inside the family's 15 days. */
const EARLY_FINAL = "early-final";

const none = () => () => {};

/**
 * Why this issue of the plan was made final before the family's 15 days for representations were
 * over, as the server recorded it with the council's decisions (with the date of the family's
 * written agreement, when they gave it); null when it was not issued early.
 */
export function useEarlyFinal(
  document: PlanConnection["document"] | null,
  issue: number,
): CouncilDecision | null {
  const json = useSyncExternalStore(
    document
      ? (notify) => {
          const map = document.getMap(DECISIONS_MAP_NAME);
          map.observe(notify);
          return () => map.unobserve(notify);
        }
      : none,
    () =>
      JSON.stringify(
        document
          ? (readCouncilDecisions(document).find(
              (d) => d.itemId === EARLY_FINAL && d.issue === issue,
            ) ?? null)
          : null,
      ),
  );
  return JSON.parse(json) as CouncilDecision | null;
}
