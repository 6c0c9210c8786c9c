import type { Token } from "./tokenize.js";

// Things given, and arrangements that hold: a seat, a desk, a ramp, large print, extra time.
const THING = new Set(
  (
    "laptop laptops tablet tablets ipad computer chromebook keyboard mouse desk desks table tables chair chairs " +
    "seat seating cushion cushions stool board boards slope slopes ramp ramps door doors lift lifts " +
    "rail rails handrail handrails hoist hoists toilet toilets bench standing frame frames " +
    "headphones defenders radio hearing aid aids magnifier magnifiers print font paper overlay " +
    "overlays scribe reader readers prompter time rooms room card cards pass passes locker lockers " +
    "access entrance exit pen pens pencil grips grip scissors ruler calculator " +
    "software wheelchair walker splint splints copy copies handout handouts slides textbook textbooks"
  ).split(" "),
);

// Given only where they hold: time and access ("extra time in all exams"), and what an adult uses
// with the child ("a now-and-next board in lessons" leaves open when and how).
const GIVEN_WHERE = new Set([
  "time",
  "access",
  "room",
  "rooms",
  "copy",
  "copies",
  "board",
  "boards",
]);

// What someone does with the child for a time, which a scope does not quantify: how long each
// time is still to be said ("reading to an adult in every lesson" is not quantified).
const ACTIVITY = new Set(
  (
    "therapy therapies programme programmes program intervention interventions " +
    "practice practise teaching tuition group groups club clubs mentoring counselling " +
    "coaching support supported supporting help helped helping assistance work working activities " +
    "activity exercises exercise check-in check-ins meeting meetings reading"
  ).split(" "),
);

// The occasions a standing arrangement holds on: "in every lesson", "for all exams".
const OCCASION =
  /^(?:lessons?|sessions?|exams?|examinations?|tests?|assessments?|classes|class|classrooms?|rooms?|subjects?|worksheets?|days?|trips?|visits?|meals?|lunchtimes?|times|occasions?|journeys?|activities|papers?)$/;
const SCOPE_WORD = /^(?:every|each|all|any)$/;
const SCOPE_LEAD = /^(?:in|at|for|during|across|throughout|to|on|into|between|of)$/;

/** Whether `tokens[i]` begins "every/each/all/any … lesson(s)" within a few words. */
function scopeAt(tokens: readonly Token[], i: number): boolean {
  if (!SCOPE_WORD.test(tokens[i]?.norm ?? "")) return false;
  for (let j = i + 1; j <= i + 5 && j < tokens.length; j++) {
    if (OCCASION.test(tokens[j]!.norm)) return true;
  }
  return false;
}

/**
 * Whether the provision is a thing given or an arrangement that stands, and says where it holds:
 * "a fixed seat at the front in every lesson", "25% extra time in all exams", "all worksheets in
 * 24-point print", "a ramp at the main entrance". Such provision is quantified by what it is and
 * where it applies (CoP 9.69: "normally" quantified); no session length applies to it. Anything
 * done with the child for a time is not (its frequency and length are still owed).
 */
export function standsThroughout(tokens: readonly Token[]): boolean {
  // "Pre-teaching", "after-school club": an activity however it is joined. Sessions are one too,
  // but for the occasions of a scope ("in every carpet session").
  const activity = (t: Token, i: number) =>
    t.norm.split("-").some((p) => ACTIVITY.has(p)) ||
    (/^sessions?$/.test(t.norm) &&
      !tokens.slice(Math.max(0, i - 3), i).some((w) => SCOPE_WORD.test(w.norm)));
  if (tokens.length === 0 || tokens.some(activity)) return false;
  const things = tokens.filter((t) => THING.has(t.norm)).length;
  if (things === 0) return false;
  // A thing given, from the start: "a height-adjustable desk…", "ear defenders…". Time and
  // access are given only where they hold ("extra time in all exams").
  const first = tokens.findIndex((t) => t.norm !== "a" && t.norm !== "an" && t.norm !== "the");
  // "Use of a laptop", "access to a tablet": the use, not the thing, which is owed its when.
  const use = /^(?:use|using|access|accessing)$/.test(tokens[first]?.norm ?? "");
  if (
    !use &&
    tokens.slice(first, first + 4).some((t) => THING.has(t.norm) && !GIVEN_WHERE.has(t.norm))
  )
    return true;
  // Or where it holds: "…in every lesson", "all worksheets…", "at all times".
  return tokens.some(
    (t, i) =>
      (i === 0 || SCOPE_LEAD.test(tokens[i - 1]!.norm)) &&
      (scopeAt(tokens, i) || (t.norm === "all" && tokens[i + 1]?.norm === "times")),
  );
}
