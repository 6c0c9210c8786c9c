export type { BlankPlanOptions } from "./json/blankPlan.js";
export { blankPlan } from "./json/blankPlan.js";
export { checkIntegrity } from "./items/checkIntegrity.js";
export type { FieldChange, ItemChange } from "./items/comparePlans.js";
export { CHANGE_KIND_NAMES, comparePlans, FIELDS_NOT_COMPARED } from "./items/comparePlans.js";
export { itemFingerprint } from "./items/itemFingerprint.js";
export { checkPlanNode } from "./prosemirror/checkPlanNode.js";
export type { CommentAuthor, CommentThread, PlanComment } from "./comments/commentThread.js";
export {
  COMMENTS_MAP_NAME,
  CommentSchema,
  CommentThreadSchema,
  readCommentThreads,
} from "./comments/commentThread.js";
export { createId } from "./items/createId.js";
export type { FoundSuggestion } from "./suggestions/decideSuggestion.js";
export { decideSuggestion } from "./suggestions/decideSuggestion.js";
export type { PlanPart, Role, SectionPolicy } from "./roles/sectionPolicy.js";
export {
  DEFAULT_SECTION_POLICY,
  DEFAULT_SUGGEST_POLICY,
  describeRefusal,
  ROLES,
} from "./roles/sectionPolicy.js";
export { docToPlan } from "./prosemirror/docToPlan.js";
export type { Finding, Severity } from "./errors/Finding.js";
export {
  LANG_FORMAT_VERSION,
  PLAN_FORMAT,
  PLAN_FORMAT_VERSION,
  PLAN_FORMAT_VERSIONS,
  SOURCE_FORMAT_VERSION,
} from "./json/formatVersion.js";
export { firstSourcePath } from "./json/firstSourcePath.js";
export { isLanguageTag } from "./json/isLanguageTag.js";
export { languageDirection } from "./json/languageDirection.js";
export { MAX_DEPTH, MAX_FIELD_LENGTH, MAX_TEXT_LENGTH } from "./json/limits.js";
export type {
  Advice,
  AdviceDecision,
  BudgetItem,
  Duration,
  Frequency,
  ItemSource,
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
  ADVICE_DECISIONS,
  AdviceDecisionSchema,
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
  ItemSourceSchema,
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
export type { PathSegment } from "./errors/jsonPath.js";
export { formatJsonPath } from "./errors/jsonPath.js";
export { describeZodIssue } from "./errors/describeZodIssue.js";
export { labelPlan } from "./items/labelPlan.js";
export { labelAt } from "./items/labelAt.js";
export type { PlanMigration } from "./json/migratePlan.js";
export { migratePlan, PLAN_MIGRATIONS } from "./json/migratePlan.js";
export { normalizeRichText } from "./json/normalizeRichText.js";
export type { PlanFormatIssue } from "./errors/PlanFormatError.js";
export { PlanFormatError } from "./errors/PlanFormatError.js";
export type { SafeParsePlanResult } from "./json/parsePlan.js";
export { parsePlan, safeParsePlan } from "./json/parsePlan.js";
export { parsePlanJson } from "./json/parsePlanJson.js";
export type { PlanItem, PlanItemKind } from "./items/planItems.js";
export { planItems } from "./items/planItems.js";
export { PLAN_JSON_SCHEMA_ID, planJsonSchema } from "./json/planJsonSchema.js";
export type { PlanMarkName, PlanNodeName } from "./prosemirror/planSchema.js";
export {
  PLAN_NODE_ATTRS,
  PLAN_SCHEMA_VERSION,
  planSchema,
  SECTION_KEY_OF,
  SECTION_NODE_NAMES,
} from "./prosemirror/planSchema.js";
export { planToDoc, planToDocJSON } from "./prosemirror/planToDoc.js";
export { PLAN_FRAGMENT_NAME, planToYDoc } from "./yjs/planToYDoc.js";
export type { AdviceDate } from "./advice/adviceDates.js";
export { adviceDates } from "./advice/adviceDates.js";
export { adviceDueDate } from "./advice/adviceDueDate.js";
export {
  ADVICE_AUTHOR_PARTS,
  ADVICE_SECTIONS,
  adviceDocumentName,
  blankAdvice,
  parseAdviceDocumentName,
} from "./advice/adviceDocument.js";
export type { AdviceExport } from "./advice/adviceExport.js";
export {
  ADVICE_EXPORT_FORMAT,
  ADVICE_EXPORT_VERSION,
  AdviceExportSchema,
  parseAdviceExport,
} from "./advice/adviceExport.js";
export { ADVICE_JSON_SCHEMA_ID, adviceJsonSchema } from "./advice/adviceJsonSchema.js";
export type { AdviceRequest, AdviserRole } from "./advice/adviceRequest.js";
export type { AdviceRecommendation } from "./advice/adviceRecommendations.js";
export { adviceRecommendations, LIFT_SECTIONS } from "./advice/adviceRecommendations.js";
export { recommendationText } from "./advice/recommendationText.js";
export type { LiftedItem, RecommendationUse } from "./advice/recommendationUse.js";
export { recommendationUse } from "./advice/recommendationUse.js";
export {
  ADVICE_REQUESTS_MAP_NAME,
  AdviceRequestSchema,
  ADVISER_ROLE_NAMES,
  ADVISER_ROLES,
  readAdviceRequests,
  writesAdvice,
} from "./advice/adviceRequest.js";
export { formatDate } from "./dates/formatDate.js";
export { spokenDate } from "./dates/spokenDate.js";
export type { StatutoryDate } from "./dates/statutoryDates.js";
export { statutoryDates } from "./dates/statutoryDates.js";
export {
  AGENCY_NAMES,
  AREA_NAMES,
  ARRANGEMENT_NAMES,
  INSTITUTION_TYPE_NAMES,
  nameOf,
  PERIOD_NAMES,
  PFA_NAMES,
  ROLE_NAMES,
  TOPIC_NAMES,
  VOICE_NAMES,
  VOICE_PHRASES,
} from "./vocabulary/valueNames.js";
export { yDocToPlan } from "./yjs/yDocToPlan.js";
export { yElementToNode, yFragmentToDoc } from "./yjs/yElementToNode.js";
export { markOfAttribute } from "./yjs/markOfAttribute.js";
export type { CouncilDecision, Representation } from "./representations/representation.js";
export {
  CouncilDecisionSchema,
  DECISIONS_MAP_NAME,
  REPRESENTATIONS_MAP_NAME,
  RepresentationSchema,
  readCouncilDecisions,
  readRepresentations,
} from "./representations/representation.js";
export type { Suggestion } from "./suggestions/listSuggestions.js";
export { listSuggestions } from "./suggestions/listSuggestions.js";
export { hasSuggestions, withoutSuggestions } from "./suggestions/withoutSuggestions.js";
