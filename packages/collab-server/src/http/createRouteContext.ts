import type { IncomingMessage } from "node:http";
import {
  checkIntegrity,
  PLAN_FRAGMENT_NAME,
  type Plan,
  PlanFormatError,
  planToYDoc,
  yDocToPlan,
} from "@ehcp/schema";
import * as Y from "yjs";
import type { SignedInUser } from "../signIn.js";
import { loadStoredDocument } from "../store/loadStoredDocument.js";
import { summarizePlan } from "../summarizePlan.js";
import { unsafeInValue } from "../ws/unsafeCharacter.js";
import { HttpError } from "./HttpError.js";
import { planError } from "./planError.js";
import { readBody } from "./readBody.js";
import type { HttpApiOptions, RouteContext } from "./RouteContext.js";

/** The steps the API's routes share, over its options: sign-in, reading plans and bodies. */
export function createRouteContext(options: HttpApiOptions): RouteContext {
  const { signIn, policy, store } = options;
  const tokenOf = (request: IncomingMessage): string => {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer (.+)$/i.exec(header);
    if (!match?.[1]) throw new HttpError(401, "sign in first: send Authorization: Bearer <token>");
    return match[1];
  };
  const userFor = async (request: IncomingMessage, planId: string): Promise<SignedInUser> => {
    try {
      return await signIn.verify(tokenOf(request), planId);
    } catch (error) {
      const { status = 401, message } = error as { status?: number; message: string };
      throw error instanceof HttpError ? error : new HttpError(status, message);
    }
  };
  const mayManage = (user: SignedInUser) => {
    if (!policy[user.role].includes("structure")) {
      throw new HttpError(
        403,
        `${user.role} may not manage plans, their versions or their audit trail`,
      );
    }
  };
  const readPlan = async (id: string): Promise<Plan> => {
    const doc = await loadStoredDocument(store, id);
    if (doc.getXmlFragment(PLAN_FRAGMENT_NAME).length === 0) {
      throw new HttpError(404, `there is no plan ${id}`);
    }
    try {
      return yDocToPlan(doc);
    } catch (error) {
      if (error instanceof PlanFormatError) throw planError(409, error);
      throw error;
    }
  };
  const readJson = async (request: IncomingMessage, limit: number): Promise<unknown> => {
    const text = await readBody(request, limit);
    if (text.trim() === "") return {};
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, "the request body is not JSON");
    }
  };
  const createPlan = async (request: IncomingMessage, plan: Plan) => {
    const user = await userFor(request, plan.id);
    mayManage(user);
    // The same characters a client's update may not bring in may not come in by import either.
    const unsafe = unsafeInValue(plan);
    if (unsafe) {
      const path = unsafe.slice(0, unsafe.indexOf(": "));
      throw new HttpError(400, `Invalid plan: ${unsafe}`, {
        issues: [{ path, message: unsafe.slice(path.length + 2) }],
      });
    }
    const errors = checkIntegrity(plan).filter((finding) => finding.severity === "error");
    if (errors.length > 0) {
      throw new HttpError(422, `the plan's links are broken: ${errors[0]?.message}`, {
        issues: errors.map(({ path, message }) => ({ path, message })),
      });
    }
    const doc = planToYDoc(plan);
    if (!(await store.create(plan.id, Y.encodeStateAsUpdate(doc), summarizePlan(doc)))) {
      throw new HttpError(409, `a plan with the id ${plan.id} exists already`);
    }
  };

  return { options, tokenOf, userFor, mayManage, readPlan, readJson, createPlan };
}
