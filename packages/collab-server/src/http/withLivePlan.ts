import { PLAN_FRAGMENT_NAME } from "@ehcp/schema";
import type { DirectConnection } from "@hocuspocus/server";
import type * as Y from "yjs";
import { HttpError } from "./HttpError.js";

/**
 * Runs `change` in one transaction on the live document of plan `id`, through Hocuspocus, so every
 * connected editor sees what it does at once; then stores the plan and lets it go. A plan that
 * does not exist is a 404, and whatever `change` throws leaves the document as it was, provided it
 * throws before changing anything.
 */
export async function withLivePlan<T>(
  openDocument: (name: string) => Promise<DirectConnection>,
  id: string,
  change: (doc: Y.Doc) => T,
): Promise<T> {
  const connection = await openDocument(id);
  try {
    let result: T | undefined;
    await connection.transact((live) => {
      const doc = live as unknown as Y.Doc;
      if (doc.getXmlFragment(PLAN_FRAGMENT_NAME).length === 0) {
        throw new HttpError(404, `there is no plan ${id}`);
      }
      result = change(doc);
    });
    return result as T;
  } finally {
    await connection.disconnect();
  }
}
