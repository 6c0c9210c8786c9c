import type * as Y from "yjs";
import { z } from "zod";
import { ROLES } from "../roles/sectionPolicy.js";

/**
 * The root map of a plan's Yjs document that holds the requests for advice made for it, keyed by
 * request id. Requests sit beside the plan, as comments do: the checker and the exports never read
 * them as plan content, and only the server writes this map (a client's update that touches it is
 * refused, as anything outside the plan's fragment is).
 */
export const ADVICE_REQUESTS_MAP_NAME = "adviceRequests";

/**
 * Whom the council asks for advice for an assessment (SEND Regulations 2014 reg 6(1)): the
 * parent or young person, the school or setting, health, an educational psychologist, social
 * care, and others where needed, a speech and language therapist or an occupational therapist
 * above all.
 */
export const ADVISER_ROLES = [
  "educational-psychologist",
  "speech-and-language-therapist",
  "occupational-therapist",
  "school",
  "health",
  "social-care",
  "parent",
  "young-person",
  "other",
] as const;
export type AdviserRole = (typeof ADVISER_ROLES)[number];

/** Each adviser's role as a caseworker says it: "speech and language therapist". */
export const ADVISER_ROLE_NAMES: Readonly<Record<AdviserRole, string>> = {
  "educational-psychologist": "educational psychologist",
  "speech-and-language-therapist": "speech and language therapist",
  "occupational-therapist": "occupational therapist",
  school: "school or setting",
  health: "health",
  "social-care": "social care",
  parent: "parent",
  "young-person": "young person",
  other: "other adviser",
};

const PersonSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });

export const AdviceRequestSchema = z.object({
  id: z.string(),
  /**
   * The person asked: the id they sign in with (the token's `sub`, which is what gives them
   * access to write their advice), their name as the plan shows it, and the role they advise in.
   */
  adviser: z.object({ id: z.string(), name: z.string(), role: z.enum(ADVISER_ROLES) }),
  /** The day the request was sent, YYYY-MM-DD. */
  requestedOn: z.string(),
  /** Six weeks from the request (reg 8(1)), YYYY-MM-DD; see `adviceDueDate`. */
  due: z.string(),
  requestedBy: PersonSchema,
  /** The day the advice was first submitted, YYYY-MM-DD; null while it has not been. */
  submittedOn: z.string().nullable(),
  /**
   * Each submission, oldest first: the version of the advice document it kept (a revision keeps
   * the earlier ones), the day, and the author's reason for submitting it with errors, if any.
   */
  submissions: z
    .array(z.object({ version: z.string(), on: z.string(), reason: z.string().nullable() }))
    .default([]),
  /**
   * The people the adviser invited to write the advice with them (a colleague who assessed the
   * child too): each writes in this advice and nothing else, and is not let into the plan.
   */
  coAuthors: z
    .array(
      z.object({
        /** The id they sign in with, as for the adviser. */
        id: z.string(),
        name: z.string(),
        /** YYYY-MM-DD. */
        invitedOn: z.string(),
      }),
    )
    .default([]),
  /**
   * Set once the caseworker withdrew the request (the advice is no longer needed, or was asked of
   * the wrong person): from then on no one writes the advice, and it is due nothing.
   */
  withdrawn: z
    .object({ on: z.string(), by: PersonSchema, reason: z.string() })
    .nullable()
    .default(null),
});

export type AdviceRequest = z.infer<typeof AdviceRequestSchema>;

/** Whether `userId` writes the advice of `request`: its adviser or a co-author, while it stands. */
export const writesAdvice = (request: AdviceRequest, userId: string): boolean =>
  request.withdrawn === null &&
  (request.adviser.id === userId || request.coAuthors.some((c) => c.id === userId));

/**
 * The requests for advice of a plan's Yjs document, oldest first. A value that is not a request
 * (left by a newer server, say) is skipped rather than breaking the list.
 */
export function readAdviceRequests(doc: Y.Doc): AdviceRequest[] {
  const requests: AdviceRequest[] = [];
  doc.getMap<unknown>(ADVICE_REQUESTS_MAP_NAME).forEach((value) => {
    const parsed = AdviceRequestSchema.safeParse(value);
    if (parsed.success) requests.push(parsed.data);
  });
  return requests.sort(
    (a, b) => a.requestedOn.localeCompare(b.requestedOn) || a.id.localeCompare(b.id),
  );
}
