import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { changesTextOnly } from "./changesTextOnly.js";

/** The cards a long plan has hundreds of, which it may draw light while they are far away. */
export const LIGHT_CARD_TYPES: ReadonlySet<string> = new Set(["need", "outcome", "provision"]);
/**
 * A plan with more of those cards than this (some 60 pages) is long: its cards far from the
 * screen are drawn light. Below it, a plan is drawn in full throughout, as it always was.
 */
export const LONG_PLAN_CARDS = 150;
/** How many cards from the top of a long plan are drawn in full from the start. */
export const FIRST_REAL_CARDS = 16;

export const realCardsKey = new PluginKey<RealCards>("ehcpRealCards");

interface RealCards {
  /** Whether the plan is long enough for far cards to be drawn light. */
  readonly long: boolean;
  /** The ids of the cards drawn in full; once drawn in full, a card stays so. */
  readonly ids: ReadonlySet<string>;
  /** A node decoration on each of them, which makes ProseMirror redraw a light card in full. */
  readonly decorations: DecorationSet;
}

/** Calls `visit` with every card that may be drawn light, its id and its position. */
function eachLightable(doc: PMNode, visit: (id: string, pos: number, card: PMNode) => void): void {
  doc.forEach((section, sectionPos) => {
    if (!section.type.name.startsWith("section")) return;
    section.forEach((card, offset) => {
      const id = card.attrs.id as string | null | undefined;
      if (id && LIGHT_CARD_TYPES.has(card.type.name)) visit(id, sectionPos + 1 + offset, card);
    });
  });
}

function decorate(doc: PMNode, ids: ReadonlySet<string>): DecorationSet {
  const decorations: Decoration[] = [];
  eachLightable(doc, (id, pos, card) => {
    if (ids.has(id))
      decorations.push(Decoration.node(pos, pos + card.nodeSize, {}, { real: true }));
  });
  return DecorationSet.create(doc, decorations);
}

/** After a change to the plan's cards: whether it is long, and its first cards drawn in full. */
function survey(doc: PMNode, ids: ReadonlySet<string>): RealCards {
  let count = 0;
  const next = new Set(ids);
  eachLightable(doc, (id) => {
    if (count++ < FIRST_REAL_CARDS) next.add(id);
  });
  const long = count > LONG_PLAN_CARDS;
  return { long, ids: next, decorations: long ? decorate(doc, next) : DecorationSet.empty };
}

/** The id of the card that may be drawn light that `pos` is in (or just before), if any. */
function lightableAt(state: EditorState, pos: number): string | null {
  const $pos = state.doc.resolve(pos);
  const node = $pos.depth >= 2 ? $pos.node(2) : $pos.nodeAfter;
  const id = node?.attrs.id as string | null | undefined;
  return node && id && LIGHT_CARD_TYPES.has(node.type.name) ? id : null;
}

/**
 * Which cards of a long plan are drawn in full (`ItemCardView`); the others are drawn light
 * (`LightCardView`: their words and labels as plain DOM, without ProseMirror's views of their
 * fields), as a long plan opens with only a screenful in sight. A card is drawn in full from the
 * first; or when it comes within a screen of the viewport (`makeReal`); or, in the same update,
 * when the selection goes into it, whatever took it there (the keyboard, a finding link, a
 * search, a test). A plan of up to `LONG_PLAN_CARDS` such cards is drawn in full throughout.
 */
export function realCards(): Plugin<RealCards> {
  return new Plugin<RealCards>({
    key: realCardsKey,
    state: {
      init: (_config, state) => survey(state.doc, new Set()),
      apply(tr, value, _before, state) {
        let next = value;
        const asked = tr.getMeta(realCardsKey) as readonly string[] | undefined;
        if (tr.docChanged) {
          next = changesTextOnly(tr)
            ? { ...next, decorations: next.decorations.map(tr.mapping, tr.doc) }
            : survey(tr.doc, next.ids);
        }
        if (!next.long) return next;
        const wanted = new Set<string>(asked ?? []);
        if (tr.selectionSet || tr.docChanged) {
          for (const pos of [state.selection.anchor, state.selection.head]) {
            const id = lightableAt(state, pos);
            if (id) wanted.add(id);
          }
        }
        const missing = [...wanted].filter((id) => !next.ids.has(id));
        if (missing.length === 0) return next;
        const ids = new Set([...next.ids, ...missing]);
        return { ...next, ids, decorations: decorate(tr.doc, ids) };
      },
    },
    props: {
      decorations: (state) => realCardsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/** Whether the card `node`, with these decorations, is to be drawn in full. */
export function isReal(
  state: EditorState,
  node: PMNode,
  decorations: readonly Decoration[],
): boolean {
  const cards = realCardsKey.getState(state);
  const id = node.attrs.id as string | null | undefined;
  if (!cards?.long || !id || !LIGHT_CARD_TYPES.has(node.type.name)) return true;
  return cards.ids.has(id) || hasRealMark(decorations);
}

/** Whether a card's decorations ask for it to be drawn in full. */
export const hasRealMark = (decorations: readonly Decoration[]): boolean =>
  decorations.some((d) => (d.spec as { real?: unknown }).real === true);

const pending = new WeakMap<EditorView, Set<string>>();

/**
 * Draws the card with this id in full, with any others asked for in the same moment, in one
 * transaction that changes nothing in the plan.
 */
export function makeReal(view: EditorView, id: string): void {
  let ids = pending.get(view);
  if (ids) {
    ids.add(id);
    return;
  }
  ids = new Set([id]);
  pending.set(view, ids);
  queueMicrotask(() => {
    pending.delete(view);
    if (view.isDestroyed) return;
    view.dispatch(view.state.tr.setMeta(realCardsKey, [...(ids as Set<string>)]));
  });
}
