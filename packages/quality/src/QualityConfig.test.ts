import { describe, expect, it } from "vitest";
import { parseQualityConfig, QualityConfigError } from "./index.js";

describe("parseQualityConfig", () => {
  it("reads a council's settings", () => {
    const config = {
      today: "2026-11-22",
      rules: { jargon: "off", "vague-wording": "error" },
      vagueWords: { add: ["nurture"] },
      pfaFromYear: 8,
    };
    expect(parseQualityConfig(config)).toEqual(config);
  });

  it("names the path of each wrong setting", () => {
    try {
      parseQualityConfig({
        rules: { "vage-wording": "off", jargon: "loud" },
        pfaFromYear: "nine",
        colour: "red",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QualityConfigError);
      const paths = (error as QualityConfigError).issues.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining(['rules["vage-wording"]', "rules.jargon", "pfaFromYear", "colour"]),
      );
    }
  });
});
