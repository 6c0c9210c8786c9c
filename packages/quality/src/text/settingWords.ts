import type { Plan } from "@ehcp/schema";

/**
 * The words a message uses for the child's setting, so an example fits a nursery, a school or a
 * college: "each time his keyworker asks, in 4 of 5 sessions" for a nursery child, not "each time
 * his teacher asks, in 4 of 5 lessons". Read from the placement (section I) where it says, else
 * from the year group.
 */
export interface SettingWords {
  /** "nursery", "school" or "college". */
  readonly setting: "nursery" | "school" | "college";
  /** The adult who leads the child's day: "keyworker", "teacher", "tutor". */
  readonly adult: string;
  /** What the day is divided into: "session", "lesson". */
  readonly period: string;
  /** The same, plural: "sessions", "lessons". */
  readonly periods: string;
  /** Where the child learns with others: "the group room", "class". */
  readonly room: string;
  /** A time of play or free time: "outdoor play", "playtime", "break". */
  readonly play: string;
}

const WORDS: Readonly<Record<SettingWords["setting"], SettingWords>> = {
  nursery: {
    setting: "nursery",
    adult: "keyworker",
    period: "session",
    periods: "sessions",
    room: "the group room",
    play: "outdoor play",
  },
  school: {
    setting: "school",
    adult: "teacher",
    period: "lesson",
    periods: "lessons",
    room: "class",
    play: "playtime",
  },
  college: {
    setting: "college",
    adult: "tutor",
    period: "session",
    periods: "sessions",
    room: "class",
    play: "break",
  },
};

/** The setting a plan names, and the words for it. */
export function settingWords(plan: Pick<Plan, "meta" | "sections">): SettingWords {
  const placement = plan.sections.I.placement;
  const name = placement?.institutionName ?? "";
  if (/\b(?:nursery|pre-?school|early years|children's centre)\b/i.test(name)) return WORDS.nursery;
  if (placement?.institutionType === "post-16" || /\bcollege\b/i.test(name)) return WORDS.college;
  const year = plan.meta.child.yearGroup;
  if (/\bnursery\b|pre-?school|early years/i.test(year)) return WORDS.nursery;
  if (/college|post-?16|sixth form|further education|year 1[2-4]/i.test(year)) return WORDS.college;
  return WORDS.school;
}
