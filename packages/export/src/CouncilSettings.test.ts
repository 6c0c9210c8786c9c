import { describe, expect, it } from "vitest";
import { NORTHSHIRE_SETTINGS } from "../test/councilSettings.js";
import { CouncilSettingsError, parseCouncilSettings } from "./CouncilSettings.js";

const issuesOf = (input: unknown) => {
  try {
    parseCouncilSettings(input);
  } catch (error) {
    expect(error).toBeInstanceOf(CouncilSettingsError);
    return (error as CouncilSettingsError).issues;
  }
  throw new Error("the settings were accepted");
};

describe("parseCouncilSettings", () => {
  it("reads a council's settings", () => {
    expect(parseCouncilSettings(NORTHSHIRE_SETTINGS)).toEqual(NORTHSHIRE_SETTINGS);
  });

  it("names each wrong field and says what it should be", () => {
    const issues = issuesOf({
      ...NORTHSHIRE_SETTINGS,
      sendiass: { name: "SENDIASS", email: "not an address" },
      mediation: { name: "Mediation", website: "javascript:alert(1)" },
      representationDays: 10,
    });
    expect(issues).toEqual([
      { path: "sendiass.email", message: expect.stringContaining("expected an email address") },
      { path: "mediation.website", message: "expected an http or https address" },
      {
        path: "representationDays",
        message: "is fewer than the 15 days the law gives a family",
      },
    ]);
  });

  it("names a missing service, an unknown field and a contact with no way to reach it", () => {
    const { senTeam: _, ...withoutTeam } = NORTHSHIRE_SETTINGS;
    expect(issuesOf(withoutTeam)).toEqual([
      { path: "senTeam", message: "is missing; this field is required" },
    ]);
    expect(issuesOf({ ...NORTHSHIRE_SETTINGS, sendias: {} })[0]).toMatchObject({
      path: "(top level)",
      message: expect.stringContaining('unknown field "sendias"'),
    });
    expect(issuesOf({ ...NORTHSHIRE_SETTINGS, mediation: { name: "Mediation" } })).toEqual([
      {
        path: "mediation",
        message: "gives no way to reach it: give a phone, an email or a website",
      },
    ]);
    expect(
      issuesOf({ ...NORTHSHIRE_SETTINGS, mediation: { name: " ", phone: "01632 960 456" } }),
    ).toEqual([{ path: "mediation.name", message: "is empty" }]);
  });
});
