import type { Finding, Plan } from "@ehcp/schema";
import { type PlanField, planFields } from "../planFields.js";
import { RULE_CATALOGUE } from "../ruleCatalogue.js";
import { type Token, tokenize } from "../text/tokenize.js";
import { hashWords } from "./hashWords.js";

export interface CopyIndexOptions {
  /** Words a shared passage must have to count (default 12). */
  readonly minWords?: number;
  /**
   * A passage found in more than this many plans is the council's template wording, not a copy
   * from one child's plan, and is not reported (default 20).
   */
  readonly commonIn?: number;
}

/** Other children's plans, indexed once so each check is one pass over the plan being checked. */
export interface CopyIndex {
  /** How many plans the index holds. */
  readonly size: number;
  /** Copied passages and other children's names in `plan`, as `copied-text` findings. */
  find(plan: Plan): Finding[];
}

interface IndexedName {
  readonly planId: string;
  readonly words: readonly string[];
  readonly written: string;
}

const wordsOf = (text: string): Token[] => tokenize(text);

function namesOf(plan: Plan): string[] {
  const { fullName, preferredName } = plan.meta.child;
  const parts = fullName.trim().split(/\s+/);
  const names = new Set<string>();
  if (parts.length >= 2) names.add(parts.join(" "));
  if (preferredName.trim() && parts.length >= 2)
    names.add(`${preferredName.trim()} ${parts.at(-1)}`);
  return [...names];
}

/** Builds the index of shared passages and children's names from a store of plans. */
export function createCopyIndex(plans: Iterable<Plan>, options: CopyIndexOptions = {}): CopyIndex {
  const minWords = options.minWords ?? 12;
  const commonIn = options.commonIn ?? 20;
  // Shingle hash → ids of the plans holding it; lists stop growing once past `commonIn`.
  const shingles = new Map<number, string[]>();
  const names = new Map<string, IndexedName[]>();
  let size = 0;

  for (const plan of plans) {
    size++;
    const seen = new Set<number>();
    for (const field of planFields(plan)) {
      const words = wordsOf(field.text).map((t) => t.norm);
      for (let i = 0; i + minWords <= words.length; i++) {
        const hash = hashWords(words, i, i + minWords);
        if (seen.has(hash)) continue;
        seen.add(hash);
        const holders = shingles.get(hash);
        if (!holders) shingles.set(hash, [plan.id]);
        else if (holders.length <= commonIn && !holders.includes(plan.id)) holders.push(plan.id);
      }
    }
    for (const written of namesOf(plan)) {
      const words = wordsOf(written).map((t) => t.norm);
      const first = words[0];
      if (!first) continue;
      const list = names.get(first) ?? [];
      list.push({ planId: plan.id, words, written });
      names.set(first, list);
    }
  }

  const { source } = RULE_CATALOGUE["copied-text"];
  const finding = (field: PlanField, from: number, to: number, message: string): Finding => ({
    rule: "copied-text",
    severity: "info",
    section: field.section,
    target: field.target,
    path: field.path,
    range: { from, to },
    message,
    source,
  });

  return {
    size,
    find(plan) {
      const findings: Finding[] = [];
      const own = new Set(namesOf(plan).map((n) => n.toLowerCase()));
      const child = plan.meta.child.preferredName || plan.meta.child.fullName;
      for (const field of planFields(plan)) {
        const tokens = wordsOf(field.text);
        const words = tokens.map((t) => t.norm);
        // Runs of windows shared with one other plan become one passage.
        let run: { start: number; end: number; planId: string } | null = null;
        const flush = () => {
          if (!run) return;
          const from = (tokens[run.start] as Token).start;
          const to = (tokens[run.end - 1] as Token).end;
          const count = run.end - run.start;
          const excerpt = field.text.slice(from, to).split(/\s+/).slice(0, 8).join(" ");
          findings.push(
            finding(
              field,
              from,
              to,
              `${field.label} shares ${count} words with another child's plan (${run.planId}): '${excerpt}…'. Check this was written for ${child}, not copied.`,
            ),
          );
          run = null;
        };
        for (let i = 0; i + minWords <= words.length; i++) {
          const holders = shingles.get(hashWords(words, i, i + minWords));
          const other =
            holders && holders.length <= commonIn
              ? holders.find((id) => id !== plan.id)
              : undefined;
          if (other && run && run.planId === other && i < run.end) {
            run.end = i + minWords;
          } else {
            flush();
            if (other) run = { start: i, end: i + minWords, planId: other };
          }
        }
        flush();

        for (let i = 0; i < tokens.length; i++) {
          for (const name of names.get(words[i] as string) ?? []) {
            if (name.planId === plan.id || own.has(name.written.toLowerCase())) continue;
            if (!name.words.every((w, k) => words[i + k] === w)) continue;
            const from = (tokens[i] as Token).start;
            const to = (tokens[i + name.words.length - 1] as Token).end;
            findings.push(
              finding(
                field,
                from,
                to,
                `${field.label} names '${field.text.slice(from, to)}', another child with a plan in this store. Check this text was written for ${child}.`,
              ),
            );
          }
        }
      }
      return findings;
    },
  };
}

/**
 * Finds passages of 12 or more words that this plan shares with other children's plans, and
 * other children's names in it. Pass an index built once with `createCopyIndex` when checking
 * many plans; an array of plans is indexed on each call.
 */
export function findCopiedText(plan: Plan, otherPlans: CopyIndex | Iterable<Plan>): Finding[] {
  // Arrays and sets of plans are iterable; an index is not.
  const index = Symbol.iterator in otherPlans ? createCopyIndex(otherPlans) : otherPlans;
  return index.find(plan);
}
