import { z } from "zod";
import { ADVICE_EXPORT_VERSION, AdviceExportSchema } from "./adviceExport.js";

/** The `$id` of the advice export's JSON Schema. */
export const ADVICE_JSON_SCHEMA_ID = `urn:ehcp-toolkit:advice-json:v${ADVICE_EXPORT_VERSION}`;

/**
 * The JSON Schema (draft 2020-12) of an advice export, generated from the zod schemas, with the
 * advice's own Plan JSON schema inside it, so one file is enough to check an export. As with
 * the plan's, checks JSON Schema cannot say stay in `parseAdviceExport`.
 */
export function adviceJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(AdviceExportSchema, {
    target: "draft-2020-12",
    unrepresentable: "throw",
  });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    $id: ADVICE_JSON_SCHEMA_ID,
    title: `EHCP advice export, version ${ADVICE_EXPORT_VERSION}`,
    ...rest,
  };
}
