import type { ItemSource, Plan } from "@ehcp/schema";
import type { SubmittedAdvice } from "./useSubmittedAdvice.js";

/** How a lifted recommendation reads in the version it was lifted from, and in the latest. */
export interface AdviceChange {
  readonly before: string;
  readonly after: string;
  /** The latest version's number. */
  readonly version: number;
}

/**
 * Whether the advice an item was lifted from has changed that recommendation since: its words in
 * a later version differ, and the caseworker has not kept the item as it is after reviewing
 * that version. A recommendation the author removed reads as "(no longer in the advice)".
 */
export function adviceChange(
  advice: SubmittedAdvice | undefined,
  source: ItemSource,
  plan: Plan | null,
): AdviceChange | null {
  if (!advice) return null;
  const latest = advice.versions.length;
  if (latest <= source.version) return null;
  const find = (version: number) =>
    advice.versions[version - 1]?.find((r) => r.id === source.recommendationId);
  const before = find(source.version)?.text ?? "";
  const after = find(latest)?.text ?? "(no longer in the advice)";
  if (before === after) return null;
  const kept = (plan?.sections.K.decisions ?? []).findLast(
    (d) =>
      d.requestId === source.requestId &&
      d.recommendationId === source.recommendationId &&
      d.decision === "kept",
  );
  if (kept && kept.decision === "kept" && kept.version >= latest) return null;
  return { before, after, version: latest };
}
