import type { Finding } from "@ehcp/schema";
import { plural } from "./plural.js";

/** What the title page of a copy made despite integrity problems says, and the problems. */
export function draftCopyNotice(findings: readonly Finding[]): {
  readonly heading: string;
  readonly intro: string;
  readonly items: readonly string[];
} {
  return {
    heading: `Draft copy, not for issue: the plan has ${plural(findings.length, "problem")}`,
    intro:
      "This copy was made although the plan's structure is broken, so some links in it may lead nowhere. Put these right before the plan is issued:",
    items: findings.map((f) => `${f.message} (${f.path})`),
  };
}
