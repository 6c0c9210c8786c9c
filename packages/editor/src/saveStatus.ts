/** Where the writer's work is, as the editor shows it. */
export type SaveState = "saved" | "saving" | "offline" | "cannot-save";

export interface SaveStatus {
  readonly state: SaveState;
  /** What the editor shows and announces: "Saved", "Saving…", "Offline – …", "Cannot save – …". */
  readonly message: string;
}

/** Something that knows the save status and says when it changes. */
export interface SaveStatusSource {
  readonly status: SaveStatus;
  /** Calls `listener` on each change of status; returns the function that stops it. */
  onStatus(listener: (status: SaveStatus) => void): () => void;
}

/** What the status shows, given what is known of the connection. */
export function describeSaveStatus(facts: {
  /** Why the server will not take changes now, with what to do, if it will not. */
  readonly problem: string | null;
  /** Whether the connection is up and the plan synced with the server. */
  readonly online: boolean;
  /** Whether any change has not been acknowledged by the server yet. */
  readonly pending: boolean;
  /** Whether changes are kept in the browser (see `connectPlan`'s `localCopy`). */
  readonly keptOnDevice: boolean;
}): SaveStatus {
  const kept = facts.keptOnDevice
    ? "your changes are kept on this device"
    : "your changes are kept in this window until the connection returns: do not close it";
  if (facts.problem !== null) {
    return { state: "cannot-save", message: `Cannot save – ${facts.problem}; ${kept}` };
  }
  if (!facts.online) return { state: "offline", message: `Offline – ${kept}` };
  if (facts.pending) return { state: "saving", message: "Saving…" };
  return { state: "saved", message: "Saved" };
}
