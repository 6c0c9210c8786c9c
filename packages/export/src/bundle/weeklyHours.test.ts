import { describe, expect, it } from "vitest";
import { formatMinutes, weeklyHours } from "./weeklyHours.js";

describe("weeklyHours", () => {
  it("counts sessions by the week, the school day and the fortnight", () => {
    expect(
      weeklyHours({ hoursPerWeek: null, frequency: { sessions: 2, per: "week", minutes: 30 } }),
    ).toMatchObject({ minutes: 60 });
    expect(
      weeklyHours({ hoursPerWeek: null, frequency: { sessions: 1, per: "day", minutes: 15 } }),
    ).toMatchObject({ minutes: 75, how: expect.stringContaining("5 school days") });
    expect(
      weeklyHours({
        hoursPerWeek: null,
        frequency: { sessions: 1, per: "fortnight", minutes: 60 },
      }),
    ).toMatchObject({ minutes: 30 });
  });

  it("takes the hours a week the plan states over its sessions", () => {
    expect(
      weeklyHours({ hoursPerWeek: 12.5, frequency: { sessions: 1, per: "day", minutes: 15 } }),
    ).toMatchObject({ minutes: 750, how: "as the plan states" });
  });

  it("says why provision given by the term, or not said, cannot be added", () => {
    expect(
      weeklyHours({
        hoursPerWeek: null,
        frequency: { sessions: 6, per: "half-term", minutes: 45 },
      }),
    ).toEqual({
      minutes: null,
      why: "it is given each half-term, not each week (6 sessions of 45 minutes each half-term)",
    });
    expect(weeklyHours({ hoursPerWeek: null, frequency: null })).toEqual({
      minutes: null,
      why: "the plan does not say how often",
    });
  });

  it("writes minutes as hours and minutes", () => {
    expect(formatMinutes(295)).toBe("4 hours 55 minutes");
    expect(formatMinutes(60)).toBe("1 hour");
    expect(formatMinutes(1)).toBe("1 minute");
    expect(formatMinutes(0)).toBe("no time");
  });
});
