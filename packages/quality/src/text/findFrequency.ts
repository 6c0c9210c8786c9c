import { isNumberWord } from "./numbers.js";
import type { Token } from "./tokenize.js";

const PERIOD_ADVERBS = new Set([
  "daily",
  "weekly",
  "fortnightly",
  "monthly",
  "termly",
  "half-termly",
  "yearly",
  "annually",
  "nightly",
  "twice-weekly",
  "twice-daily",
]);
const PERIODS = new Set([
  "day",
  "days",
  "morning",
  "afternoon",
  "evening",
  "night",
  "week",
  "weekday",
  "fortnight",
  "month",
  "term",
  "half-term",
  "year",
  "lesson",
  "session",
  "break",
  "lunchtime",
  "playtime",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
]);
const PER = new Set(["every", "each", "per", "a", "an"]);
// An interval says how often as well as a period does: "every hour", "every 20 minutes".
const INTERVAL_UNITS = /^(?:minutes?|mins?|hours?|hrs?|days|weeks|lessons|sessions)$/;

/**
 * Whether the words say how often: "each term", "3 times a week", "daily", "every lesson",
 * "every hour", "every 30 minutes".
 */
export function hasFrequency(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => {
    if (PERIOD_ADVERBS.has(t.norm)) return true;
    const next = tokens[i + 1];
    if (next === undefined) return false;
    if (PER.has(t.norm) && PERIODS.has(next.norm)) return true;
    // "Each school day", "every English lesson", "every Friday afternoon".
    if (
      (t.norm === "every" || t.norm === "each") &&
      !/^\d/.test(next.norm) &&
      !isNumberWord(next.norm) &&
      (PERIODS.has(tokens[i + 2]?.norm ?? "") ||
        (!/^\d/.test(tokens[i + 2]?.norm ?? "") && PERIODS.has(tokens[i + 3]?.norm ?? "")))
    )
      return true;
    // Not "an hour" (a length), but "each hour" and "every hour".
    if ((t.norm === "every" || t.norm === "each" || t.norm === "per") && next.norm === "hour")
      return true;
    return (
      t.norm === "every" &&
      (/^\d/.test(next.norm) || isNumberWord(next.norm)) &&
      INTERVAL_UNITS.test(tokens[i + 2]?.norm ?? "")
    );
  });
}

const DURATION_UNITS = /^(?:minutes?|mins?|hours?|hrs?)$/;
// A length written as one word: "20-minute", "30-min", "two-hour", "1hr".
const LENGTH_WORD = /^([a-z0-9.]+)-?(?:minutes?|mins?|hours?|hrs?|hr)$/;

/**
 * Whether the words give an amount of time: "20 minutes", "two hours", "three 20-minute
 * sessions", "an hour", "half an hour".
 */
export function hasDuration(tokens: readonly Token[], isCount: (norm: string) => boolean): boolean {
  return tokens.some((t, i) => {
    const next = tokens[i + 1];
    if (isCount(t.norm) && next !== undefined && DURATION_UNITS.test(next.norm)) return true;
    const joined = LENGTH_WORD.exec(t.norm);
    if (joined && isCount(joined[1] as string)) return true;
    // "An hour", "half an hour"; not "an hour's notice".
    return (t.norm === "an" || t.norm === "a") && /^(?:hour|half-hour)$/.test(next?.norm ?? "");
  });
}

/**
 * Whether the count at `start`..`end` of `text` is a time of day, not how many: the minutes of
 * "08:30" or "8.30am", an hour with "am", "pm" or "o'clock", or a count after "at", "from" or
 * "until" ("meets him at 9 every day").
 */
export function isTimeOfDay(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  const after = text.slice(end, end + 10);
  return (
    /\d[:.]$/.test(before) ||
    /^[:.]\d\d/.test(after) ||
    /^\s*(?:am|pm|a\.m\.|p\.m\.|o'clock|o’clock)(?![\p{L}])/iu.test(after) ||
    /\b(?:at|from|until|till|by|before|after)\s+$/i.test(before)
  );
}
