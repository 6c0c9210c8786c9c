import { type Finding, type Plan, SECTION_KEYS, type Severity } from "@ehcp/schema";
import { FieldCache } from "./FieldCache.js";
import { planFields } from "./planFields.js";
import { type QualityConfig, resolveConfig } from "./QualityConfig.js";
import type { RuleContext } from "./Rule.js";
import { RULE_CATALOGUE, RULE_IDS, type RuleId } from "./ruleCatalogue.js";
import { ITEM_RULES, RULE_CHECKS } from "./rules/index.js";
import type { RuleFinding } from "./Rule.js";
import { type NeedEntry, type OutcomeEntry, type ProvisionEntry, Thread } from "./Thread.js";

const EMPTY_FIELD = { text: "", tokens: [] } as const;

const SECTION_ORDER = new Map<string, number>(SECTION_KEYS.map((k, i) => [k, i]));

/** Today as YYYY-MM-DD in the local time zone: read here, at the edge, never inside a rule. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "she/her" → "her", "he/him" → "his"; anything else, or nothing, → "their". */
function possessiveOf(pronouns: string): string {
  const first = pronouns
    .trim()
    .toLowerCase()
    .split(/[\s/,]+/)[0];
  return first === "she" ? "her" : first === "he" ? "his" : "their";
}

/** Settings that change what a rule finds in a field (the date and other plans do not). */
function settingsKey(config: QualityConfig): string {
  const { today: _today, copyIndex: _copyIndex, ...rest } = config;
  return JSON.stringify(rest);
}

export interface PlanChecker {
  /** As `checkPlan`, reading again only the fields that changed since this checker last saw them. */
  check(plan: Plan, config?: QualityConfig): Finding[];
}

/**
 * A checker with its own per-field cache, for a caller that checks one plan over and over (the
 * editor, at each pause in typing). `checkPlan` uses one shared checker.
 */
export function createPlanChecker(): PlanChecker {
  const cache = new FieldCache();
  return { check: (plan, config = {}) => check(cache, plan, config) };
}

const shared = createPlanChecker();

interface ItemEntries {
  needs: NeedEntry[];
  outcomes: OutcomeEntry[];
  provisions: ProvisionEntry[];
}
const NO_ENTRIES: ItemEntries = { needs: [], outcomes: [], provisions: [] };

/** The thread's entry of each need, outcome and provision, by the item's JSON path. */
function entriesByItem(thread: Thread): Map<string, ItemEntries> {
  const byItem = new Map<string, ItemEntries>();
  for (const e of thread.needs)
    byItem.set(`sections.${e.section}.needs[${e.index}]`, { ...NO_ENTRIES, needs: [e] });
  for (const e of thread.outcomes)
    byItem.set(`sections.E.outcomes[${e.index}]`, { ...NO_ENTRIES, outcomes: [e] });
  for (const e of thread.provisions)
    byItem.set(`sections.${e.section}.provisions[${e.index}]`, { ...NO_ENTRIES, provisions: [e] });
  return byItem;
}

/**
 * Checks a plan against every quality rule and returns the findings in document order: errors
 * that make a plan unlawful or broken, warnings that make it weak, and information worth a look.
 * Pass `config.today` for a repeatable result; without it, the current date is used.
 */
export function checkPlan(plan: Plan, config: QualityConfig = {}): Finding[] {
  return shared.check(plan, config);
}

/**
 * Every rule run once on the whole plan, with nothing remembered: what a check item by item must
 * give, for the tests (not exported from the package).
 */
export function checkWholePlan(plan: Plan, config: QualityConfig = {}): Finding[] {
  return check(new FieldCache(), plan, config, false);
}

function check(cache: FieldCache, plan: Plan, config: QualityConfig, byItems = true): Finding[] {
  const resolved = resolveConfig(
    config,
    (id) => RULE_CATALOGUE[id].severity,
    config.today ?? localToday(),
  );
  cache.startCheck();
  const fields = planFields(
    plan,
    (path, text) => cache.tokens(path, text),
    (key, item, build) => cache.itemFields(key, item, build),
  );
  cache.keepOnly(fields);
  const childName =
    plan.meta.child.preferredName.trim() ||
    plan.meta.child.fullName.trim().split(/\s+/)[0] ||
    "the child";
  const childPossessive = possessiveOf(plan.meta.child.pronouns);
  // What a remembered result depends on besides its field.
  const remembered = `${settingsKey(config)}\u0000${childName}\u0000${childPossessive}`;
  const context: RuleContext = {
    plan,
    config: resolved,
    fields,
    fieldAt: (path) => cache.fieldAt(path) ?? EMPTY_FIELD,
    languageAt: (path) => cache.reading(path, cache.fieldAt(path)?.text ?? ""),
    thread: new Thread(plan),
    childName,
    childPossessive,
    perField: (rule, field, compute) => cache.result(rule, field, remembered, compute),
    byKey: (name, key, compute) => cache.byKey(name, key, compute),
  };

  const on = RULE_IDS.filter((rule) => resolved.rules[rule] !== "off");
  const severity = (rule: RuleId) => resolved.rules[rule] as Severity;
  // The rules that judge each item by itself run on one item at a time, and what they find on
  // an item is remembered while it, the plan's details (name, pronouns, status, dates), the
  // date and the settings stay as they were: a re-check after one field changed runs them on
  // that item only. The rest read across the plan and run on every check.
  const itemRules = on.filter((rule) => byItems && ITEM_RULES.has(rule));
  const itemContext = cache.sameContext(
    `${remembered}\u0000${resolved.today}\u0000${JSON.stringify(plan.meta)}`,
  );
  // Only an item read again needs its thread entries.
  let entries: Map<string, ItemEntries> | undefined;
  const found: Ranked[] = [];
  const add = (rule: RuleId, severity: Severity, of: readonly RuleFinding[], to: Ranked[]) => {
    const { source } = RULE_CATALOGUE[rule];
    for (const f of of) to.push(ranked({ rule, severity, ...f, source }));
  };
  for (const item of cache.items()) {
    const ofItem = item.remember(itemContext, () => {
      const only: RuleContext = {
        ...context,
        fields: item.fields,
        thread: new Thread(
          plan,
          (entries ??= entriesByItem(context.thread)).get(item.key) ?? NO_ENTRIES,
        ),
      };
      const out: Ranked[] = [];
      for (const rule of itemRules) add(rule, severity(rule), RULE_CHECKS[rule](only), out);
      return out;
    });
    for (const r of ofItem) found.push(r);
  }
  for (const rule of on) {
    if (!itemRules.includes(rule)) add(rule, severity(rule), RULE_CHECKS[rule](context), found);
  }
  // Document order: section, then the item's place in it; within an item, rules keep the
  // catalogue's order (errors first) and each rule its own order (the sort is stable).
  return found.sort((a, b) => a.s - b.s || a.i - b.i || a.r - b.r).map(({ f }) => f);
}

interface Ranked {
  readonly f: Finding;
  /** The section's place, the item's place in it (from the path), the rule's in the catalogue. */
  readonly s: number;
  readonly i: number;
  readonly r: number;
}

const RULE_ORDER = new Map<string, number>(RULE_IDS.map((rule, i) => [rule, i]));
const ITEM_INDEX = /^sections\.\w+\.\w+\[(\d+)\]/;

const ranked = (f: Finding): Ranked => ({
  f,
  s: SECTION_ORDER.get(f.section) ?? -1,
  i: Number(ITEM_INDEX.exec(f.path)?.[1] ?? -1),
  r: RULE_ORDER.get(f.rule) ?? -1,
});
