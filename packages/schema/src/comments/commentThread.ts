import type * as Y from "yjs";
import { z } from "zod";
import { SECTION_KEYS } from "../json/plan.js";
import { ROLES } from "../roles/sectionPolicy.js";

/**
 * The root map of a plan's Yjs document that holds its comment threads, keyed by thread id.
 * Threads sit beside the plan, not in its text, so exports and the checker never see them; only
 * the server writes this map, after checking who may comment where.
 */
export const COMMENTS_MAP_NAME = "comments";

const PersonSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });

export const CommentSchema = z.object({
  id: z.string(),
  author: PersonSchema,
  /** When the server took the comment, as an ISO date and time. */
  at: z.string(),
  body: z.string(),
});

export const CommentThreadSchema = z.object({
  id: z.string(),
  section: z.enum(SECTION_KEYS),
  /** The need, outcome or provision commented on; null for the section as a whole. */
  itemId: z.string().nullable(),
  /**
   * The stretch of text commented on, as Yjs relative positions (`Y.relativePositionToJSON`), so
   * it keeps its place while others type; null for a comment on the whole item or section.
   */
  anchor: z.object({ from: z.unknown(), to: z.unknown() }).nullable(),
  /** The words commented on when the thread began, shown when they have since gone. */
  quote: z.string(),
  comments: z.array(CommentSchema).min(1),
  resolved: z.object({ by: PersonSchema, at: z.string() }).nullable(),
});

export type CommentAuthor = z.infer<typeof PersonSchema>;
export type PlanComment = z.infer<typeof CommentSchema>;
export type CommentThread = z.infer<typeof CommentThreadSchema>;

/**
 * The comment threads of a plan's Yjs document, oldest first. A value that is not a thread (left
 * by a newer server, say) is skipped rather than breaking the list.
 */
export function readCommentThreads(doc: Y.Doc): CommentThread[] {
  const threads: CommentThread[] = [];
  doc.getMap<unknown>(COMMENTS_MAP_NAME).forEach((value) => {
    const parsed = CommentThreadSchema.safeParse(value);
    if (parsed.success) threads.push(parsed.data);
  });
  return threads.sort((a, b) => (a.comments[0]?.at ?? "").localeCompare(b.comments[0]?.at ?? ""));
}
