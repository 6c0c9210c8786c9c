import { describe, expect, it } from "vitest";
import { hasDuration, hasFrequency } from "./findFrequency.js";
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
