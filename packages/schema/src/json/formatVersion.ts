/** The value of `format` in every Plan JSON document. */
export const PLAN_FORMAT = "ehcp-plan";

/** The Plan JSON format version this code reads and writes. Older versions are migrated on read. */
export const PLAN_FORMAT_VERSION = 1;
