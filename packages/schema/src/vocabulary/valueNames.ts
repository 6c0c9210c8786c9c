import type {
  AGENCIES,
  BUDGET_ARRANGEMENTS,
  FREQUENCY_PERIODS,
  INSTITUTION_TYPES,
  NeedArea,
  PFA_AREAS,
  VIEW_TOPICS,
  VOICES,
} from "../json/plan.js";
import type { Role } from "../roles/sectionPolicy.js";

// The plain words for the plan's coded values, kept in one place so the editor's dropdowns, the
// app and the exported documents never call one thing by two names, and never show a code.

/** Areas of need, as the SEND Code of Practice names them (with C's health and D's social care). */
export const AREA_NAMES: Readonly<Record<NeedArea, string>> = {
  "communication-interaction": "Communication and interaction",
  "cognition-learning": "Cognition and learning",
  semh: "Social, emotional and mental health",
  "sensory-physical": "Sensory and/or physical needs",
  health: "Health",
  "social-care": "Social care",
};

type Voice = (typeof VOICES)[number];

/** Whose view it is, as a choice in a list. */
export const VOICE_NAMES: Readonly<Record<Voice, string>> = {
  child: "The child",
  "young-person": "The young person",
  parent: "A parent",
  carer: "A carer",
  professional: "A professional",
};

/** Whose view it is, inside a sentence ("The view of the child"). */
export const VOICE_PHRASES: Readonly<Record<Voice, string>> = {
  child: "the child",
  "young-person": "the young person",
  parent: "a parent",
  carer: "a carer",
  professional: "a professional",
};

/** What a view in section A is about, in the child's words as templates put them. */
export const TOPIC_NAMES: Readonly<Record<(typeof VIEW_TOPICS)[number], string>> = {
  "about-me": "About me",
  history: "My history",
  "important-now": "What is important to me now",
  aspirations: "Hopes and aspirations",
  "how-to-support": "How best to support me",
  communication: "How I communicate",
  other: "Other views",
};

/** The four preparing-for-adulthood outcomes. */
export const PFA_NAMES: Readonly<Record<(typeof PFA_AREAS)[number], string>> = {
  employment: "Employment",
  "independent-living": "Independent living",
  community: "Friends, relationships and community",
  health: "Good health",
};

export const INSTITUTION_TYPE_NAMES: Readonly<Record<(typeof INSTITUTION_TYPES)[number], string>> =
  {
    mainstream: "Mainstream school or college",
    "resourced-provision": "Resourced provision in a mainstream school",
    special: "Special school",
    "independent-special": "Independent special school",
    "post-16": "Post-16 institution",
    other: "Other setting",
  };

/** How a personal budget is arranged and paid. */
export const ARRANGEMENT_NAMES: Readonly<Record<(typeof BUDGET_ARRANGEMENTS)[number], string>> = {
  "direct-payment": "Direct payment",
  "organised-arrangement": "Organised arrangement",
  "third-party": "Third-party arrangement",
  combination: "A combination",
};

/** Who gave a piece of advice in section K. */
export const AGENCY_NAMES: Readonly<Record<(typeof AGENCIES)[number], string>> = {
  education: "Education",
  health: "Health",
  "social-care": "Social care",
  family: "Family",
  "young-person": "Young person",
  other: "Other",
};

/** How often a provision's sessions come round: "each half-term". */
export const PERIOD_NAMES: Readonly<Record<(typeof FREQUENCY_PERIODS)[number], string>> = {
  day: "day",
  week: "week",
  fortnight: "fortnight",
  "half-term": "half-term",
  term: "term",
  year: "year",
};

/** The roles people work on a plan in, as others see them beside a name. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  caseworker: "caseworker",
  school: "school",
  "educational-psychologist": "educational psychologist",
  health: "health",
  "social-care": "social care",
  parent: "parent",
  "young-person": "young person",
  viewer: "viewer",
};

/**
 * The plain words for a coded value in one of the tables above, or the code itself when it is
 * not there (a value from a newer plan format), so nothing is ever shown blank.
 */
export function nameOf(names: Readonly<Record<string, string>>, code: string): string {
  return Object.hasOwn(names, code) ? (names[code] as string) : code;
}
