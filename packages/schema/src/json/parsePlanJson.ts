import { findJsonError } from "./findJsonError.js";
import type { Plan } from "./plan.js";
import { PlanFormatError } from "../errors/PlanFormatError.js";
import { parsePlan } from "./parsePlan.js";

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

/**
 * Reads Plan JSON from text, as a file or an upload holds it. Text that is not JSON gets a
 * `PlanFormatError` that says where it stops being JSON; JSON that is not a plan gets the issues
 * of `parsePlan`.
 */
export function parsePlanJson(text: string): Plan {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const offset = findJsonError(text);
    const found =
      offset >= 0 && offset < text.length
        ? `unexpected ${JSON.stringify(text.slice(offset, offset + 12))}`
        : "the text ends too soon";
    const message =
      text.trim() === ""
        ? "the file is empty; expected Plan JSON"
        : `not valid JSON at ${lineAndColumn(text, offset >= 0 ? offset : text.length)}: ${found}`;
    throw new PlanFormatError([{ path: "", segments: [], message }]);
  }
  return parsePlan(json);
}
