import adviceSchema from "@ehcp/schema/advice.schema.json" with { type: "json" };
import { type AdviceExport, PlanFormatError } from "@ehcp/schema";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { exampleAdvice } from "@ehcp/fixtures";
import { exportAdviceJson } from "./index.js";

describe("exportAdviceJson", () => {
  it("writes advice that the published JSON Schema accepts, in a validator of its own", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(adviceSchema);
    for (const name of ["advice-ep.json", "advice-salt.json"] as const) {
      const out = exportAdviceJson(exampleAdvice(name) as AdviceExport);
      expect(out.endsWith("}\n")).toBe(true);
      const written = JSON.parse(out);
      expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
      expect(written).toStrictEqual(exampleAdvice(name));
      expect(Object.keys(written)).toEqual([
        "format",
        "formatVersion",
        "planId",
        "request",
        "advice",
      ]);
    }
  });

  it("refuses advice that does not validate, naming the place from the export's top", () => {
    const bad = exampleAdvice("advice-ep.json") as { request: { adviser: { role: string } } };
    bad.request.adviser.role = "astrologer";
    expect(() => exportAdviceJson(bad as unknown as AdviceExport)).toThrow(PlanFormatError);
    expect(() => exportAdviceJson(bad as unknown as AdviceExport)).toThrow(
      /^Invalid advice export: request\.adviser\.role: /,
    );
  });
});
