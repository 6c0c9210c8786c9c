import type { PlanConnection } from "@ehcp/editor";
import { ADVICE_REQUESTS_MAP_NAME, type AdviceRequest, readAdviceRequests } from "@ehcp/schema";
import { useEffect, useState } from "react";

/**
 * The requests for advice of a live plan, as the server writes them beside it: a request made
 * in another window shows here at once.
 */
export function useAdviceRequests(document: PlanConnection["document"] | null): AdviceRequest[] {
  const [requests, setRequests] = useState<AdviceRequest[]>(() =>
    document ? readAdviceRequests(document) : [],
  );
  useEffect(() => {
    if (!document) return;
    const map = document.getMap(ADVICE_REQUESTS_MAP_NAME);
    const read = () => setRequests(readAdviceRequests(document));
    read();
    map.observe(read);
    return () => map.unobserve(read);
  }, [document]);
  return requests;
}
