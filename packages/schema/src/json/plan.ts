import { z } from "zod";
import {
  LANG_FORMAT_VERSION,
  PLAN_FORMAT,
  PLAN_FORMAT_VERSIONS,
  SOURCE_FORMAT_VERSION,
} from "./formatVersion.js";
import { usesLang } from "./usesLang.js";
import { firstSourcePath } from "./firstSourcePath.js";
import { MAX_FIELD_LENGTH } from "./limits.js";
import { LangSchema, RichTextSchema } from "./richText.js";

/** Ids of needs, outcomes, provisions, views, advice and steps. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const IdSchema = z.string().regex(ID_PATTERN, {
  message: "an id is 1 to 64 characters from A-Z, a-z, 0-9, '-' and '_' (no spaces)",
});
const IdListSchema = z.array(IdSchema);

const text = z.string().max(MAX_FIELD_LENGTH);
const isoDate = z.iso.date({ message: "expected a calendar date written YYYY-MM-DD" });
const isoMonthOrDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, {
    message: "expected a month (YYYY-MM) or a date (YYYY-MM-DD)",
  })
  .refine((s) => s.length === 7 || isoDate.safeParse(s).success, {
    message: "expected a month (YYYY-MM) or a date (YYYY-MM-DD)",
  });

/**
 * Where a need, an outcome or a provision came from, when a caseworker lifted it from a piece of
 * advice (format version 1.2): the advice request, the recommendation's item id inside the advice
 * document, the submitted version of the advice it was read in (1 for the first submission), and
 * the day it was lifted. The item may have been edited since; the source says what it rests on.
 */
export const ItemSourceSchema = z.strictObject({
  requestId: IdSchema,
  recommendationId: IdSchema,
  version: z.int().min(1).max(10_000),
  liftedOn: isoDate,
});

export const AREAS_OF_NEED = [
  "communication-interaction",
  "cognition-learning",
  "semh",
  "sensory-physical",
] as const;

export const MetaSchema = z.strictObject({
  status: z.enum(["draft", "final"]),
  issue: z.int().min(1),
  child: z.strictObject({
    fullName: text,
    preferredName: text,
    dateOfBirth: isoDate,
    pronouns: text,
    yearGroup: text,
  }),
  localAuthority: text,
  caseworker: z.strictObject({ name: text, email: text }),
  dates: z.strictObject({
    requestReceived: isoDate,
    draftIssued: isoDate.nullable(),
    finalIssued: isoDate.nullable(),
    nextReview: isoDate.nullable(),
  }),
  signOff: z.strictObject({ officerName: text, role: text, date: isoDate }).nullable(),
});

export const VOICES = ["child", "young-person", "parent", "carer", "professional"] as const;
export const VIEW_TOPICS = [
  "about-me",
  "history",
  "important-now",
  "aspirations",
  "how-to-support",
  "communication",
  "other",
] as const;

export const ViewSchema = z.strictObject({
  id: IdSchema,
  voice: z.enum(VOICES),
  topic: z.enum(VIEW_TOPICS),
  directQuote: z.boolean(),
  gatheredHow: text.optional(),
  /** The language the view is written in, where it is not the plan's (format version 1.1). */
  lang: LangSchema.optional(),
  content: RichTextSchema,
});

export const SectionASchema = z.strictObject({ views: z.array(ViewSchema) });

const needSchema = <A extends readonly [string, ...string[]]>(areas: A) =>
  z.strictObject({
    id: IdSchema,
    area: z.enum(areas),
    title: text,
    description: RichTextSchema,
    adviceIds: IdListSchema,
    source: ItemSourceSchema.optional(),
  });

export const NEED_AREAS = {
  B: AREAS_OF_NEED,
  C: ["health", ...AREAS_OF_NEED],
  D: ["social-care", ...AREAS_OF_NEED],
} as const;

const needsSection = <A extends readonly [string, ...string[]]>(areas: A) =>
  z.strictObject({ summary: RichTextSchema.optional(), needs: z.array(needSchema(areas)) });

export const SectionBSchema = needsSection(NEED_AREAS.B);
export const SectionCSchema = needsSection(NEED_AREAS.C);
export const SectionDSchema = needsSection(NEED_AREAS.D);

export const PFA_AREAS = ["employment", "independent-living", "community", "health"] as const;

