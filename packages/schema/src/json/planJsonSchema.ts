import { z } from "zod";
import { PLAN_FORMAT_VERSION } from "./formatVersion.js";
import { PlanSchema } from "./plan.js";

/** The `$id` of the JSON Schema of the current format version. */
export const PLAN_JSON_SCHEMA_ID = `urn:ehcp-toolkit:plan-json:v${PLAN_FORMAT_VERSION}`;

/**
 * The JSON Schema (draft 2020-12) of Plan JSON, generated from the zod schemas. It describes the
 * shape; checks that JSON Schema cannot say (a mark used twice on one text) stay in `parsePlan`.
 */
export function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PlanSchema, {
    target: "draft-2020-12",
    unrepresentable: "throw",
  });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    $id: PLAN_JSON_SCHEMA_ID,
    title: `EHCP Plan JSON, format version ${PLAN_FORMAT_VERSION}`,
    ...rest,
  };
}
