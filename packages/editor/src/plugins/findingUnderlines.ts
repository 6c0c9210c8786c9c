import type { Finding } from "@ehcp/schema";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { eachItem } from "../model/eachItem.js";
import { fieldOffsetPos } from "../model/fieldOffsetPos.js";
import { findingField } from "../model/findingField.js";
import { changesTextOnly } from "./changesTextOnly.js";
import { itemFindingsKey } from "./itemFindings.js";

export const findingUnderlinesKey = new PluginKey<UnderlinesState>("ehcpFindingUnderlines");

interface UnderlinesState {
  /** The findings with words to underline, kept to place them again after a structural change. */
  readonly findings: readonly Finding[];
  readonly decorations: DecorationSet;
}

const EMPTY: UnderlinesState = { findings: [], decorations: DecorationSet.empty };

function build(doc: PMNode, findings: readonly Finding[]): UnderlinesState {
  const ranged = findings.filter((f) => f.range && f.range.to > f.range.from);
  if (ranged.length === 0) return EMPTY;
  const byTarget = new Map<string, Finding[]>();
  for (const finding of ranged) {
    byTarget.set(finding.target, [...(byTarget.get(finding.target) ?? []), finding]);
  }
  const decorations: Decoration[] = [];
  eachItem(doc, (item, pos) => {
    for (const finding of byTarget.get(item.attrs.id as string) ?? []) {
      const field = findingField(item, pos, finding);
      const range = finding.range;
      if (!field || !range) continue;
      const from = fieldOffsetPos(field.node, field.pos, range.from);
      const to = fieldOffsetPos(field.node, field.pos, range.to);
      if (from >= to) continue;
      decorations.push(
        Decoration.inline(
          from,
          to,
          {
            class: "ehcp-finding-underline",
            "data-severity": finding.severity,
            // A pointer's user reads what is wrong where it is; a keyboard's has the card's list.
            title: finding.message,
          },
          { finding, inclusiveStart: false, inclusiveEnd: false },
        ),
      );
    }
  });
  return { findings: ranged, decorations: DecorationSet.create(doc, decorations) };
}

/**
 * Underlines in the text, as a spelling checker does, the words each finding is about (vague
 * wording, jargon, a school named in a draft), coloured by severity, with the finding's message
 * on hover. Findings come with the same meta as `itemFindings` (see `useFindings`), after each
 * pause in typing; between checks the underlines follow the words as anyone types.
 */
export function findingUnderlines(): Plugin<UnderlinesState> {
  return new Plugin<UnderlinesState>({
    key: findingUnderlinesKey,
    state: {
      init: () => EMPTY,
      apply(tr, value) {
        const next = tr.getMeta(itemFindingsKey) as readonly Finding[] | undefined;
        if (next) return build(tr.doc, next);
        if (!tr.docChanged || value.findings.length === 0) return value;
        if (changesTextOnly(tr)) {
          return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
        }
        return build(tr.doc, value.findings);
      },
    },
    props: {
      decorations: (state) =>
        findingUnderlinesKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}
