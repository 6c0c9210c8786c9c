import type { Extension } from "@hocuspocus/server";
import type * as Y from "yjs";
import type { EditRefusals } from "./EditRefusals.js";
import { encodedState } from "./encodedState.js";
import { carriesChanges } from "./syncSteps.js";

/**
 * Bounds how large a plan may grow, so one writer cannot fill the server's memory and disk: an
 * edit that would take the plan's Yjs state past `maxBytes` is refused. The size is measured on
 * loading and storing, and grows by each change applied in between.
 */
export function documentSizeCap(maxBytes: number, refusals: EditRefusals): Extension {
  const sizes = new Map<string, number>();
  const measure = (name: string, document: Y.Doc) => sizes.set(name, encodedState(document).length);
  return {
    extensionName: "documentSizeCap",
    async afterLoadDocument({ documentName, document }) {
      measure(documentName, document);
    },
    async beforeSync({ documentName, connection, type, payload }) {
      if (!carriesChanges(type) || connection.readOnly) return;
      if ((sizes.get(documentName) ?? 0) + payload.length <= maxBytes) return;
      refusals.refuse(documentName, connection, {
        parts: null,
        code: "too-large",
        reason: `the plan would grow past ${maxBytes.toLocaleString("en-GB")} bytes`,
      });
    },
    async onChange({ documentName, update }) {
      sizes.set(documentName, (sizes.get(documentName) ?? 0) + update.length);
    },
    async afterStoreDocument({ documentName, document }) {
      measure(documentName, document);
    },
    async afterUnloadDocument({ documentName }) {
      sizes.delete(documentName);
    },
  };
}
