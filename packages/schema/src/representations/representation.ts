import type * as Y from "yjs";
import { z } from "zod";
import { SECTION_KEYS } from "../json/plan.js";
import { ROLES } from "../roles/sectionPolicy.js";

/**
 * Root maps of a plan's Yjs document, beside the plan and written only by the server: each
 * suggested change once decided (a representation, kept by suggestion id), and the council's
 * recorded decisions on changes since an issued draft (kept by item id and issue).
 */
export const REPRESENTATIONS_MAP_NAME = "representations";
export const DECISIONS_MAP_NAME = "decisions";

const PersonSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });

export const RepresentationSchema = z.object({
  id: z.string(),
  /** The words suggested in, and the words suggested out (typing over words suggests both). */
  inserted: z.string(),
  removed: z.string(),
  section: z.enum(SECTION_KEYS),
  itemId: z.string().nullable(),
  by: PersonSchema,
  decision: z.enum(["accepted", "rejected"]),
  reason: z.string(),
  decidedBy: PersonSchema,
  /** When it was decided, as an ISO date and time. */
  at: z.string(),
  /** The plan's issue it was made on (1 for the first plan, 2 for the first amendment, …). */
  issue: z.number().int(),
  /**
   * For an accepted one, its item just before and just after (hashes of `itemFingerprint`), so that issuing
   * the final plan can tell its change from others made to the same item. Absent in records made
   * before they were kept.
   */
  itemBefore: z.string().nullable().optional(),
  itemAfter: z.string().nullable().optional(),
});

export const CouncilDecisionSchema = z.object({
  itemId: z.string(),
  label: z.string(),
  change: z.enum(["added", "removed", "changed"]),
  reason: z.string(),
  by: PersonSchema,
  at: z.string(),
  issue: z.number().int(),
  /**
   * For a final plan issued before the family's 15 days were over, the date (YYYY-MM-DD) the
   * family agreed to it in writing, when they did. Absent in records made before it was kept
   * apart (their reason ends with it in words).
   */
  agreedOn: z.string().nullable().optional(),
});

export type Representation = z.infer<typeof RepresentationSchema>;
export type CouncilDecision = z.infer<typeof CouncilDecisionSchema>;

function readMap<T>(doc: Y.Doc, name: string, schema: z.ZodType<T>): T[] {
  const values: T[] = [];
  doc.getMap<unknown>(name).forEach((value) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) values.push(parsed.data);
  });
  return values.sort((a, b) =>
    String((a as { at: string }).at).localeCompare(String((b as { at: string }).at)),
  );
}

/** The decided suggestions of a plan's Yjs document, oldest first. */
export function readRepresentations(doc: Y.Doc): Representation[] {
  return readMap(doc, REPRESENTATIONS_MAP_NAME, RepresentationSchema);
}

/** The council's recorded decisions in a plan's Yjs document, oldest first. */
export function readCouncilDecisions(doc: Y.Doc): CouncilDecision[] {
  return readMap(doc, DECISIONS_MAP_NAME, CouncilDecisionSchema);
}
