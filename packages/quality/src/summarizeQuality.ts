import {
  type Finding,
  type NeedsSectionKey,
  type Plan,
  type ProvisionSectionKey,
  SECTION_KEYS,
  type SectionKey,
  type Severity,
} from "@ehcp/schema";
import { plainText } from "./text/plainText.js";
import { Thread } from "./Thread.js";

/** An item in the traceability matrix. */
export interface TraceLink {
  readonly id: string;
  readonly label: string;
  readonly section: SectionKey;
  /** A need's title, or the first words of an outcome or a provision. */
  readonly title: string;
}

export type TraceBreak = "no-outcome" | "no-provision" | "outcome-without-provision";

/** One need, the outcomes that name it, and the provisions that serve each outcome. */
export interface TraceabilityRow {
  readonly need: TraceLink;
  readonly outcomes: readonly (TraceLink & { readonly provisions: readonly TraceLink[] })[];
  /** Provisions naming the need directly but serving none of its outcomes. */
  readonly directProvisions: readonly TraceLink[];
  /** Where the chain from this need breaks; empty when it holds. */
  readonly breaks: readonly TraceBreak[];
}

type Counts = Record<Severity, number>;

export interface QualitySummary {
  readonly counts: Readonly<Counts>;
  readonly bySection: Readonly<Record<SectionKey | "meta", Readonly<Counts>>>;
  readonly traceability: readonly TraceabilityRow[];
  /** Outcomes that name no need. */
  readonly outcomesWithoutNeed: readonly TraceLink[];
  /** Provisions that name no outcome. */
  readonly provisionsWithoutOutcome: readonly TraceLink[];
}

const PROVISION_FOR: Record<NeedsSectionKey, readonly ProvisionSectionKey[]> = {
  B: ["F"],
  C: ["G"],
  D: ["H1", "H2"],
};

const firstWords = (text: string, n = 12) => {
  const words = text.trim().split(/\s+/);
  return words.length > n ? `${words.slice(0, n).join(" ")}…` : words.join(" ");
};

/**
 * Counts of findings by severity and section, and the traceability matrix: each need, the
 * outcomes that name it, the provisions that serve them, and where the chain breaks.
 */
export function summarizeQuality(plan: Plan, findings: readonly Finding[]): QualitySummary {
  const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });
  const counts = zero();
  const bySection = Object.fromEntries([...SECTION_KEYS, "meta"].map((k) => [k, zero()])) as Record<
    SectionKey | "meta",
    Counts
  >;
  for (const f of findings) {
    counts[f.severity]++;
    bySection[f.section][f.severity]++;
  }

  const thread = new Thread(plan);
  const outcomeLink = (e: Thread["outcomes"][number]): TraceLink => ({
    id: e.outcome.id,
    label: e.label,
    section: "E",
    title: firstWords(plainText(e.outcome.statement)),
  });
  const provisionLink = (e: Thread["provisions"][number]): TraceLink => ({
    id: e.provision.id,
    label: e.label,
    section: e.section,
    title: firstWords(plainText(e.provision.what)),
  });

  const traceability = thread.needs.map(({ need, section, label }): TraceabilityRow => {
    const outcomes = thread.outcomesOf(need.id).map((o) => ({
      ...outcomeLink(o),
      provisions: thread.provisionsOfOutcome(o.outcome.id).map(provisionLink),
    }));
    const viaOutcomes = new Set(outcomes.flatMap((o) => o.provisions.map((p) => p.id)));
    const directProvisions = thread
      .provisionsServing(need.id)
      .filter((e) => !viaOutcomes.has(e.provision.id))
      .map(provisionLink);
    const breaks: TraceBreak[] = [];
    if (outcomes.length === 0) breaks.push("no-outcome");
    if (outcomes.some((o) => o.provisions.length === 0)) breaks.push("outcome-without-provision");
    if (thread.provisionsServing(need.id, PROVISION_FOR[section]).length === 0)
      breaks.push("no-provision");
    return {
      need: { id: need.id, label, section, title: need.title },
      outcomes,
      directProvisions,
      breaks,
    };
  });

  return {
    counts,
    bySection,
    traceability,
    outcomesWithoutNeed: thread.outcomes
      .filter((e) => e.outcome.needIds.length === 0)
      .map(outcomeLink),
    provisionsWithoutOutcome: thread.provisions
      .filter((e) => e.provision.outcomeIds.length === 0)
      .map(provisionLink),
  };
}
