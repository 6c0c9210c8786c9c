export type { BlankPlanOptions } from "./blankPlan.js";
export { blankPlan } from "./blankPlan.js";
export { checkIntegrity } from "./checkIntegrity.js";
export type { FieldChange, ItemChange } from "./comparePlans.js";
export { CHANGE_KIND_NAMES, comparePlans, FIELDS_NOT_COMPARED } from "./comparePlans.js";
export { itemFingerprint } from "./itemFingerprint.js";
export { checkPlanNode } from "./checkPlanNode.js";
export type { CommentAuthor, CommentThread, PlanComment } from "./commentThread.js";
export {
  COMMENTS_MAP_NAME,
  CommentSchema,
  CommentThreadSchema,
  readCommentThreads,
} from "./commentThread.js";
export { createId } from "./createId.js";
export type { FoundSuggestion } from "./decideSuggestion.js";
export { decideSuggestion } from "./decideSuggestion.js";
export type { PlanPart, Role, SectionPolicy } from "./sectionPolicy.js";
export {
  DEFAULT_SECTION_POLICY,
  DEFAULT_SUGGEST_POLICY,
  describeRefusal,
  ROLES,
} from "./sectionPolicy.js";
export { docToPlan } from "./docToPlan.js";
export type { Finding, Severity } from "./Finding.js";
export { PLAN_FORMAT, PLAN_FORMAT_VERSION } from "./formatVersion.js";
export { MAX_DEPTH, MAX_FIELD_LENGTH, MAX_TEXT_LENGTH } from "./json/limits.js";
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
export {
  AdviceSchema,
  AGENCIES,
  AREAS_OF_NEED,
  BUDGET_ARRANGEMENTS,
  BudgetItemSchema,
  DurationSchema,
  FREQUENCY_PERIODS,
  FrequencySchema,
  ID_PATTERN,
  IdSchema,
  INSTITUTION_TYPES,
  MetaSchema,
  NEED_AREAS,
  NEEDS_SECTION_KEYS,
  OutcomeSchema,
  OutcomeStepSchema,
  PFA_AREAS,
  PlacementSchema,
  PlanSchema,
  PROVISION_SECTION_KEYS,
  ProvisionSchema,
  SECTION_KEYS,
  SECTION_TITLES,
  VIEW_TOPICS,
  ViewSchema,
  VOICES,
} from "./json/plan.js";
export type { Block, Mark, RichText, TextNode } from "./json/richText.js";
export { BlockSchema, MARK_ORDER, MarkSchema, RichTextSchema } from "./json/richText.js";
export type { PathSegment } from "./jsonPath.js";
export { formatJsonPath } from "./jsonPath.js";
export { describeZodIssue } from "./describeZodIssue.js";
export { labelPlan } from "./labelPlan.js";
export { labelAt } from "./labelAt.js";
export type { PlanMigration } from "./migratePlan.js";
export { migratePlan, PLAN_MIGRATIONS } from "./migratePlan.js";
export { normalizeRichText } from "./normalizeRichText.js";
export type { PlanFormatIssue } from "./PlanFormatError.js";
export { PlanFormatError } from "./PlanFormatError.js";
export type { SafeParsePlanResult } from "./parsePlan.js";
export { parsePlan, safeParsePlan } from "./parsePlan.js";
export { parsePlanJson } from "./parsePlanJson.js";
export type { PlanItem, PlanItemKind } from "./planItems.js";
export { planItems } from "./planItems.js";
export { PLAN_JSON_SCHEMA_ID, planJsonSchema } from "./planJsonSchema.js";
export type { PlanMarkName, PlanNodeName } from "./planSchema.js";
export {
  PLAN_NODE_ATTRS,
  PLAN_SCHEMA_VERSION,
  planSchema,
  SECTION_KEY_OF,
  SECTION_NODE_NAMES,
} from "./planSchema.js";
export { planToDoc, planToDocJSON } from "./planToDoc.js";
export { PLAN_FRAGMENT_NAME, planToYDoc } from "./planToYDoc.js";
export { spokenDate } from "./spokenDate.js";
export type { StatutoryDate } from "./statutoryDates.js";
export { statutoryDates } from "./statutoryDates.js";
export { yDocToPlan } from "./yDocToPlan.js";
export { yElementToNode } from "./yElementToNode.js";
export type { CouncilDecision, Representation } from "./representation.js";
export {
  CouncilDecisionSchema,
  DECISIONS_MAP_NAME,
  REPRESENTATIONS_MAP_NAME,
  RepresentationSchema,
  readCouncilDecisions,
  readRepresentations,
} from "./representation.js";
export type { Suggestion } from "./listSuggestions.js";
export { listSuggestions } from "./listSuggestions.js";
export { hasSuggestions, withoutSuggestions } from "./withoutSuggestions.js";
