// The policy is part of the plan model, shared with the editor; the server re-exports it.
export { DEFAULT_SECTION_POLICY, describeRefusal } from "@ehcp/schema";
export type { PlanPart, SectionPolicy } from "@ehcp/schema";
