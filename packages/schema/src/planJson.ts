// Reading Plan JSON and nothing else (no ProseMirror, no Yjs), for programs that only read plans
// and must start quickly, such as the command line (`@ehcp/schema/json`).
export { parsePlan, safeParsePlan } from "./json/parsePlan.js";
export type { SafeParsePlanResult } from "./json/parsePlan.js";
export { parsePlanJson } from "./json/parsePlanJson.js";
export { PlanFormatError } from "./errors/PlanFormatError.js";
export type { PlanFormatIssue } from "./errors/PlanFormatError.js";
export type { Plan } from "./json/plan.js";
export { parseAdviceExport } from "./advice/adviceExport.js";
export type { AdviceExport } from "./advice/adviceExport.js";
