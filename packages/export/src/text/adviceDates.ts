import { formatDate } from "@ehcp/schema";

/**
 * What section K says of a piece of advice's dates and whether it is appended: "requested 24
 * August 2026", "received …" or "not yet received", and "appended to this plan" only where the
 * file carries the advice. Inside an appendix of advice, nothing of appending: what an adviser's
 * advice rests on is never appended to the plan by itself.
 */
export function adviceDates(
  attrs: { readonly requested?: unknown; readonly received?: unknown; readonly appended?: unknown },
  { appendix, adviceAttached }: { readonly appendix?: number; readonly adviceAttached: boolean },
): string[] {
  return [
    attrs.requested ? `requested ${formatDate(attrs.requested as string)}` : "",
    attrs.received ? `received ${formatDate(attrs.received as string)}` : "not yet received",
    appendix
      ? ""
      : attrs.appended
        ? adviceAttached
          ? "appended to this plan"
          : "appended to the plan, sent with it on its own"
        : "not appended",
  ].filter(Boolean);
}
