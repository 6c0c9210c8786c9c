import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { connectionOfProvider, type EditRefusal } from "./connectPlan.js";
import {
  describeSaveStatus,
  type SaveStatus as Status,
  type SaveStatusSource,
} from "./saveStatus.js";
import { useSaveAnnouncement } from "./useSaveAnnouncement.js";

const plainSources = new WeakMap<object, SaveStatusSource>();

/** A status for a Hocuspocus provider made without `connectPlan`: from its sync and its socket. */
function plainSource(provider: HocuspocusProvider): SaveStatusSource {
  const compute = () =>
    describeSaveStatus({
      problem: null,
      online: provider.isSynced && provider.configuration.websocketProvider.status === "connected",
      pending: provider.hasUnsyncedChanges,
      keptOnDevice: false,
    });
  let status = compute();
  const listeners = new Set<(status: Status) => void>();
  const update = () => {
    const next = compute();
    if (next.message === status.message) return;
    status = next;
    for (const listener of listeners) listener(status);
  };
  for (const event of ["status", "synced", "unsyncedChanges", "close"]) provider.on(event, update);
  return {
    get status() {
      return status;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The save status of a provider: the full one of a `connectPlan` connection, or one worked out
 * from any other Hocuspocus provider; null for something else (or no provider).
 */
export function saveStatusOf(provider: unknown): SaveStatusSource | null {
  if (typeof provider !== "object" || provider === null) return null;
  const connection = connectionOfProvider.get(provider);
  if (connection) return connection;
  if (!("hasUnsyncedChanges" in provider) || !("configuration" in provider)) return null;
  let source = plainSources.get(provider);
  if (!source) {
    source = plainSource(provider as HocuspocusProvider);
    plainSources.set(provider, source);
  }
  return source;
}

/** The save status as it changes. */
export function useSaveStatus(source: SaveStatusSource | null): Status | null {
  const [status, setStatus] = useState<Status | null>(source?.status ?? null);
  useEffect(() => {
    setStatus(source?.status ?? null);
    return source?.onStatus(setStatus);
  }, [source]);
  return status;
}

/**
 * Where the writer's work is: "Saved", "Saving…", "Offline – your changes are kept on this
 * device" or "Cannot save – why, and what to do". Always shown beside the plan as it is; screen
 * readers are told only what matters (see `useSaveAnnouncement`), not each flip while typing.
 */
export function SaveStatus({ source }: { readonly source: SaveStatusSource | null }) {
  const status = useSaveStatus(source);
  const announcement = useSaveAnnouncement(status);
  if (!status) return null;
  const refusal = source && "refusal" in source ? (source.refusal as EditRefusal | null) : null;
  return (
    <div className="ehcp-save-bar">
      <p className="ehcp-save-status" data-state={status.state}>
        {status.message}
      </p>
      <p className="ehcp-visually-hidden" role="status" aria-live="polite" data-announce="polite">
        {announcement.polite}
      </p>
      <p className="ehcp-visually-hidden" role="alert" data-announce="assertive">
        {announcement.assertive}
      </p>
      {refusal ? (
        <p className="ehcp-refused" role="status">
          {describeRefusal(refusal)}
        </p>
      ) : null}
    </div>
  );
}

const sectionList = (parts: readonly string[]) =>
  parts.map((part) => (part.length <= 2 ? `section ${part}` : part)).join(", ");

/** What the writer is told of a refused edit: where, why, and what became of their work. */
export function describeRefusal(refusal: EditRefusal): string {
  // Named no section: the writer's work in every section was carried into the fresh document.
  if (refusal.parts === null && refusal.kept.length > 0) {
    return `The server refused an edit: ${refusal.reason}. What you wrote in ${sectionList(refusal.kept)} has been sent again.`;
  }
  const where = refusal.parts?.length ? ` to ${sectionList(refusal.parts)}` : "";
  const kept = refusal.kept.length
    ? `; what you wrote in ${sectionList(refusal.kept)} is kept`
    : "";
  return `The server refused an edit${where}: ${refusal.reason}. That change has been undone${kept}.`;
}
