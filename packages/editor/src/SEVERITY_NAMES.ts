import type { Finding } from "@ehcp/schema";

/**
 * What a finding's severity asks of the writer, in the words every count and list uses (see
 * `findingCounts`): the task list, the cards, the quality panel and the caseload alike.
 */
export const SEVERITY_NAMES: Readonly<Record<Finding["severity"], string>> = {
  error: "Must fix",
  warning: "To check",
  info: "To consider",
};
