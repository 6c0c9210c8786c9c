import {
  ADVICE_AUTHOR_PARTS,
  type AdviceRequest,
  type PlanPart,
  parseAdviceDocumentName,
  readAdviceRequests,
  spokenDate,
  writesAdvice,
} from "@ehcp/schema";
import type * as Y from "yjs";
import { holdsPlan } from "../holdsPlan.js";
import type { SectionPolicy } from "../sectionPolicy.js";
import { type SignIn, SignInError, type SignedInUser } from "../signIn.js";

/** What a connection to a document may do, once its token is checked. */
export interface Access {
  readonly user: SignedInUser;
  readonly readOnly: boolean;
  /**
   * The parts the person may change here, when not those of their role's policy: an adviser
   * writes the parts of their own advice and nothing else.
   */
  readonly editable?: readonly PlanPart[];
  /**
   * Set when only a request for advice lets the person in (an adviser reading the plan, or
   * writing their advice): what lets them in can be taken back, so it is asked again each time
   * the plan's requests change (see `adviceAccessWatch`).
   */
  readonly byRequest?: true;
}

/** Whether a connection's access came from a request for advice (see `Access.byRequest`). */
export const byRequestOf = (context: unknown): boolean =>
  (context as { byRequest?: true } | undefined)?.byRequest === true;

/**
 * Why `userId` may no longer write the advice of `request` (withdrawn, removed as co-author,
 * the request gone), or null while they may: what an open connection is held to.
 */
export function adviceWriteRefusal(
  request: AdviceRequest | undefined,
  userId: string,
): string | null {
  if (!request) return "the request for this advice is no longer in the plan";
  if (request.withdrawn) {
    return `the caseworker withdrew the request for this advice on ${spokenDate(request.withdrawn.on)}: it is no longer written`;
  }
  if (writesAdvice(request, userId)) return null;
  return `only ${request.adviser.name}, who was asked for this advice, writes it (with the co-authors they invite)`;
}

/**
 * Why `userId`, let into the plan by a request for advice alone, may no longer read it, or null:
 * an adviser asked for advice that still stands reads the plan (co-authors never do).
 */
export function planReadRefusal(requests: readonly AdviceRequest[], userId: string): string | null {
  return requests.some((r) => r.adviser.id === userId && r.withdrawn === null)
    ? null
    : "the request for advice that let you read this plan was withdrawn";
}

/** The key under which a connection's context keeps the parts its person may change. */
export const editableOf = (context: unknown): readonly PlanPart[] | undefined =>
  (context as { editable?: readonly PlanPart[] } | undefined)?.editable;

/**
 * Who may open a document, and to do what. A plan: whoever's token opens it, in their role (a
 * viewer reads only); and the person a request for advice names, to read it, even when their
 * token opens no plan, while the request stands. An advice document (`<plan>/advice:<request>`):
 * the adviser its request names and the co-authors they invited, to write the parts of the
 * advice, until the caseworker withdraws the request; the plan's caseworker (a role that manages
 * the plan), to read it; no one else. A name that holds no plan yet opens only to a role that manages plans,
 * who starts the plan there. Decided on the requests the plan holds as the server has it, never on
 * what the client says.
 */
export class DocumentAccess {
  readonly #signIn: SignIn;
  readonly #policy: SectionPolicy;
  readonly #planDocument: (planId: string) => Promise<Y.Doc>;

  constructor(
    signIn: SignIn,
    policy: SectionPolicy,
    /** The plan's Yjs document as the server holds it: the live one, or the stored one. */
    planDocument: (planId: string) => Promise<Y.Doc>,
  ) {
    this.#signIn = signIn;
    this.#policy = policy;
    this.#planDocument = planDocument;
  }

  async #requestsOf(planId: string): Promise<AdviceRequest[]> {
    return readAdviceRequests(await this.#planDocument(planId));
  }

  async open(token: string, documentName: string): Promise<Access> {
    const advice = parseAdviceDocumentName(documentName);
    if (!advice) return this.#openPlan(token, documentName);
    const { planId, requestId } = advice;
    const user = await this.#signIn.identify(token, planId);
    const request = (await this.#requestsOf(planId)).find((r) => r.id === requestId);
    if (!request) {
      throw new SignInError(`the plan ${planId} has no request for advice ${requestId}`, 403);
    }
    if (writesAdvice(request, user.id)) {
      return { user, readOnly: false, editable: ADVICE_AUTHOR_PARTS, byRequest: true };
    }
    const opensPlan = await this.#signIn.verify(token, planId).then(
      () => true,
      () => false,
    );
    if (opensPlan && this.#policy[user.role].includes("structure")) {
      return { user, readOnly: true, editable: [] };
    }
    const writer =
      request.adviser.id === user.id || request.coAuthors.some((c) => c.id === user.id);
    throw new SignInError(
      writer
        ? (adviceWriteRefusal(request, user.id) as string)
        : `only ${request.adviser.name}, who was asked for this advice, writes it (with the co-authors they invite), and only the caseworker reads it while it is written`,
      403,
    );
  }

  async #openPlan(token: string, planId: string): Promise<Access> {
    try {
      const user = await this.#signIn.verify(token, planId);
      // Opening a name the server holds no plan under starts a plan there (a caseworker's
      // editor writes one into the empty document): only a role that manages plans may, or a
      // made-up name would be stored and listed as an empty plan on the caseworker's list.
      if (
        !this.#policy[user.role].includes("structure") &&
        !holdsPlan(await this.#planDocument(planId))
      ) {
        throw new SignInError(
          `there is no plan ${JSON.stringify(planId.slice(0, 80))}${planId.length > 80 ? " (cut short)" : ""}: only a caseworker may start one`,
          403,
        );
      }
      return { user, readOnly: user.role === "viewer" };
    } catch (error) {
      if (!(error instanceof SignInError) || error.status !== 403) throw error;
      if (error.reason.startsWith("there is no plan")) throw error;
      // A good token that does not open this plan: a request for advice may let its adviser
      // read the plan their advice is for, and change nothing in it.
      const user = await this.#signIn.identify(token, planId);
      if (planReadRefusal(await this.#requestsOf(planId), user.id) === null) {
        return { user, readOnly: true, editable: [], byRequest: true };
      }
      throw error;
    }
  }
}
