import type { Finding } from "@ehcp/schema";

/** What a finding's severity asks of the writer, in the words the panels and cards use. */
export const SEVERITY_NAMES: Readonly<Record<Finding["severity"], string>> = {
  error: "Must fix",
  warning: "Should fix",
  info: "Consider",
};
