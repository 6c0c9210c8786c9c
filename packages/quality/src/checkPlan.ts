import {
  type BudgetItem,
  type Finding,
  labelAt,
  type Need,
  NEEDS_SECTION_KEYS,
  type NeedsSectionKey,
  type Outcome,
  type Plan,
  type Provision,
  PROVISION_SECTION_KEYS,
  type ProvisionSectionKey,
  SECTION_KEYS,
  type Severity,
  type View,
} from "@ehcp/schema";
import { type CheckedItem, FieldCache } from "./FieldCache.js";
import { planFields } from "./planFields.js";
import { type QualityConfig, resolveConfig } from "./QualityConfig.js";
import type { RuleContext } from "./Rule.js";
import { RULE_CATALOGUE, RULE_IDS, type RuleId } from "./ruleCatalogue.js";
import { ITEM_RULES, RULE_CHECKS, THREAD_RULES } from "./rules/index.js";
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

const NEEDS_LISTS = new Map<string, NeedsSectionKey>(
  NEEDS_SECTION_KEYS.map((k) => [`sections.${k}.needs`, k]),
);
const PROVISION_LISTS = new Map<string, ProvisionSectionKey>(
  PROVISION_SECTION_KEYS.map((k) => [`sections.${k}.provisions`, k]),
);

/** The thread's entry of one need, outcome or provision: all a rule on that item reads of it. */
function entriesOf(plan: Plan, item: CheckedItem): ItemEntries {
  const { list, index } = item;
  const needs = NEEDS_LISTS.get(list);
  if (needs) {
    const need = plan.sections[needs].needs[index]!;
    return {
      ...NO_ENTRIES,
      needs: [{ need, section: needs, index, label: labelAt(needs, index) }],
    };
  }
  if (list === "sections.E.outcomes") {
    const outcome = plan.sections.E.outcomes[index]!;
    return { ...NO_ENTRIES, outcomes: [{ outcome, index, label: labelAt("E", index) }] };
  }
  const provisions = PROVISION_LISTS.get(list);
  if (provisions) {
    const provision = plan.sections[provisions].provisions[index]!;
    const label = labelAt(provisions, index);
    return { ...NO_ENTRIES, provisions: [{ provision, section: provisions, index, label }] };
  }
  return NO_ENTRIES;
}

const NO_LINKS: readonly unknown[] = [];

/**
 * What the golden thread and the integrity check read of an item: its id, the ids it links to
 * and, for a need, its title (the thread rules name it). Numbers mark where each list starts, so
 * an id can never be taken for a marker.
 */
function linksOfItem({ list, copy }: CheckedItem): readonly unknown[] {
  if (NEEDS_LISTS.has(list)) {
    const n = copy as Need;
    return [n.id, n.title, ...n.adviceIds];
  }
  if (list === "sections.E.outcomes") {
    const o = copy as Outcome;
    return [o.id, ...o.needIds, 0, ...o.steps.map((step) => step.id)];
  }
  if (PROVISION_LISTS.has(list)) {
    const p = copy as Provision;
    return [p.id, ...p.outcomeIds, 0, ...p.needIds, 1, ...p.adviceIds];
  }
  if (list === "sections.A.views") return [(copy as View).id];
  if (list === "sections.J.items") return [(copy as BudgetItem).provisionId];
  return NO_LINKS;
}

/**
 * Everything the thread rules and the integrity check read, item by item: two checks with equal
 * keys (element by element) give them the same findings. An item whose words changed keeps its
 * links' very array, and a key equal to the last check's is that very array, so a re-check after
 * typing compares pointers only and builds no key.
 */
