import type { Finding } from "@ehcp/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { eachItem } from "../model/eachItem.js";
import { changesTextOnly } from "./changesTextOnly.js";

export const itemFindingsKey = new PluginKey<ItemFindingsState>("ehcpItemFindings");

interface ItemFindingsState {
  readonly findings: readonly Finding[];
  readonly decorations: DecorationSet;
}

function build(doc: PMNode, findings: readonly Finding[]): ItemFindingsState {
  // As a plan opens, before its first check, there is nothing to put on its items.
  if (findings.length === 0) return { findings, decorations: DecorationSet.empty };
  const byTarget = new Map<string, Finding[]>();
  for (const finding of findings) {
    byTarget.set(finding.target, [...(byTarget.get(finding.target) ?? []), finding]);
  }
  const decorations: Decoration[] = [];
  eachItem(doc, (item, pos) => {
    const own = byTarget.get(item.attrs.id as string);
    if (own) decorations.push(Decoration.node(pos, pos + item.nodeSize, {}, { findings: own }));
  });
  return { findings, decorations: DecorationSet.create(doc, decorations) };
}

/**
 * Puts the checker's findings on the items they are about, as node decorations whose spec holds
 * them, so each card can count its own. Set with the meta `Finding[]` (see `usePlanFindings`);
 * the findings stay on their items as the plan changes, until the next check.
 */
export function itemFindings(): Plugin<ItemFindingsState> {
  return new Plugin<ItemFindingsState>({
    key: itemFindingsKey,
    state: {
      init: (_config, state) => build(state.doc, []),
      apply(tr, value) {
        const next = tr.getMeta(itemFindingsKey) as readonly Finding[] | undefined;
        if (next) return build(tr.doc, next);
        if (!tr.docChanged) return value;
        if (changesTextOnly(tr)) {
          return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
        }
        return build(tr.doc, value.findings);
      },
    },
    props: {
      decorations: (state) => itemFindingsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** The findings a node view's decorations carry. */
export function findingsFrom(decorations: readonly Decoration[]): readonly Finding[] {
  for (const decoration of decorations) {
    const findings = (decoration.spec as { findings?: unknown }).findings;
    if (Array.isArray(findings)) return findings as Finding[];
  }
  return [];
}