export const OutcomeStepSchema = z.strictObject({
  id: IdSchema,
  text: text,
  byWhen: isoMonthOrDate,
});

export const OutcomeSchema = z.strictObject({
  id: IdSchema,
  needIds: IdListSchema,
  statement: RichTextSchema,
  byWhen: isoMonthOrDate.nullable(),
  pfa: z.enum(PFA_AREAS).nullable(),
  frameworkRef: text.nullable(),
  steps: z.array(OutcomeStepSchema),
  source: ItemSourceSchema.optional(),
});

export const SectionESchema = z.strictObject({ outcomes: z.array(OutcomeSchema) });

export const FREQUENCY_PERIODS = ["day", "week", "fortnight", "half-term", "term", "year"] as const;

export const FrequencySchema = z.strictObject({
  sessions: z.int().min(1).max(1000),
  per: z.enum(FREQUENCY_PERIODS),
  minutes: z.int().min(1).max(1440),
});

export const DurationSchema = z.union([
  z.strictObject({ from: isoDate, until: isoDate }),
  z.literal("until next review"),
]);

export const ProvisionSchema = z.strictObject({
  id: IdSchema,
  outcomeIds: IdListSchema,
  needIds: IdListSchema,
  what: RichTextSchema,
  deliveredBy: text,
  expertise: text,
  ratio: z.string().min(1).max(100).nullable(),
  frequency: FrequencySchema.nullable(),
  hoursPerWeek: z.number().min(0).max(168).nullable(),
  duration: DurationSchema.nullable(),
  adviceIds: IdListSchema,
  source: ItemSourceSchema.optional(),
});

export const ProvisionSectionSchema = z.strictObject({ provisions: z.array(ProvisionSchema) });

export const INSTITUTION_TYPES = [
  "mainstream",
  "resourced-provision",
  "special",
  "independent-special",
  "post-16",
  "other",
] as const;

export const PlacementSchema = z.strictObject({
  institutionName: text.nullable(),
  institutionType: z.enum(INSTITUTION_TYPES),
});

export const SectionISchema = z.strictObject({ placement: PlacementSchema.nullable() });

export const BUDGET_ARRANGEMENTS = [
  "direct-payment",
  "organised-arrangement",
  "third-party",
  "combination",
] as const;

export const BudgetItemSchema = z.strictObject({
  provisionId: IdSchema,
  amountGBP: z.number().min(0).max(10_000_000).nullable(),
  arrangement: z.enum(BUDGET_ARRANGEMENTS),
  outcomesMet: RichTextSchema,
});

export const SectionJSchema = z.strictObject({
  requested: z.boolean(),
  items: z.array(BudgetItemSchema),
  notes: RichTextSchema,
});

export const AGENCIES = [
  "education",
  "health",
  "social-care",
  "family",
  "young-person",
  "other",
] as const;

export const AdviceSchema = z.strictObject({
  id: IdSchema,
  title: text,
  from: z.strictObject({ name: text, role: text }),
  agency: z.enum(AGENCIES),
  requested: isoDate.nullable(),
  received: isoDate.nullable(),
  appended: z.boolean(),
});

const reason = z
  .string()
  .max(MAX_FIELD_LENGTH)
  .refine((r) => r.trim() !== "", { message: "give the reason in words" });

const decisionOn = {
  requestId: IdSchema,
  recommendationId: IdSchema,
  /** The day the caseworker decided. */
  on: isoDate,
};

/**
 * What the caseworker decided about one recommendation of a piece of advice that is not simply
 * in the plan (an item whose `source` names it is in the plan, and needs no decision): merged into
 * another item (`into`, its id), not included (`declined`, with the reason), or, when the advice
 * changed after it was lifted, the item `kept` as it is, with the reason and the version reviewed.
 * A recommendation has at most one decision; a later one replaces it (format version 1.2).
 */
export const AdviceDecisionSchema = z.discriminatedUnion("decision", [
  z.strictObject({ ...decisionOn, decision: z.literal("merged"), into: IdSchema }),
  z.strictObject({ ...decisionOn, decision: z.literal("declined"), reason }),
  z.strictObject({
    ...decisionOn,
    decision: z.literal("kept"),
    reason,
    version: z.int().min(1).max(10_000),
  }),
]);