function threadKey(plan: Plan, items: readonly CheckedItem[], last: readonly unknown[]) {
  const advice = plan.sections.K.advice;
  if (last.length === items.length * 2 + 1 + advice.length) {
    let same = true;
    for (let i = 0; i < items.length && same; i++) {
      const item = items[i]!;
      same = last[i * 2] === item.list && last[i * 2 + 1] === item.derived(linksOfItem);
    }
    const from = items.length * 2 + 1;
    for (let i = 0; i < advice.length && same; i++) same = last[from + i] === advice[i]!.id;
    if (same) return last;
  }
  const key: unknown[] = [];
  for (const item of items) key.push(item.list, item.derived(linksOfItem));
  key.push(-1);
  for (const a of advice) key.push(a.id);
  return key;
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
  const settings = settingsKey(config);
  const today = config.today ?? localToday();
  // The same settings give the very same resolved object, so what rules remember by its parts
  // (a compiled glossary, a phrase matcher) is found by identity.
  const resolved = cache.byKey("settings", [settings, today, config.copyIndex], () =>
    resolveConfig(config, (id) => RULE_CATALOGUE[id].severity, today),
  );
  cache.startCheck();
  const fields = planFields(
    plan,
    (path, text) => cache.tokens(path, text),
    (list, index, item, build) => cache.itemFields(list, index, item, build),
  );
  cache.keepOnly(fields);
  const childName =
    plan.meta.child.preferredName.trim() ||
    plan.meta.child.fullName.trim().split(/\s+/)[0] ||
    "the child";
  const childPossessive = possessiveOf(plan.meta.child.pronouns);
  // What a remembered result depends on besides its field.
  const remembered = `${settings}\u0000${childName}\u0000${childPossessive}`;
  // Only the rules that read across the thread need it whole; an item's rules, its own entry.
  let thread: Thread | undefined;
  const context: RuleContext = {
    plan,
    config: resolved,
    fields,
    items: cache.items(),
    fieldAt: (path) => cache.fieldAt(path) ?? EMPTY_FIELD,
    languageAt: (path) => cache.reading(path, cache.fieldAt(path)?.text ?? ""),
    get thread() {
      return (thread ??= new Thread(plan));
    },
    childName,
    childPossessive,
    perField: (rule, field, compute) => cache.result(rule, field, remembered, compute),
    perText: (name, text, compute) => cache.ofText(name, text, compute),
    byKey: (name, key, compute) => cache.byKey(name, key, compute),
    threadKey: () => (key ??= cache.threadKey = threadKey(plan, cache.items(), cache.threadKey)),
  };
  let key: readonly unknown[] | undefined;

  const on = RULE_IDS.filter((rule) => resolved.rules[rule] !== "off");
  const severity = (rule: RuleId) => resolved.rules[rule] as Severity;
  // The rules that judge each item by itself run on one item at a time, and what they find on
  // an item is remembered while it, the plan's details (name, pronouns, status, dates), the
  // date and the settings stay as they were: a re-check after one field changed runs them on
  // that item only. The rest read across the plan and run on every check, the thread's rules
  // remembered while the thread is as it was.
  const itemRules = on.filter((rule) => byItems && ITEM_RULES.has(rule));
  const itemContext = cache.sameContext(
    `${remembered}\u0000${resolved.today}\u0000${JSON.stringify(plan.meta)}`,
  );
  const found: Ranked[] = [];
  const add = (rule: RuleId, severity: Severity, of: readonly RuleFinding[], to: Ranked[]) => {
    const { source } = RULE_CATALOGUE[rule];
    for (const f of of) to.push(ranked({ rule, severity, ...f, source }));
  };
  for (const item of cache.items()) {
    let ofItem = item.recall(itemContext) as Ranked[] | undefined;
    if (ofItem === undefined) {
      const only: RuleContext = {
        plan,
        config: resolved,
        fields: item.fields,
        items: [item],
        fieldAt: context.fieldAt,
        languageAt: context.languageAt,
        thread: new Thread(plan, entriesOf(plan, item)),
        childName,
        childPossessive,
        perField: context.perField,
        perText: context.perText,
        byKey: context.byKey,
        threadKey: context.threadKey,
      };
      ofItem = [];
      for (const rule of itemRules) add(rule, severity(rule), RULE_CHECKS[rule](only), ofItem);
      item.keep(itemContext, ofItem);
    }
    for (const r of ofItem) found.push(r);
  }
  for (const rule of on) {
    if (itemRules.includes(rule)) continue;
    const of =
      byItems && THREAD_RULES.has(rule)
        ? cache.byKey(`thread ${rule}`, context.threadKey(), () => RULE_CHECKS[rule](context))
        : RULE_CHECKS[rule](context);
    for (const r of cache.ranked(rule, severity(rule), of, () => {
      const out: Ranked[] = [];
      add(rule, severity(rule), of, out);
      return out;
    }))
      found.push(r);
  }
  // Document order: section, then the item's place in it; within an item, rules keep the
  // catalogue's order (errors first) and each rule its own order (the sort is stable).
  return found.sort((a, b) => a.s - b.s || a.i - b.i || a.r - b.r).map(({ f }) => f);
}

export interface Ranked {
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
