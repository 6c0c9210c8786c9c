import { planSchema } from "@ehcp/schema";
import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { planExtensions } from "./planExtensions.js";

/** What two editors must agree on to share documents: names, content, groups, attributes, marks. */
function shapeOf(schema: Schema) {
  const nodes: Record<string, unknown> = {};
  schema.spec.nodes.forEach((name, spec) => {
    nodes[name] = {
      content: spec.content ?? "",
      group: spec.group ?? null,
      marks: spec.marks ?? null,
      atom: spec.atom ?? false,
      attrs: Object.fromEntries(
        Object.entries(spec.attrs ?? {}).map(([k, v]) => [k, { default: v.default }]),
      ),
    };
  });
  const marks: Record<string, unknown> = {};
  schema.spec.marks.forEach((name, spec) => {
    marks[name] = Object.keys(spec.attrs ?? {});
  });
  return { top: schema.topNodeType.name, nodes, marks };
}

describe("planExtensions", () => {
  it("give Tiptap exactly the plan schema: every node and mark, in order, with its attributes", () => {
    const schema = getSchema(planExtensions());
    expect(shapeOf(schema)).toEqual(shapeOf(planSchema));
    expect(Object.keys(schema.nodes)).toEqual(Object.keys(planSchema.nodes));
  });

  it("keep the schema's checks, such as refusing a javascript: link", () => {
    const schema = getSchema(planExtensions());
    expect(() => schema.marks.link?.create({ href: "javascript:alert(1)" })).toThrow(
      /link must be an http, https or mail/,
    );
  });
});
