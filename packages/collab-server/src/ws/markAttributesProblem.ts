import { planSchema } from "@ehcp/schema";

/** The longest string a mark's attribute may hold: an address, a name, an id. */
export const MARK_ATTRIBUTE_MAX = 2_000;

// As `SUGGESTION_MARKS` in checkAddedItem, which imports this module.
const SUGGESTION_MARKS: ReadonlySet<string> = new Set(["insertion", "deletion"]);

const kindOf = (value: unknown) => (value === null ? "null" : typeof value);

/**
 * Why the attributes a text's formatting gives `mark` are not the ones its mark type defines in
 * the schema, or null when they are: an object holding only the attributes the type defines
 * (those without a default all present), each a value of the kind the type validates, no string
 * longer than `MARK_ATTRIBUTE_MAX`. Anything else would be stored and relayed to every reader
 * though no editor shows it: a suggestion "accepted" by a name, a megabyte of notes.
 */
export function markAttributesProblem(mark: string, value: unknown): string | null {
  const type = planSchema.marks[mark];
  if (!type) return `unknown mark "${mark.slice(0, 40)}"`;
  const what = SUGGESTION_MARKS.has(mark) ? "the suggestion mark" : `the mark "${mark}"`;
  const whose = SUGGESTION_MARKS.has(mark) ? "suggestions do not have" : "it does not have";
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `${what} holds ${Array.isArray(value) ? "a list" : kindOf(value)}, not its attributes`;
  }
  const defined = type.spec.attrs ?? {};
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(defined, key))
      return `${what} carries '${key.slice(0, 40)}', which ${whose}`;
  }
  const attrs = value as Record<string, unknown>;
  for (const [key, spec] of Object.entries(defined)) {
    if (!Object.hasOwn(attrs, key)) {
      if (!Object.hasOwn(spec, "default")) return `${what} lacks its attribute '${key}'`;
      continue;
    }
    const attr = attrs[key];
    if (typeof attr === "string" && attr.length > MARK_ATTRIBUTE_MAX) {
      return `${what}'s '${key}' is ${attr.length} characters long; at most ${MARK_ATTRIBUTE_MAX} are allowed`;
    }
    if (attr !== null && typeof attr === "object") {
      return `${what}'s '${key}' holds an object, not a value`;
    }
    const validate = spec.validate;
    if (typeof validate === "string") {
      if (!validate.split("|").includes(kindOf(attr))) {
        return `${what}'s '${key}' must be ${validate.replace("|", " or ")}, not ${kindOf(attr)}`;
      }
    } else if (typeof validate === "function") {
      try {
        validate(attr);
      } catch (error) {
        return `${what}'s '${key}': ${error instanceof Error ? error.message : "not allowed"}`;
      }
    }
  }
  return null;
}
