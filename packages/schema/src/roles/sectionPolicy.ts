import { SECTION_KEYS, type SectionKey } from "../json/plan.js";
import { ROLE_NAMES } from "../vocabulary/valueNames.js";

/** The roles a person can work on a plan in; a policy says where each may write. */
export const ROLES = [
  "caseworker",
  "school",
  "educational-psychologist",
  "health",
  "social-care",
  "parent",
  "young-person",
  "viewer",
] as const;
export type Role = (typeof ROLES)[number];

/** What an edit can touch: a section, the plan details ("meta"), or the plan's outline itself. */
export type PlanPart = SectionKey | "meta" | "structure";

/** Which parts of a plan each role may change. */
export type SectionPolicy = Readonly<Record<Role, readonly PlanPart[]>>;

/**
 * The default: the caseworker writes everywhere; education (school, educational psychologist)
 * B, E and F; health C and G; social care D, H1 and H2; the parent and the young person A;
 * a viewer nowhere. The collaboration server enforces it and the editor shows it.
 */
export const DEFAULT_SECTION_POLICY: SectionPolicy = {
  caseworker: [...SECTION_KEYS, "meta", "structure"],
  school: ["B", "E", "F"],
  "educational-psychologist": ["B", "E", "F"],
  health: ["C", "G"],
  "social-care": ["D", "H1", "H2"],
  parent: ["A"],
  "young-person": ["A"],
  viewer: [],
};

/**
 * Where each role may suggest words (shown as tracked changes for an editor of the section to
 * accept or reject) in sections it may not edit. Default: the family, the parent and the young
 * person, everywhere, as their representations on the plan; professionals write in their own
 * sections and comment on the rest.
 */
export const DEFAULT_SUGGEST_POLICY: SectionPolicy = {
  caseworker: [],
  school: [],
  "educational-psychologist": [],
  health: [],
  "social-care": [],
  parent: [...SECTION_KEYS],
  "young-person": [...SECTION_KEYS],
  viewer: [],
};

const partName = (part: PlanPart) =>
  part === "meta"
    ? "the plan details"
    : part === "structure"
      ? "the plan's outline"
      : `section ${part}`;

/**
 * Why an edit is refused, in words a person reads ("educational psychologist may not change
 * section F"): the role's plain name, never its code.
 */
export function describeRefusal(
  role: Role | undefined,
  refused: readonly PlanPart[] | null,
): string {
  const where =
    refused === null
      ? "a part of the plan that could not be identified"
      : refused.map(partName).join(", ");
  return `${role ? ROLE_NAMES[role] : "this user"} may not change ${where}`;
}
