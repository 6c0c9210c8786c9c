import { SECTION_KEYS } from "@ehcp/schema";
import type { SignedInUser } from "../signIn.js";

const COLOUR = /^#[0-9a-f]{6}$/i;
/** The longest name of a root type a caret may point into; the plan's is "prosemirror". */
const MAX_ROOT_NAME = 64;

/** A Yjs id as JSON, or null: anything else is not one. */
function idOf(value: unknown): { client: number; clock: number } | null | undefined {
  if (value === null || value === undefined) return null;
  const { client, clock } = value as { client?: unknown; clock?: unknown };
  return Number.isSafeInteger(client) &&
    Number.isSafeInteger(clock) &&
    (client as number) >= 0 &&
    (clock as number) >= 0
    ? { client: client as number, clock: clock as number }
    : undefined;
}

/** One end of a caret, a Yjs relative position as y-prosemirror writes it; undefined if not one. */
function positionOf(value: unknown) {
  if (value === null || typeof value !== "object") return undefined;
  const { type, tname, item, assoc } = value as Record<string, unknown>;
  const typeId = idOf(type);
  const itemId = idOf(item);
  const root =
    tname === null || tname === undefined
      ? null
      : typeof tname === "string" && tname.length <= MAX_ROOT_NAME
        ? tname
        : undefined;
  const side = assoc === undefined ? 0 : assoc;
  if (typeId === undefined || itemId === undefined || root === undefined) return undefined;
  if (!Number.isSafeInteger(side)) return undefined;
  return { type: typeId, tname: root, item: itemId, assoc: side as number };
}

/**
 * What others are sent of one person's presence: the fields the editor reads and nothing else,
 * each checked. `user` is the signed-in person's name and role (with the colour they chose, if
 * it is one), `section` the plan section they are in, `cursor` their caret as
 * y-prosemirror's caret plugin writes it. Fields the state does not have are left out.
 */
export function presenceState(
  state: Record<string, unknown>,
  user: Pick<SignedInUser, "name" | "role">,
): Record<string, unknown> {
  const claimed = (state.user ?? {}) as { color?: unknown };
  const clean: Record<string, unknown> = {
    user: {
      name: user.name,
      role: user.role,
      ...(typeof claimed.color === "string" && COLOUR.test(claimed.color)
        ? { color: claimed.color }
        : {}),
    },
  };
  if ("section" in state) {
    clean.section = (SECTION_KEYS as readonly unknown[]).includes(state.section)
      ? state.section
      : null;
  }
  if ("cursor" in state) {
    const cursor = state.cursor as { anchor?: unknown; head?: unknown } | null;
    const anchor = positionOf(cursor?.anchor);
    const head = positionOf(cursor?.head);
    clean.cursor = anchor && head ? { anchor, head } : null;
  }
  return clean;
}
