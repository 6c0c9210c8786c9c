import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { PLAN_FORMAT_VERSION, planJsonSchema } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const committedPath = fileURLToPath(new URL("../../plan.schema.json", import.meta.url));
const committed = JSON.parse(readFileSync(committedPath, "utf8"));

describe("plan.schema.json", () => {
  it("is what the zod schemas generate (run `npm run generate -w @ehcp/schema` after changing them)", () => {
    expect(committed).toStrictEqual(planJsonSchema());
  });

  it("carries the format version in its $id", () => {
    expect(committed.$id).toMatch(new RegExp(`v${PLAN_FORMAT_VERSION}$`));
  });

  it("accepts both example plans in an independent validator, and refuses a broken plan", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(committed);
    for (const name of ["plan-good.json", "plan-poor.json"]) {
      expect(validate(examplePlan(name)), JSON.stringify(validate.errors)).toBe(true);
    }
    const broken = structuredClone(examplePlan("plan-good.json")) as {
      sections: Record<string, unknown>;
    };
    delete broken.sections.G;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      instancePath: "/sections",
      params: { missingProperty: "G" },
    });
  });
});
