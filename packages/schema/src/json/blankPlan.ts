import { createId } from "../items/createId.js";
import { PLAN_FORMAT, PLAN_FORMAT_VERSIONS } from "./formatVersion.js";
import type { Meta, Plan } from "./plan.js";

export interface BlankPlanOptions {
  readonly child: Meta["child"];
  readonly localAuthority?: string;
  readonly caseworker?: Meta["caseworker"];
  /** The date the request for an assessment was received, YYYY-MM-DD. */
  readonly requestReceived: string;
}

/** A new draft plan with every section present and empty, and a fresh plan id. */
export function blankPlan(options: BlankPlanOptions): Plan {
  return {
    format: PLAN_FORMAT,
    formatVersion: PLAN_FORMAT_VERSIONS[0],
    id: createId("plan"),
    meta: {
      status: "draft",
      issue: 1,
      child: { ...options.child },
      localAuthority: options.localAuthority ?? "",
      caseworker: { ...(options.caseworker ?? { name: "", email: "" }) },
      dates: {
        requestReceived: options.requestReceived,
        draftIssued: null,
        finalIssued: null,
        nextReview: null,
      },
      signOff: null,
    },
    sections: {
      A: { views: [] },
      B: { needs: [] },
      C: { needs: [] },
      D: { needs: [] },
      E: { outcomes: [] },
      F: { provisions: [] },
      G: { provisions: [] },
      H1: { provisions: [] },
      H2: { provisions: [] },
      I: { placement: null },
      J: { requested: false, items: [], notes: [] },
      K: { advice: [] },
    },
  };
}
