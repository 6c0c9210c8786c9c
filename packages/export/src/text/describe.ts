import type { Duration, Frequency, NeedArea, Provision } from "@ehcp/schema";
import { formatDate } from "./formatDate.js";

// Plain words for the plan's coded values, as a reader of the document sees them.

export const AREA_NAMES: Readonly<Record<NeedArea, string>> = {
  "communication-interaction": "Communication and interaction",
  "cognition-learning": "Cognition and learning",
  semh: "Social, emotional and mental health",
  "sensory-physical": "Sensory and/or physical needs",
  health: "Health",
  "social-care": "Social care",
};

export const VOICE_NAMES: Readonly<Record<string, string>> = {
  child: "the child",
  "young-person": "the young person",
  parent: "a parent",
  carer: "a carer",
  professional: "a professional",
};

export const TOPIC_NAMES: Readonly<Record<string, string>> = {
  "about-me": "About me",
  history: "My history",
  "important-now": "What is important to me now",
  aspirations: "Hopes and aspirations",
  "how-to-support": "How best to support me",
  communication: "How I communicate",
  other: "Other views",
};

export const PFA_NAMES: Readonly<Record<string, string>> = {
  employment: "Employment",
  "independent-living": "Independent living",
  community: "Friends, relationships and community",
  health: "Good health",
};

export const INSTITUTION_TYPE_NAMES: Readonly<Record<string, string>> = {
  mainstream: "Mainstream school or college",
  "resourced-provision": "Resourced provision in a mainstream school",
  special: "Special school",
  "independent-special": "Independent special school",
  "post-16": "Post-16 institution",
  other: "Other setting",
};

export const ARRANGEMENT_NAMES: Readonly<Record<string, string>> = {
  "direct-payment": "Direct payment",
  "organised-arrangement": "Organised arrangement",
  "third-party": "Third-party arrangement",
  combination: "A combination",
};

export const AGENCY_NAMES: Readonly<Record<string, string>> = {
  education: "Education",
  health: "Health",
  "social-care": "Social care",
  family: "Family",
  "young-person": "Young person",
  other: "Other",
};

const PERIOD = {
  day: "day",
  week: "week",
  fortnight: "fortnight",
  "half-term": "half-term",
  term: "term",
  year: "year",
} as const;

/** "6 sessions of 45 minutes each half-term"; "1 session of 15 minutes each day". */
export function describeFrequency(f: Frequency | null): string {
  if (!f) return "";
  const sessions = f.sessions === 1 ? "1 session" : `${f.sessions} sessions`;
  return `${sessions} of ${f.minutes} minutes each ${PERIOD[f.per]}`;
}

/** How often, from the frequency and the hours a week, or "Not stated". */
export function describeHowOften(p: Pick<Provision, "frequency" | "hoursPerWeek">): string {
  const parts = [describeFrequency(p.frequency)];
  if (p.hoursPerWeek !== null)
    parts.push(`${p.hoursPerWeek} ${p.hoursPerWeek === 1 ? "hour" : "hours"} a week`);
  return parts.filter(Boolean).join("; ") || "Not stated";
}

export function describeDuration(d: Duration | null): string {
  if (d === null) return "Not stated";
  if (d === "until next review") return "Until the next review";
  return `From ${formatDate(d.from)} to ${formatDate(d.until)}`;
}
