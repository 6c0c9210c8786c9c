import { MAX_DEPTH } from "./limits.js";
import { formatJsonPath, type PathSegment } from "../errors/jsonPath.js";
import type { PlanFormatIssue } from "../errors/PlanFormatError.js";

/**
 * Walks the input without recursion and reports the first place nested deeper than `maxDepth`.
 * Recursive validators overflow the stack on hostile nesting; this guard runs before them.
 */
export function checkDepth(input: unknown, maxDepth = MAX_DEPTH): PlanFormatIssue | null {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (value === null || typeof value !== "object") continue;
    if (path.length >= maxDepth) {
      return {
        path: formatJsonPath(path),
        segments: path,
        message: `nested more than ${maxDepth} levels deep; a plan is never nested this deeply`,
      };
    }
    if (Array.isArray(value)) {
      value.forEach((child, i) => {
        stack.push({ value: child, path: [...path, i] });
      });
    } else {
      for (const [key, child] of Object.entries(value)) {
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}
