import { useEffect, useState } from "react";
import type { SaveStatus } from "./saveStatus.js";

/** How long the status must stay "Saved" before a screen reader is told, in milliseconds. */
export const SAVED_SETTLE_MS = 2_000;

/** What screen readers are told of the save status: politely, or at once over anything else. */
export interface SaveAnnouncement {
  readonly polite: string;
  readonly assertive: string;
}

const SILENT: SaveAnnouncement = { polite: "", assertive: "" };

/**
 * What of the save status is worth announcing. While someone types, the status flips between
 * "Saving…" and "Saved" several times a second; announcing each would talk over the meeting.
 * So "Saving…" is never announced, "Saved" once it has held for `SAVED_SETTLE_MS` (when typing
 * pauses), being offline at once and politely, and a failure to save at once, over whatever is
 * being read.
 */
export function useSaveAnnouncement(status: SaveStatus | null): SaveAnnouncement {
  const [announcement, setAnnouncement] = useState<SaveAnnouncement>(SILENT);
  useEffect(() => {
    if (!status) return;
    // Emptied, so that the next "Saved" is new text, which is what a live region reads out.
    if (status.state === "saving") {
      setAnnouncement(SILENT);
      return;
    }
    if (status.state === "cannot-save") {
      setAnnouncement({ polite: "", assertive: status.message });
      return;
    }
    if (status.state === "offline") {
      setAnnouncement({ polite: status.message, assertive: "" });
      return;
    }
    const timer = setTimeout(
      () => setAnnouncement({ polite: status.message, assertive: "" }),
      SAVED_SETTLE_MS,
    );
    return () => clearTimeout(timer);
  }, [status]);
  return announcement;
}
