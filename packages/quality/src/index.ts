export { ADVICE_RULES, checkAdvice } from "./checkAdvice.js";
export { checkPlan, createPlanChecker } from "./checkPlan.js";
export type { PlanChecker } from "./checkPlan.js";
export { QualityConfigError, QualityConfigSchema, parseQualityConfig } from "./QualityConfig.js";
export type {
  QualityConfig,
  QualityConfigJson,
  SubmittedRecommendations,
} from "./QualityConfig.js";
export { RULE_CATALOGUE, RULE_IDS } from "./ruleCatalogue.js";
export type { RuleId } from "./ruleCatalogue.js";
export { createCopyIndex, findCopiedText } from "./copied/CopyIndex.js";
export type { CopyIndex, CopyIndexOptions } from "./copied/CopyIndex.js";
export { summarizeQuality } from "./summarizeQuality.js";
export type { QualitySummary, TraceabilityRow, TraceLink } from "./summarizeQuality.js";
export { DEFAULT_VAGUE_WORDS } from "./defaults/vagueWords.js";
export { DEFAULT_GLOSSARY } from "./defaults/glossary.js";
export { DEFAULT_BLAND_PHRASES } from "./defaults/blandPhrases.js";
export { plainText } from "./text/plainText.js";
export { forTheChild } from "./text/forTheChild.js";
