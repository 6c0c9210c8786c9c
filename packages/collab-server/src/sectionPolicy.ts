import { SECTION_KEYS, type SectionKey } from "@ehcp/schema";
import type { Role } from "./signIn.js";

/** What an update can touch: a section, the plan details ("meta"), or the plan's outline itself. */
export type PlanPart = SectionKey | "meta" | "structure";

/** Which parts of a plan each role may change. */
export type SectionPolicy = Readonly<Record<Role, readonly PlanPart[]>>;

/**
 * The default: the caseworker writes everywhere; education (school, educational psychologist)
 * B, E and F; health C and G; social care D, H1 and H2; the parent and the young person A;
 * a viewer nowhere.
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

const partName = (part: PlanPart) =>
  part === "meta"
    ? "the plan details"
    : part === "structure"
      ? "the plan's outline"
      : `section ${part}`;

/** Why an update was refused, in words: "health may not change section F". */
export function describeRefusal(
  role: Role | undefined,
  refused: readonly PlanPart[] | null,
): string {
  const where =
    refused === null
      ? "a part of the plan that could not be identified"
      : refused.map(partName).join(", ");
  return `${role ?? "this user"} may not change ${where}`;
}
