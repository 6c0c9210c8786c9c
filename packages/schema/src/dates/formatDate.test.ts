import { describe, expect, it } from "vitest";
import { formatDate } from "./formatDate.js";
import { spokenDate } from "./spokenDate.js";

describe("formatDate", () => {
  it("writes days and months as people read them, and leaves anything else as it is", () => {
    expect(formatDate("2026-03-04")).toBe("4 March 2026");
    expect(formatDate("2027-12")).toBe("December 2027");
    expect(formatDate("2027-13")).toBe("2027-13");
    expect(formatDate("soon")).toBe("soon");
    expect(formatDate(null)).toBe("");
    expect(spokenDate("2026-10-13")).toBe("13 October 2026");
  });
});
