import type { z } from "zod";
import { formatJsonPath, type PathSegment } from "./jsonPath.js";
import type { PlanFormatIssue } from "./PlanFormatError.js";

const MISSING = Symbol("missing");

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return MISSING;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === MISSING) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") {
    return value.length > 40
      ? `a string of ${value.length.toLocaleString("en-GB")} characters`
      : JSON.stringify(value);
  }
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

const article = (expected: string): string =>
  ({
    array: "an array",
    object: "an object",
    string: "a string",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    null: "null",
  })[expected] ?? expected;

const toSegments = (path: readonly PropertyKey[]): PathSegment[] =>
  path.map((key) => (typeof key === "number" ? key : String(key)));

/** Turns one zod issue into issues that say, in plain words, what is wrong and where. */
export function describeZodIssue(issue: z.core.$ZodIssue, input: unknown): PlanFormatIssue[] {
  const segments = toSegments(issue.path);
  const at = (path: PathSegment[], message: string): PlanFormatIssue => ({
    path: formatJsonPath(path),
    segments: path,
    message,
  });
  const value = valueAt(input, issue.path);

  switch (issue.code) {
    case "invalid_type":
      if (value === MISSING) return [at(segments, "is missing; this field is required")];
      return [at(segments, `expected ${article(issue.expected)}, got ${describeValue(value)}`)];
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        at(
          [...segments, key],
          `unknown field "${key}"; Plan JSON version 1 has no such field here`,
        ),
      );
    case "invalid_union":
      // For a discriminated union, zod's path already ends at the discriminator (`type`).
      return [at(segments, `${issue.message} (got ${describeValue(value)})`)];
    case "invalid_value": {
      const options = issue.values.map((v) => JSON.stringify(v)).join(", ");
      const expected = issue.values.length === 1 ? options : `one of ${options}`;
      return [at(segments, `expected ${expected}, got ${describeValue(value)}`)];
    }
    case "too_big":
      if (issue.origin === "string" && typeof value === "string") {
        return [
          at(
            segments,
            `is too long: ${value.length.toLocaleString("en-GB")} characters where at most ${Number(issue.maximum).toLocaleString("en-GB")} fit`,
          ),
        ];
      }
      return [
        at(
          segments,
          issue.message.startsWith("Too big") ? `must be at most ${issue.maximum}` : issue.message,
        ),
      ];
    case "too_small":
      return [
        at(
          segments,
          issue.message.startsWith("Too small")
            ? `must be at least ${issue.minimum}`
            : issue.message,
        ),
      ];
    default:
      return [at(segments, issue.message)];
  }
}