export const ADVICE_DECISIONS = ["merged", "declined", "kept"] as const;

export const SectionKSchema = z.strictObject({
  advice: z.array(AdviceSchema),
  /** The caseworker's decisions on the advice's recommendations (format version 1.2). */
  decisions: z.array(AdviceDecisionSchema).optional(),
});

export const SectionsSchema = z.strictObject({
  A: SectionASchema,
  B: SectionBSchema,
  C: SectionCSchema,
  D: SectionDSchema,
  E: SectionESchema,
  F: ProvisionSectionSchema,
  G: ProvisionSectionSchema,
  H1: ProvisionSectionSchema,
  H2: ProvisionSectionSchema,
  I: SectionISchema,
  J: SectionJSchema,
  K: SectionKSchema,
});

export const PlanSchema = z
  .strictObject({
    format: z.literal(PLAN_FORMAT),
    formatVersion: z.union([
      z.literal(PLAN_FORMAT_VERSIONS[0]),
      z.literal(PLAN_FORMAT_VERSIONS[1]),
      z.literal(PLAN_FORMAT_VERSIONS[2]),
    ]),
    id: IdSchema,
    meta: MetaSchema,
    sections: SectionsSchema,
  })
  .superRefine((plan, ctx) => {
    // A reader of version 1 would drop the languages: such a plan must say it needs 1.1.
    if (plan.formatVersion < LANG_FORMAT_VERSION && usesLang(plan.sections)) {
      ctx.addIssue({
        code: "custom",
        path: ["formatVersion"],
        message: `a plan that gives a language ("lang") is format version ${LANG_FORMAT_VERSION}; this one says ${plan.formatVersion}`,
      });
    }
    // Likewise a reader of 1.1 would drop where items came from and the decisions on advice.
    const source = plan.formatVersion < SOURCE_FORMAT_VERSION && firstSourcePath(plan.sections);
    if (source) {
      ctx.addIssue({
        code: "custom",
        path: source,
        message: `a plan that records where an item came from ("source") or decisions on advice is format version ${SOURCE_FORMAT_VERSION}; this one says ${plan.formatVersion}`,
      });
    }
  });

export type Plan = z.infer<typeof PlanSchema>;
export type Meta = Plan["meta"];
export type Sections = Plan["sections"];
export type SectionKey = keyof Sections;
export type View = z.infer<typeof ViewSchema>;
export type Need = Plan["sections"]["B" | "C" | "D"]["needs"][number];
export type NeedsSectionKey = "B" | "C" | "D";
export type NeedArea = Need["area"];
export type Outcome = z.infer<typeof OutcomeSchema>;
export type OutcomeStep = z.infer<typeof OutcomeStepSchema>;
export type Provision = z.infer<typeof ProvisionSchema>;
export type ProvisionSectionKey = "F" | "G" | "H1" | "H2";
export type Frequency = z.infer<typeof FrequencySchema>;
export type Duration = z.infer<typeof DurationSchema>;
export type Placement = z.infer<typeof PlacementSchema>;
export type BudgetItem = z.infer<typeof BudgetItemSchema>;
export type Advice = z.infer<typeof AdviceSchema>;
export type ItemSource = z.infer<typeof ItemSourceSchema>;
export type AdviceDecision = z.infer<typeof AdviceDecisionSchema>;

/** Section keys in statutory order. */
export const SECTION_KEYS = [
  "A",
  "B",
  "C",
  "D",
  "E",
  "F",
  "G",
  "H1",
  "H2",
  "I",
  "J",
  "K",
] as const satisfies readonly SectionKey[];

export const NEEDS_SECTION_KEYS = ["B", "C", "D"] as const satisfies readonly NeedsSectionKey[];
export const PROVISION_SECTION_KEYS = [
  "F",
  "G",
  "H1",
  "H2",
] as const satisfies readonly ProvisionSectionKey[];

/** The headings the law and the national template give each section. */
export const SECTION_TITLES: Readonly<Record<SectionKey, string>> = {
  A: "Views, interests and aspirations",
  B: "Special educational needs",
  C: "Health needs",
  D: "Social care needs",
  E: "Outcomes",
  F: "Special educational provision",
  G: "Health provision",
  H1: "Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970",
  H2: "Other social care provision",
  I: "Placement",
  J: "Personal budget",
  K: "Advice and information",
};
