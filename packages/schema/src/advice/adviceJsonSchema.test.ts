import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { exampleAdvice } from "@ehcp/fixtures";
import { adviceJsonSchema, PlanFormatError, parseAdviceExport } from "../index.js";

const committedPath = fileURLToPath(new URL("../../advice.schema.json", import.meta.url));
const committed = JSON.parse(readFileSync(committedPath, "utf8"));

describe("advice.schema.json", () => {
  it("is what the zod schemas generate (run `npm run generate -w @ehcp/schema` after changing them)", () => {
    expect(committed).toStrictEqual(adviceJsonSchema());
  });

  it("accepts the example advice in an independent validator, and names what is wrong in a broken one", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(committed);
    for (const name of ["advice-ep.json", "advice-salt.json"] as const) {
      expect(validate(exampleAdvice(name)), JSON.stringify(validate.errors)).toBe(true);
    }
    const noDue = exampleAdvice("advice-ep.json") as { request: Record<string, unknown> };
    delete noDue.request.due;
    expect(validate(noDue)).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      instancePath: "/request",
      params: { missingProperty: "due" },
    });
    const badAdvice = exampleAdvice("advice-ep.json") as {
      advice: { sections: { F: { provisions: { ratio: unknown }[] } } };
    };
    (badAdvice.advice.sections.F.provisions[0] as { ratio: unknown }).ratio = 3;
    expect(validate(badAdvice)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe("/advice/sections/F/provisions/0/ratio");
  });
});

describe("parseAdviceExport", () => {
  it("reads an advice export, the advice in normal form", () => {
    const read = parseAdviceExport(exampleAdvice("advice-salt.json"));
    expect(read.request.adviser).toEqual({
      name: "Bethany Cole",
      role: "speech-and-language-therapist",
    });
    expect(read.advice.sections.F.provisions).toHaveLength(1);
  });

  it("names the place in the export, from its top, where the wrapper or the advice is wrong", () => {
    const late = exampleAdvice("advice-ep.json") as { request: Record<string, unknown> };
    late.request.submittedOn = "26 August";
    expect(() => parseAdviceExport(late)).toThrow(/request\.submittedOn: .*YYYY-MM-DD/);
    const bad = exampleAdvice("advice-ep.json") as {
      advice: { sections: { E: { outcomes: Record<string, unknown>[] } } };
    };
    delete bad.advice.sections.E.outcomes[0]?.statement;
    let error: unknown;
    try {
      parseAdviceExport(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanFormatError);
    expect((error as PlanFormatError).issues[0]?.path).toBe(
      "advice.sections.E.outcomes[0].statement",
    );
    expect((error as PlanFormatError).message).toMatch(/^Invalid advice export: advice\.sections/);
  });
});
