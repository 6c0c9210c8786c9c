import type { Finding, Plan } from "@ehcp/schema";
import type { CheckedItem } from "./FieldCache.js";
import type { PlanField } from "./planFields.js";
import type { ResolvedConfig } from "./QualityConfig.js";
import type { LanguageReading } from "./text/readLanguage.js";
import type { Thread } from "./Thread.js";

/** What every rule reads: the plan and what is derived from it once per check. */
export interface RuleContext {
  readonly plan: Plan;
  readonly config: ResolvedConfig;
  readonly fields: readonly PlanField[];
  /**
   * The plan's items in document order, each with its fields (together, `fields`): an item that
   * did not change since the last check is the very same object, so what a rule remembers of
   * it is found by identity, once an item rather than once a field.
   */
  readonly items: readonly CheckedItem[];
  /**
   * The text and words of the field at a JSON path, as `fields` holds them (empty for an empty
   * field), so rules never split a text into words a second time.
   */
  readonly fieldAt: (path: string) => Pick<PlanField, "text" | "tokens">;
  /**
   * The language model's reading of the field at a JSON path (sentences, parts of speech,
   * lemmas, negation, entities), made only when a rule asks and kept while the text stays.
   */
  readonly languageAt: (path: string) => LanguageReading;
  readonly thread: Thread;
  /** The name to use for the child in messages ("Sam"). */
  readonly childName: string;
  /** The child's possessive pronoun from the plan's pronouns ("her", "his", "their"). */
  readonly childPossessive: string;
  /**
   * A rule's findings on one field, remembered between checks while the field's text, place,
   * label, the child's name and the settings stay the same. Only for findings that depend on
   * nothing else in the plan.
   */
  readonly perField: <T>(rule: string, field: FieldKey, compute: () => T) => T;
  /**
   * A result remembered between checks while `key` (what it is worked out from, e.g. the
   * plan's ids and links) is the same, element by element.
   */
  /**
   * What `compute` gives for a text under `name`, worked out once in a check however many fields
   * hold that text: only for what reads nothing but the text and what `name` says.
   */
  readonly perText: <T>(name: string, text: string, compute: () => T) => T;
  readonly byKey: <T>(name: string, key: readonly unknown[], compute: () => T) => T;
  /**
   * Everything the golden thread and the integrity check read (each item's id, place and links,
   * a need's title, the advice's ids), as a key for `byKey`: made once per check, and an item
   * whose words alone changed keeps its part of it as the same object.
   */
  readonly threadKey: () => readonly unknown[];
}

/** What a per-field result is remembered by, besides the rule and the settings. */
export interface FieldKey {
  readonly path: string;
  readonly text: string;
  readonly label: string;
  readonly target: string;
}

/** A finding as a rule reports it; `checkPlan` adds the rule id, severity and source. */
export type RuleFinding = Omit<Finding, "rule" | "severity" | "source">;

export type RuleCheck = (context: RuleContext) => RuleFinding[];
