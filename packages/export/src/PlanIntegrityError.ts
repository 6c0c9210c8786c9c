import type { Finding } from "@ehcp/schema";
import { plural } from "./text/plural.js";

/**
 * A plan whose structure `ehcp validate` rejects (an id used twice, a link to a missing item) was
 * not exported: a family or a tribunal would be sent a plan whose links lead nowhere. `findings`
 * names each item and where it is in Plan JSON; `allowFindings` makes a draft copy anyway.
 */
export class PlanIntegrityError extends Error {
  override readonly name = "PlanIntegrityError";
  readonly findings: readonly Finding[];

  constructor(findings: readonly Finding[]) {
    super(
      `the plan's structure has ${plural(findings.length, "problem")}: ${findings.map((f) => `${f.path}: ${f.message}`).join(" ")}`,
    );
    this.findings = findings;
  }
}
