export { PLAN_FORMAT, PLAN_FORMAT_VERSION } from "./formatVersion.js";
export {
  AGENCIES,
  AREAS_OF_NEED,
  AdviceSchema,
  BUDGET_ARRANGEMENTS,
  BudgetItemSchema,
  DurationSchema,
  FREQUENCY_PERIODS,
  FrequencySchema,
  ID_PATTERN,
  INSTITUTION_TYPES,
  IdSchema,
  MetaSchema,
  NEED_AREAS,
  NEEDS_SECTION_KEYS,
  OutcomeSchema,
  OutcomeStepSchema,
  PFA_AREAS,
  PROVISION_SECTION_KEYS,
  PlacementSchema,
  PlanSchema,
  ProvisionSchema,
  SECTION_KEYS,
  SECTION_TITLES,
  VIEW_TOPICS,
  VOICES,
  ViewSchema,
} from "./json/plan.js";
export type {
  Advice,
  BudgetItem,
  Duration,
  Frequency,
  Meta,
  Need,
  NeedArea,
  NeedsSectionKey,
  Outcome,
  OutcomeStep,
  Placement,
  Plan,
  Provision,
  ProvisionSectionKey,
  SectionKey,
  Sections,
  View,
} from "./json/plan.js";
export { BlockSchema, MARK_ORDER, MarkSchema, RichTextSchema } from "./json/richText.js";
export type { Block, Mark, RichText, TextNode } from "./json/richText.js";
export { MAX_DEPTH, MAX_FIELD_LENGTH, MAX_TEXT_LENGTH } from "./json/limits.js";
export { formatJsonPath } from "./jsonPath.js";
export type { PathSegment } from "./jsonPath.js";
export { PlanFormatError } from "./PlanFormatError.js";
export type { PlanFormatIssue } from "./PlanFormatError.js";
export { parsePlan, safeParsePlan } from "./parsePlan.js";
export { parsePlanJson } from "./parsePlanJson.js";
export type { SafeParsePlanResult } from "./parsePlan.js";
export { normalizeRichText } from "./normalizeRichText.js";
export { migratePlan, PLAN_MIGRATIONS } from "./migratePlan.js";
export type { PlanMigration } from "./migratePlan.js";
export { planJsonSchema, PLAN_JSON_SCHEMA_ID } from "./planJsonSchema.js";
export { planSchema, PLAN_NODE_ATTRS, SECTION_NODE_NAMES } from "./planSchema.js";
export type { PlanMarkName, PlanNodeName } from "./planSchema.js";
export { planToDoc, planToDocJSON } from "./planToDoc.js";
export { docToPlan } from "./docToPlan.js";
export { planToYDoc, PLAN_FRAGMENT_NAME } from "./planToYDoc.js";
export { yDocToPlan } from "./yDocToPlan.js";
export type { Finding, Severity } from "./Finding.js";
export { checkIntegrity } from "./checkIntegrity.js";
export { planItems } from "./planItems.js";
export type { PlanItem, PlanItemKind } from "./planItems.js";
export { labelPlan } from "./labelPlan.js";
export { createId } from "./createId.js";
export { blankPlan } from "./blankPlan.js";
export type { BlankPlanOptions } from "./blankPlan.js";
