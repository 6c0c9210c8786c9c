import {
  ADVICE_AUTHOR_PARTS,
  type AdviceRequest,
  type PlanPart,
  parseAdviceDocumentName,
  readAdviceRequests,
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
}

/** The key under which a connection's context keeps the parts its person may change. */
export const editableOf = (context: unknown): readonly PlanPart[] | undefined =>
  (context as { editable?: readonly PlanPart[] } | undefined)?.editable;

/**
 * Who may open a document, and to do what. A plan: whoever's token opens it, in their role (a
 * viewer reads only); and the person a request for advice names, to read it, even when their
 * token opens no plan. An advice document (`<plan>/advice:<request>`): the adviser its request
 * names, to write the parts of the advice; the plan's caseworker (a role that manages the plan),
 * to read it; no one else. A name that holds no plan yet opens only to a role that manages plans,
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
    if (request.adviser.id === user.id) {
      return { user, readOnly: false, editable: ADVICE_AUTHOR_PARTS };
    }
    const opensPlan = await this.#signIn.verify(token, planId).then(
      () => true,
      () => false,
    );
    if (opensPlan && this.#policy[user.role].includes("structure")) {
      return { user, readOnly: true, editable: [] };
    }
    throw new SignInError(
      `only ${request.adviser.name}, who was asked for this advice, writes it, and only the caseworker reads it while it is written`,
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
      if ((await this.#requestsOf(planId)).some((r) => r.adviser.id === user.id)) {
        return { user, readOnly: true, editable: [] };
      }
      throw error;
    }
  }
}
