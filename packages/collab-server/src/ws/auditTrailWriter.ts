import type { Extension } from "@hocuspocus/server";
import type { AuditTrail } from "../AuditTrail.js";

/** How often finished minutes of the audit trail are written while plans stay open. */
const FLUSH_EVERY_MS = 30_000;

/**
 * Writes the audit trail to the store: every half minute, the minutes that are over; a plan's
 * with the plan when it is stored; all of it when a plan is unloaded or the server stops.
 */
export function auditTrailWriter(audit: AuditTrail): Extension {
  const flush = () =>
    audit.flush().catch((error: Error) => {
      console.error(`audit trail not written yet (${error.name}); will retry`);
    });
  const timer = setInterval(flush, FLUSH_EVERY_MS);
  timer.unref();
  return {
    extensionName: "auditTrailWriter",
    async afterStoreDocument({ documentName }) {
      await audit.flush(documentName);
    },
    async afterUnloadDocument({ documentName }) {
      await audit.flush(documentName, true);
    },
    async onDestroy() {
      clearInterval(timer);
      await audit.flush(undefined, true).catch(() => {});
    },
  };
}
