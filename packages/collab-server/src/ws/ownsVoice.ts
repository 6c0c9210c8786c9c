import type { Role } from "@ehcp/schema";

/**
 * The voices of section A's views each family role speaks in. A view records whoever its voice
 * names, and is theirs: a parent writes as a parent or carer, a young person as themselves, and
 * either may write down the child's own words (for a young child, the family gathers them). No
 * family role may add, change or remove a view in another voice, a professional's above all.
 */
const FAMILY_VOICES: Partial<Record<Role, ReadonlySet<string>>> = {
  parent: new Set(["parent", "carer", "child"]),
  "young-person": new Set(["young-person", "child"]),
};

/**
 * Whether `role` may write a section A view in `voice`. Roles other than the family's are not
 * limited here: the section policy says whether they may change section A at all, and a
 * caseworker may change any view, since the council writes the plan and records in it the views
 * it gathered from the child and from professionals (each change in the audit trail).
 */
export function ownsVoice(role: Role, voice: unknown): boolean {
  const own = FAMILY_VOICES[role];
  return own === undefined || (typeof voice === "string" && own.has(voice));
}
