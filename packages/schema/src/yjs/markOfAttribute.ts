import type { Schema } from "prosemirror-model";
import { planSchema } from "../prosemirror/planSchema.js";

/**
 * The mark a Yjs text attribute stands for, or null when it stands for none. y-prosemirror keys
 * a mark by its name, and writes `name--hash` only for a mark that does not exclude itself (two
 * of its kind may overlap); any other key (`insertion--a1`, a name with a suffix for a mark that
 * cannot overlap) is no mark of the schema, so a reader must refuse it rather than guess.
 */
export function markOfAttribute(key: string, schema: Schema = planSchema): string | null {
  if (Object.hasOwn(schema.marks, key)) return key;
  const at = key.indexOf("--");
  if (at <= 0) return null;
  const name = key.slice(0, at);
  const type = Object.hasOwn(schema.marks, name) ? schema.marks[name] : undefined;
  if (!type || type.excludes(type)) return null;
  // y-prosemirror's hash: eight characters of base64 (its `hashedMarkNameRegex`).
  return /^[a-zA-Z0-9+/=]{8}$/.test(key.slice(at + 2)) ? name : null;
}
