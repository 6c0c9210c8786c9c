// The reader alone: JSON export loads neither ProseMirror nor Yjs.
import { type AdviceExport, parseAdviceExport } from "@ehcp/schema/json";

/**
 * A piece of submitted advice as JSON, in the shape `advice.schema.json` publishes (the request,
 * the version and the advice, itself Plan JSON): validated, in normal form, keys in the order
 * of the schema, two-space indented, ending in a newline. Invalid input throws a
 * `PlanFormatError` naming the place, from the export's top.
 */
export function exportAdviceJson(advice: AdviceExport): string {
  return `${JSON.stringify(parseAdviceExport(advice), null, 2)}\n`;
}
