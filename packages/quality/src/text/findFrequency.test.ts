import { describe, expect, it } from "vitest";
import { hasDuration, hasFrequency, isTimeOfDay } from "./findFrequency.js";
import { isNumberWord } from "./numbers.js";
import { tokenize } from "./tokenize.js";

const duration = (text: string) => hasDuration(tokenize(text), isNumberWord);

describe("hasDuration", () => {
  it.each([
    "20 minutes of reading",
    "three 20-minute sessions a week",
    "two 45-min sessions",
    "a two-hour session",
    "an hour a week",
    "half an hour each day",
  ])("finds a length in '%s'", (text) => expect(duration(text)).toBe(true));
  it.each(["every week", "in 45-minute sessions of her choosing", "an hourly check"])(
    "finds none, or only a length, in '%s'",
    (text) => expect(duration(text) && hasFrequency(tokenize(text))).toBe(false),
  );
});

describe("isTimeOfDay", () => {
  const at = (text: string, count: string) => {
    const start = text.lastIndexOf(count);
    return isTimeOfDay(text, start, start + count.length);
  };
  it.each([
    ["meets him at 08:30 each day", "30"],
    ["meets him at 08:30 each day", "08"],
    ["reads at 8.30am every day", "30"],
    ["leaves at 3:15pm each day", "15"],
    ["from 09:00–09:30 each day", "30"],
    ["collects her at 3 pm each day", "3"],
    ["meets him at 9 every day", "9"],
  ])("reads '%s' (%s) as a time of day", (text, count) => expect(at(text, count)).toBe(true));
  it.each([
    ["30 minutes each day", "30"],
    ["3 times a week", "3"],
    ["in 2 sessions each week", "2"],
  ])("reads '%s' (%s) as a count", (text, count) => expect(at(text, count)).toBe(false));
});
