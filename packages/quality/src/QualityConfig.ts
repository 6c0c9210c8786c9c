import { describeZodIssue, type PlanFormatIssue, type Severity } from "@ehcp/schema";
import { z } from "zod";
import type { CopyIndex } from "./copied/CopyIndex.js";
import { DEFAULT_BLAND_PHRASES } from "./defaults/blandPhrases.js";
import { DEFAULT_GLOSSARY } from "./defaults/glossary.js";
import { DEFAULT_VAGUE_WORDS } from "./defaults/vagueWords.js";
import { RULE_IDS, type RuleId } from "./ruleCatalogue.js";

const ruleSetting = z.enum(["off", "error", "warning", "info"]);
const words = z.array(z.string().min(1).max(200)).max(5000);

/** A council's settings for the checker, as a JSON file holds them (`ehcp check --config`). */
export const QualityConfigSchema = z.strictObject({
  /** The date time rules count from, YYYY-MM-DD. Default: the day `checkPlan` is called. */
  today: z.iso.date().optional(),
  /** Switch a rule off or change its severity. */
  rules: z.partialRecord(z.enum(RULE_IDS as [RuleId, ...RuleId[]]), ruleSetting).optional(),
  /** Vague words and phrases: `add` to the defaults, or `replace` them. `#` stands for a count. */
  vagueWords: z
    .strictObject({ add: words.optional(), replace: words.optional(), allow: words.optional() })
    .optional(),
  /** Jargon: term → plain explanation. `add` to the defaults or `replace` them; `allow` exempts terms. */
  glossary: z
    .strictObject({
      add: z.record(z.string().min(1).max(100), z.string().max(500)).optional(),
      replace: z.record(z.string().min(1).max(100), z.string().max(500)).optional(),
      allow: words.optional(),
    })
    .optional(),
  /** Bland phrases for section A: `add` to the defaults or `replace` them. */
  blandPhrases: z.strictObject({ add: words.optional(), replace: words.optional() }).optional(),
  /** Preparing-for-adulthood outcomes are required from this year group (default 9)... */
  pfaFromYear: z.int().min(0).max(14).optional(),
  /** ...or from this age (default 14), whichever comes first. */
  pfaFromAge: z.int().min(0).max(25).optional(),
  /** The council's outcomes framework: the "I" statements an outcome's `frameworkRef` may cite. */
  outcomesFramework: z.array(z.string().min(1).max(500)).max(2000).optional(),
});

export type QualityConfigJson = z.infer<typeof QualityConfigSchema>;

/** Settings for `checkPlan`: a council's JSON settings, and an index of other plans for `copied-text`. */
export interface QualityConfig extends QualityConfigJson {
  /** Other children's plans, indexed once with `createCopyIndex`, for the `copied-text` rule. */
  readonly copyIndex?: CopyIndex;
  /**
   * The advice submitted for the plan, for `advice-recommendation-undecided`: Plan JSON records
   * what became of a recommendation (an item's source, a decision in K) but not the advice
   * itself, so whoever holds the advice (the server, the playground) passes its recommendations.
   */
  readonly advice?: readonly SubmittedRecommendations[];
}

/** One piece of submitted advice, as the checker needs it: whose, and what it recommends. */
export interface SubmittedRecommendations {
  readonly requestId: string;
  /** Who gave it, as messages name them: "Dr Ana Ruiz (educational psychologist)". */
  readonly from: string;
  /** Its recommendations in the latest submitted version, labelled as the advice labels them. */
  readonly recommendations: readonly { readonly id: string; readonly label: string }[];
}

/** A configuration with every default filled in, as the rules read it. */
export interface ResolvedConfig {
  readonly today: string;
  readonly rules: Readonly<Record<RuleId, "off" | Severity>>;
  readonly vagueWords: Readonly<Record<string, string>>;
  /**
   * Whether vagueness is also judged by its kind (ranges, conditions, hedges, deferrals...) beyond
   * the listed words: on unless a council replaced the list with its own.
   */
  readonly judgeVagueness: boolean;
  /** Words a council allows, which no vagueness finding may cover. */
  readonly vagueAllowed: readonly string[];
  readonly glossary: Readonly<Record<string, string>>;
  /**
   * Whether an acronym the glossary does not know is jargon too: on unless a council replaced
   * the glossary with its own.
   */
  readonly judgeAcronyms: boolean;
  /** Terms a council allows, which no jargon finding may name. */
  readonly glossaryAllowed: readonly string[];
  readonly blandPhrases: readonly string[];
  readonly pfaFromYear: number;
  readonly pfaFromAge: number;
  readonly outcomesFramework: readonly string[] | null;
  readonly copyIndex: CopyIndex | null;
  readonly advice: readonly SubmittedRecommendations[];
}

const ADDED_WORD_ADVICE = "say exactly what, who, how often and for how long";

export function resolveConfig(
  config: QualityConfig,
  defaultSeverity: (rule: RuleId) => Severity,
  today: string,
): ResolvedConfig {
  const rules = Object.fromEntries(
    RULE_IDS.map((id) => [id, config.rules?.[id] ?? defaultSeverity(id)]),
  ) as Record<RuleId, "off" | Severity>;

  const vague: Record<string, string> = config.vagueWords?.replace
    ? Object.fromEntries(
        config.vagueWords.replace.map((w) => [w, DEFAULT_VAGUE_WORDS[w] ?? ADDED_WORD_ADVICE]),
      )
    : { ...DEFAULT_VAGUE_WORDS };
  for (const w of config.vagueWords?.add ?? []) vague[w] ??= ADDED_WORD_ADVICE;
  for (const w of config.vagueWords?.allow ?? []) delete vague[w];

  const glossary: Record<string, string> = config.glossary?.replace
    ? { ...config.glossary.replace }
    : { ...DEFAULT_GLOSSARY, ...config.glossary?.add };
  for (const term of config.glossary?.allow ?? []) delete glossary[term];

  return {
    today: config.today ?? today,
    rules,
    vagueWords: vague,
    judgeVagueness: config.vagueWords?.replace === undefined,
    vagueAllowed: (config.vagueWords?.allow ?? []).map((w) => w.toLowerCase()),
    glossary,
    judgeAcronyms: config.glossary?.replace === undefined,
    glossaryAllowed: config.glossary?.allow ?? [],
    blandPhrases: config.blandPhrases?.replace ?? [
      ...DEFAULT_BLAND_PHRASES,
      ...(config.blandPhrases?.add ?? []),
    ],
    pfaFromYear: config.pfaFromYear ?? 9,
    pfaFromAge: config.pfaFromAge ?? 14,
    outcomesFramework: config.outcomesFramework ?? null,
    copyIndex: config.copyIndex ?? null,
    advice: config.advice ?? [],
  };
}

/** Thrown when a council's settings are not valid; each issue names the setting's path. */
export class QualityConfigError extends Error {
  override readonly name = "QualityConfigError";
  readonly issues: readonly PlanFormatIssue[];

  constructor(issues: readonly PlanFormatIssue[]) {
    super(
      `Invalid checker settings: ${issues.map((i) => `${i.path || "(top level)"}: ${i.message}`).join("; ")}`,
    );
    this.issues = issues;
  }
}

/** Reads a council's settings (the parsed JSON of a settings file), naming each wrong path. */
export function parseQualityConfig(json: unknown): QualityConfigJson {
  const result = QualityConfigSchema.safeParse(json);
  if (result.success) return result.data;
  throw new QualityConfigError(
    result.error.issues.flatMap((issue) => describeZodIssue(issue, json)),
  );
}
