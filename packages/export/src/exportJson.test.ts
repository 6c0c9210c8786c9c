import { describe, expect, it } from "vitest";
import { type Plan, PlanFormatError } from "@ehcp/schema";
import { readFileSync } from "node:fs";
import { exportJson } from "./index.js";
import { examplePlan } from "@ehcp/fixtures";
import { examplePlanPath } from "@ehcp/fixtures/node";

/** The same JSON with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversed(v)]),
    );
  }
  return value;
}

describe("exportJson", () => {
  it("writes the fixtures back as they are written, key for key, ending in a newline", () => {
    for (const name of ["plan-good.json", "plan-poor.json"]) {
      const text = readFileSync(examplePlanPath(name), "utf8");
      const out = exportJson(JSON.parse(text));
      expect(out.endsWith("}\n")).toBe(true);
      expect(JSON.parse(out)).toStrictEqual(JSON.parse(text));
    }
  });

  it("puts keys in the specification's order, whatever order they came in", () => {
    const plan = examplePlan("plan-good.json") as Plan;
    const out = exportJson(reversed(plan) as Plan);
    expect(out).toBe(exportJson(plan));
    expect(Object.keys(JSON.parse(out))).toEqual([
      "format",
      "formatVersion",
      "id",
      "meta",
      "sections",
    ]);
    expect(Object.keys(JSON.parse(out).sections)).toEqual([
      "A",
      "B",
      "C",
      "D",
      "E",
      "F",
      "G",
      "H1",
      "H2",
      "I",
      "J",
      "K",
    ]);
    expect(Object.keys(JSON.parse(out).sections.F.provisions[0])).toEqual([
      "id",
      "outcomeIds",
      "needIds",
      "what",
      "deliveredBy",
      "expertise",
      "ratio",
      "frequency",
      "hoursPerWeek",
      "duration",
      "adviceIds",
    ]);
  });

  it("refuses an invalid plan", () => {
    expect(() => exportJson({ format: "ehcp-plan" } as unknown as Plan)).toThrow(PlanFormatError);
  });
});
