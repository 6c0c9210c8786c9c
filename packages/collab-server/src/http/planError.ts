import type { PlanFormatError } from "@ehcp/schema";
import { HttpError } from "./HttpError.js";

/** A plan that does not read as Plan JSON, as an HTTP error listing where it is wrong. */
export const planError = (status: number, error: PlanFormatError): HttpError =>
  new HttpError(status, error.message, { issues: error.issues });
