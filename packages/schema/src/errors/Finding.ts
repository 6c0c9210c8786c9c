import type { SectionKey } from "../json/plan.js";

export type Severity = "error" | "warning" | "info";

/**
 * One problem found in a plan, by the integrity check here or by the plan checker. The editor, the
 * server, the CLI and the exporters all read this one shape.
 */
export interface Finding {
  /** Rule id from the quality rules, e.g. `dangling-link`. */
  readonly rule: string;
  readonly severity: Severity;
  /** The section the finding is in; `meta` for the plan details. */
  readonly section: SectionKey | "meta";
  /** The id of the item concerned, or the section letter when it is about a whole section. */
  readonly target: string;
  /** JSON path of the field concerned, e.g. `sections.E.outcomes[2].needIds[0]`. */
  readonly path: string;
  /** What is wrong and how to put it right, naming items by their labels (F3). */
  readonly message: string;
  /** What the rule rests on: a regulation, the Code of Practice, case law, or `integrity`. */
  readonly source: string;
  /** For wording rules, the characters within the field's text that the finding concerns. */
  readonly range?: { readonly from: number; readonly to: number };
}
