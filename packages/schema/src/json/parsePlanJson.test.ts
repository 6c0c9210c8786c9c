import { describe, expect, it } from "vitest";
import { PlanFormatError, parsePlanJson } from "../index.js";
import { examplePlan } from "@ehcp/fixtures";

const messageOf = (text: string): string => {
  try {
    parsePlanJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanFormatError);
    return (error as PlanFormatError).issues[0]?.message ?? "";
  }
  throw new Error("expected a PlanFormatError");
};

describe("parsePlanJson", () => {
  it("reads Plan JSON text, with or without a byte order mark", () => {
    const text = JSON.stringify(examplePlan("plan-good.json"));
    expect(parsePlanJson(text)).toStrictEqual(examplePlan("plan-good.json"));
    expect(parsePlanJson(`\uFEFF${text}`).id).toBe("plan-matilda-brennan");
  });

  it("says where text stops being JSON", () => {
    expect(messageOf('{\n  "format": "ehcp-plan",\n  "id": oops\n}')).toMatch(
      /^not valid JSON at line 3, column 9/,
    );
  });

  it("says an empty file is empty", () => {
    expect(messageOf("  \n")).toBe("the file is empty; expected Plan JSON");
  });
});
