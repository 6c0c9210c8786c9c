import {
  type AdviceRecommendation,
  type AdviceRequest,
  adviceRecommendations,
  parsePlan,
} from "@ehcp/schema";
import { useEffect, useRef, useState } from "react";
import { getAdviceVersion, type Session } from "./api.js";

/** A request's advice as submitted: the recommendations of each version, the first first. */
export interface SubmittedAdvice {
  readonly request: AdviceRequest;
  readonly versions: readonly (readonly AdviceRecommendation[])[];
}

/**
 * The recommendations of every submitted version of each request's advice, read from the
 * versions the server kept (never from the live advice, which its author may be changing).
 * Each version is fetched once; a new submission adds its version when the request shows it.
 */
export function useSubmittedAdvice(
  session: Session,
  planId: string,
  requests: readonly AdviceRequest[],
): ReadonlyMap<string, SubmittedAdvice> {
  const cache = useRef(new Map<string, readonly AdviceRecommendation[]>());
  const [advice, setAdvice] = useState<ReadonlyMap<string, SubmittedAdvice>>(new Map());
  const wanted = requests.flatMap((r) => r.submissions.map((s) => `${r.id}/${s.version}`));
  const key = wanted.join(" ");
  useEffect(() => {
    let stale = false;
    const read = async () => {
      for (const request of requests) {
        for (const submission of request.submissions) {
          if (cache.current.has(submission.version)) continue;
          const plan = await getAdviceVersion(session, planId, request.id, submission.version);
          cache.current.set(submission.version, adviceRecommendations(parsePlan(plan)));
        }
      }
      if (stale) return;
      const next = new Map<string, SubmittedAdvice>();
      for (const request of requests) {
        if (request.submissions.length === 0) continue;
        next.set(request.id, {
          request,
          versions: request.submissions.map((s) => cache.current.get(s.version) ?? []),
        });
      }
      setAdvice(next);
    };
    read().catch(() => {
      // Advice this person may not read is simply not shown.
    });
    return () => {
      stale = true;
    };
  }, [key, planId, session.token]);
  return advice;
}
