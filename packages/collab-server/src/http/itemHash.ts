import { createHash } from "node:crypto";
import { itemFingerprint, type Plan } from "@ehcp/schema";

/**
 * A short hash of what an item of a plan says (`itemFingerprint`), kept with each accepted
 * representation; null when the plan has no such item.
 */
export function itemHash(plan: Plan, itemId: string): string | null {
  const fingerprint = itemFingerprint(plan, itemId);
  return fingerprint === null ? null : createHash("sha256").update(fingerprint).digest("base64url");
}
