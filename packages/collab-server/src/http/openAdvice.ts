import type { IncomingMessage } from "node:http";
import { adviceDocumentName } from "@ehcp/schema";
import { SignInError } from "../signIn.js";
import type { Access } from "../ws/documentAccess.js";
import { HttpError } from "./HttpError.js";
import type { RouteContext } from "./RouteContext.js";

/**
 * Who a request to a piece of advice comes from, and what they may do there: decided as for
 * its WebSocket (see `DocumentAccess`), so the HTTP routes let in the same people.
 */
export async function openAdvice(
  context: RouteContext,
  request: IncomingMessage,
  planId: string,
  requestId: string,
): Promise<Access> {
  try {
    return await context.options.access.open(
      context.tokenOf(request),
      adviceDocumentName(planId, requestId),
    );
  } catch (error) {
    if (error instanceof SignInError) throw new HttpError(error.status, error.message);
    throw error;
  }
}
