import {
  ADVICE_EXPORT_FORMAT,
  ADVICE_EXPORT_VERSION,
  type AdviceExport,
  type AdviceRequest,
  adviceDocumentName,
  parsePlanJson,
} from "@ehcp/schema";
import type { DocumentStore } from "../store/DocumentStore.js";

/**
 * A submitted version of a request's advice as an advice export: the request as the plan keeps
 * it (without the sign-in ids, which mean nothing outside this server) and the advice as it was
 * submitted. The latest submission unless `versionId` names another; null when there is none.
 */
export async function adviceExportOf(
  store: DocumentStore,
  planId: string,
  request: AdviceRequest,
  versionId?: string,
): Promise<AdviceExport | null> {
  const index =
    versionId === undefined
      ? request.submissions.length - 1
      : request.submissions.findIndex((s) => s.version === versionId);
  const submission = request.submissions[index];
  if (!submission) return null;
  const version = await store.getVersion(
    adviceDocumentName(planId, request.id),
    submission.version,
  );
  if (!version) return null;
  return {
    format: ADVICE_EXPORT_FORMAT,
    formatVersion: ADVICE_EXPORT_VERSION,
    planId,
    request: {
      id: request.id,
      adviser: { name: request.adviser.name, role: request.adviser.role },
      requestedOn: request.requestedOn,
      due: request.due,
      submittedOn: submission.on,
      version: { id: submission.version, number: index + 1 },
      reason: submission.reason,
    },
    advice: parsePlanJson(version.plan),
  };
}

/** The latest submitted version of each request's advice, in the order of the requests. */
export async function submittedAdvice(
  store: DocumentStore,
  planId: string,
  requests: readonly AdviceRequest[],
): Promise<AdviceExport[]> {
  const found = await Promise.all(requests.map((r) => adviceExportOf(store, planId, r)));
  return found.filter((a): a is AdviceExport => a !== null);
}
