import { checkPlan } from "../src/checkPlan.js";
import type { QualityConfig } from "../src/QualityConfig.js";
import type { Advice, Need, Outcome, Plan, Provision, RichText, View } from "@ehcp/schema";

export const para = (text: string): RichText =>
  text ? [{ type: "paragraph", content: [{ type: "text", text }] }] : [];

let counter = 0;
const next = (prefix: string) => `${prefix}-${++counter}`;

export const view = (text: string, over: Partial<View> = {}): View => ({
  id: next("view"),
  voice: "child",
  topic: "about-me",
  directQuote: true,
  content: para(text),
  ...over,
});

type BNeed = Plan["sections"]["B"]["needs"][number];

/** A need; typed for section B unless asked for C's or D's wider areas. */
export const need = <T extends Need = BNeed>(title: string, over: Partial<Need> = {}): T =>
  ({
    id: next("need"),
    area: "communication-interaction",
    title,
    description: para(`${title}: Mia understands two-part instructions and loses longer ones.`),
    adviceIds: [],
    ...over,
  }) as T;

export const outcome = (
  statement: string,
  needIds: string[],
  over: Partial<Outcome> = {},
): Outcome => ({
  id: next("outcome"),
  needIds,
  statement: para(statement),
  byWhen: "2027-07",
  pfa: null,
  frameworkRef: null,
  steps: [],
  ...over,
});

export const provision = (
  what: string,
  outcomeIds: string[],
  over: Partial<Provision> = {},
): Provision => ({
  id: next("prov"),
  outcomeIds,
  needIds: [],
  what: para(what),
  deliveredBy: "Teaching assistant",
  expertise: "Trained in Colourful Semantics by the speech and language therapist",
  ratio: "1:1",
  frequency: { sessions: 3, per: "week", minutes: 20 },
  hoursPerWeek: null,
  duration: "until next review",
  adviceIds: [],
  ...over,
});

const advice = (agency: Advice["agency"], role: string): Advice => ({
  id: next("advice"),
  title: `Advice from ${role}`,
  from: { name: "A. Person", role },
  agency,
  requested: "2026-07-01",
  received: "2026-08-01",
  appended: true,
});

/**
 * A short, well-written draft plan for a Year 3 child: one need in each of B, C and D, each with
 * an outcome and provision. The checker finds no error and no warning in it; tests change one
 * thing and look for the finding that change should cause.
 */
export function wellWrittenPlan(): Plan {
  const b = need("Understanding spoken instructions");
  const c = need<Plan["sections"]["C"]["needs"][number]>("Getting to sleep", {
    area: "health",
    description: para("Mia takes two hours to fall asleep."),
  });
  const d = need<Plan["sections"]["D"]["needs"][number]>("Short breaks for the family", {
    area: "social-care",
    description: para("Mia's parents have no breaks at weekends."),
  });
  const ob = outcome(
    "By July 2027, Mia will follow three-step class instructions in 8 out of 10 lessons.",
    [b.id],
  );
  const oc = outcome(
    "By July 2027, Mia will be asleep within 45 minutes of bedtime on 5 nights out of 7.",
    [c.id],
  );
  const od = outcome(
    "By July 2027, Mia will go to a weekend club of her choice every week.",
    [d.id],
    { pfa: "community" },
  );
  return {
    format: "ehcp-plan",
    formatVersion: 1,
    id: "plan-mia-test",
    meta: {
      status: "draft",
      issue: 1,
      child: {
        fullName: "Mia Clarke",
        preferredName: "Mia",
        dateOfBirth: "2019-05-01",
        pronouns: "she/her",
        yearGroup: "Year 3",
      },
      localAuthority: "Testshire County Council",
      caseworker: { name: "Case Worker", email: "case.worker@testshire.example" },
      dates: {
        requestReceived: "2026-06-01",
        draftIssued: null,
        finalIssued: null,
        nextReview: null,
      },
      signOff: null,
    },
    sections: {
      A: { views: [view("I like horses and drawing. I want to ride a pony.")] },
      B: { needs: [b] },
      C: { needs: [c] },
      D: { needs: [d] },
      E: { outcomes: [ob, oc, od] },
      F: {
        provisions: [
          provision(
            "A language programme using Colourful Semantics to build Mia's understanding of instructions.",
            [ob.id],
          ),
        ],
      },
      G: {
        provisions: [
          provision("A sleep programme with a bedtime routine plan for home.", [oc.id], {
            deliveredBy: "Paediatric sleep practitioner",
            expertise: "Registered children's nurse with sleep training",
            frequency: { sessions: 1, per: "half-term", minutes: 60 },
          }),
        ],
      },
      H1: { provisions: [] },
      H2: {
        provisions: [
          provision(
            "A support worker takes Mia to a weekend club, giving her parents a break.",
            [od.id],
            {
              deliveredBy: "Short breaks support worker",
              expertise: "Enhanced DBS check and first aid training",
              frequency: { sessions: 1, per: "week", minutes: 180 },
            },
          ),
        ],
      },
      I: { placement: null },
      J: {
        requested: false,
        items: [],
        notes: para(
          "A personal budget was offered at the planning meeting; the family chose not to take one.",
        ),
      },
      K: {
        advice: [
          advice("family", "Parents"),
          advice("education", "SENCO"),
          advice("education", "Educational Psychologist"),
          advice("health", "Paediatrician"),
          advice("social-care", "Social Worker"),
        ],
      },
    },
  };
}

/** The findings of one rule, checked on 22 November 2026. */
export const findingsOf = (plan: Plan, rule: string, config: QualityConfig = {}) =>
  checkPlan(plan, { today: "2026-11-22", ...config }).filter((f) => f.rule === rule);

/** The well-written plan with its F1 "what" replaced. */
export function withProvisionText(
  what: string,
  field: "what" | "deliveredBy" | "expertise" = "what",
): Plan {
  const plan = wellWrittenPlan();
  const f1 = plan.sections.F.provisions[0] as Provision;
  if (field === "what") f1.what = para(what);
  else f1[field] = what;
  return plan;
}

/** The well-written plan with its E1 statement replaced. */
export function withOutcomeText(statement: string, over: Partial<Outcome> = {}): Plan {
  const plan = wellWrittenPlan();
  const e1 = plan.sections.E.outcomes[0] as Outcome;
  e1.statement = para(statement);
  Object.assign(e1, over);
  return plan;
}
