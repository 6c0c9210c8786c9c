import type { QualitySummary } from "@ehcp/quality";
import { describe, expect, it } from "vitest";
import { findingsSentence } from "./traceabilityRows.js";

const counted = (error: number, warning: number, info: number) =>
  ({ counts: { error, warning, info } }) as unknown as QualitySummary;

describe("findingsSentence", () => {
  it("counts in words that agree with the number: 1 point, 2 points", () => {
    expect(findingsSentence(counted(1, 1, 1))).toBe(
      "The plan checker found 1 error, 1 warning and 1 point for information.",
    );
    expect(findingsSentence(counted(0, 2, 3))).toBe(
      "The plan checker found 0 errors, 2 warnings and 3 points for information.",
    );
  });
});
