import { ROLES, type Role, SECTION_KEYS, type SectionKey } from "@ehcp/schema";

/** What others are shown of a person at the plan: nothing beyond these four. */
export interface Presence {
  readonly clientId: number;
  readonly name: string;
  readonly role: Role;
  readonly color: string;
  readonly section: SectionKey | null;
}

/**
 * Reads one awareness state as sent by another client, keeping only a name, a known role, a
 * colour and a section, each checked; anything else a client put there is dropped.
 */
export function cleanPresence(clientId: number, state: Record<string, unknown>): Presence | null {
  const user = state.user as { name?: unknown; role?: unknown; color?: unknown } | undefined;
  if (!user || typeof user.name !== "string" || user.name.trim() === "") return null;
  const role = (ROLES as readonly string[]).includes(user.role as string)
    ? (user.role as Role)
    : null;
  if (!role) return null;
  const color =
    typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : "#4b5563";
  const section = (SECTION_KEYS as readonly unknown[]).includes(state.section)
    ? (state.section as SectionKey)
    : null;
  return { clientId, name: user.name.trim().slice(0, 80), role, color, section };
}
