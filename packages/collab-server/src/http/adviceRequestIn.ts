import { type AdviceRequest, readAdviceRequests } from "@ehcp/schema";
import type * as Y from "yjs";
import { HttpError } from "./HttpError.js";

/** The advice request `requestId` of the plan held in `doc`, or a 404 naming the plan and request. */
export function adviceRequestIn(doc: Y.Doc, planId: string, requestId: string): AdviceRequest {
  const found = readAdviceRequests(doc).find((r) => r.id === requestId);
  if (!found) throw new HttpError(404, `the plan ${planId} has no request ${requestId}`);
  return found;
}
