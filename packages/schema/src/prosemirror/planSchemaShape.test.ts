import { describe, expect, it } from "vitest";
import { frozenJson } from "@ehcp/fixtures/node";
import { PLAN_SCHEMA_VERSION, planSchema } from "../index.js";

/** What editors of one schema version agree on: each node's content, group, attributes and marks. */
function shapeOf() {
  return {
    nodes: Object.fromEntries(
      Object.entries(planSchema.nodes).map(([name, type]) => [
        name,
        {
          content: type.spec.content ?? "",
          group: type.spec.group ?? null,
          attrs: Object.keys(type.spec.attrs ?? {}),
          marks: type.spec.marks ?? null,
        },
      ]),
    ),
    marks: Object.fromEntries(
      Object.entries(planSchema.marks).map(([name, type]) => [
        name,
        Object.keys(type.spec.attrs ?? {}),
      ]),
    ),
  };
}

describe("PLAN_SCHEMA_VERSION", () => {
  it("names a frozen shape of the schema, so a change to the model without a new version fails", () => {
    const frozen = frozenJson(`schema-shape/v${PLAN_SCHEMA_VERSION}.json`);
    expect(shapeOf()).toEqual(frozen);
  });
});
