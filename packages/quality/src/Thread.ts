import {
  labelAt,
  NEEDS_SECTION_KEYS,
  type Need,
  type NeedsSectionKey,
  type Outcome,
  type Plan,
  PROVISION_SECTION_KEYS,
  type Provision,
  type ProvisionSectionKey,
} from "@ehcp/schema";

export interface NeedEntry {
  readonly need: Need;
  readonly section: NeedsSectionKey;
  readonly index: number;
  /** B2, by position, so two items that share an id still get their own labels. */
  readonly label: string;
}
export interface OutcomeEntry {
  readonly outcome: Outcome;
  readonly index: number;
  readonly label: string;
}
export interface ProvisionEntry {
  readonly provision: Provision;
  readonly section: ProvisionSectionKey;
  readonly index: number;
  readonly label: string;
}

/**
 * The links of a plan's golden thread, indexed both ways: which outcomes name a need, which
 * provisions serve an outcome or name a need directly.
 */
export class Thread {
  readonly needs: readonly NeedEntry[];
  readonly outcomes: readonly OutcomeEntry[];
  readonly provisions: readonly ProvisionEntry[];
  readonly #outcomesOfNeed = new Map<string, OutcomeEntry[]>();
  readonly #provisionsOfOutcome = new Map<string, ProvisionEntry[]>();
  readonly #provisionsOfNeed = new Map<string, ProvisionEntry[]>();

  /**
   * The thread of a whole plan, or with `only` the given entries and no links: what a rule that
   * judges each item by itself reads when the checker runs it on one item.
   */
  constructor(
    plan: Plan,
    only?: {
      readonly needs: readonly NeedEntry[];
      readonly outcomes: readonly OutcomeEntry[];
      readonly provisions: readonly ProvisionEntry[];
    },
  ) {
    if (only) {
      this.needs = only.needs;
      this.outcomes = only.outcomes;
      this.provisions = only.provisions;
      return;
    }
    this.needs = NEEDS_SECTION_KEYS.flatMap((section) =>
      plan.sections[section].needs.map((need, index) => ({
        need,
        section,
        index,
        label: labelAt(section, index),
      })),
    );
    this.outcomes = plan.sections.E.outcomes.map((outcome, index) => ({
      outcome,
      index,
      label: labelAt("E", index),
    }));
    this.provisions = PROVISION_SECTION_KEYS.flatMap((section) =>
      plan.sections[section].provisions.map((provision, index) => ({
        provision,
        section,
        index,
        label: labelAt(section, index),
      })),
    );
    const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key);
      if (list) {
        if (!list.includes(value)) list.push(value);
      } else map.set(key, [value]);
    };
    for (const entry of this.outcomes) {
      for (const id of entry.outcome.needIds) add(this.#outcomesOfNeed, id, entry);
    }
    for (const entry of this.provisions) {
      for (const id of entry.provision.outcomeIds) add(this.#provisionsOfOutcome, id, entry);
      for (const id of entry.provision.needIds) add(this.#provisionsOfNeed, id, entry);
    }
  }

  /** Outcomes whose `needIds` name the need. */
  outcomesOf(needId: string): readonly OutcomeEntry[] {
    return this.#outcomesOfNeed.get(needId) ?? [];
  }

  /** Provisions whose `outcomeIds` name the outcome. */
  provisionsOfOutcome(outcomeId: string): readonly ProvisionEntry[] {
    return this.#provisionsOfOutcome.get(outcomeId) ?? [];
  }

  /**
   * Provisions that serve a need: those naming it directly and those serving an outcome that
   * names it, optionally only in the given sections.
   */
  provisionsServing(needId: string, sections?: readonly ProvisionSectionKey[]): ProvisionEntry[] {
    const found = new Set<ProvisionEntry>(this.#provisionsOfNeed.get(needId));
    for (const { outcome } of this.outcomesOf(needId)) {
      for (const entry of this.provisionsOfOutcome(outcome.id)) found.add(entry);
    }
    return [...found].filter((e) => !sections || sections.includes(e.section));
  }
}
