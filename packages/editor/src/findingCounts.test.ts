import type { Finding } from "@ehcp/schema";
import { describe, expect, it } from "vitest";
import { findingCounts } from "./findingCounts.js";

const finding = (severity: Finding["severity"]): Finding =>
  ({ rule: "r", severity, section: "F", target: "F1", message: "F1 …" }) as Finding;

describe("findingCounts", () => {
  it("counts findings in one wording, those that block the final plan first", () => {
    expect(findingCounts([finding("info"), finding("error"), finding("error")])).toBe(
      "2 must fix, 1 to consider",
    );
    expect(findingCounts({ error: 1, warning: 1, info: 0 })).toBe("1 must fix, 1 to check");
  });
  it("says so when there are none, in sentence case", () => {
    expect(findingCounts([])).toBe("No findings");
    expect(findingCounts({ error: 0, warning: 0, info: 0 })).toBe("No findings");
  });
});
