// The reader alone: JSON export loads neither ProseMirror nor Yjs.
import { type Plan, parsePlan } from "@ehcp/schema/json";

/**
 * Plan JSON v1 in canonical form: validated, in normal form, keys in the order of the format's
 * specification (whatever order the input had), two-space indented, ending in a newline.
 */
export function exportJson(plan: Plan): string {
  return `${JSON.stringify(parsePlan(plan), null, 2)}\n`;
}
