import type { SectionKey } from "@ehcp/schema";
import type { EditorState } from "@tiptap/pm/state";
import { absolutePositionToRelativePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { findItem } from "./model/findItem.js";
import { SECTION_KEY_OF } from "./model/sections.js";

/** What a new comment would be about: a section, an item in it, and perhaps words in the item. */
export interface CommentTarget {
  readonly section: SectionKey;
  readonly itemId: string | null;
  /** Yjs relative positions of the words, as JSON, when words are selected in one field. */
  readonly anchor: { readonly from: unknown; readonly to: unknown } | null;
  /** The selected words, to show before the comment is sent. */
  readonly quote: string;
}

/**
 * What the writer's selection would comment on. Words count when they lie in one paragraph of
 * one field; otherwise the comment is on the item (or, outside items, the section). The start
 * keeps to the first word and the end to the last, so typing on either side leaves them be.
 */
export function commentTarget(state: EditorState): CommentTarget | null {
  const { $from, $to, from, to, empty } = state.selection;
  const section = $from.depth >= 1 ? SECTION_KEY_OF[$from.node(1).type.name] : undefined;
  if (!section) return null;
  const item = findItem($from);
  const itemId = typeof item?.node.attrs.id === "string" ? (item.node.attrs.id as string) : null;
  const sync = ySyncPluginKey.getState(state) as
    | { type: Y.XmlFragment; doc: Y.Doc; binding: { mapping: Map<unknown, unknown> } | null }
    | undefined;
  const sameText = $from.sameParent($to) && $from.parent.isTextblock;
  if (empty || !itemId || !sameText || !sync?.binding || findItem($to)?.pos !== item?.pos) {
    return { section, itemId, anchor: null, quote: "" };
  }
  const ends = [
    [from, 0],
    [to, -1],
  ].map(([pos, assoc]) => {
    const relative = absolutePositionToRelativePosition(
      pos as number,
      sync.type,
      sync.binding!.mapping as never,
    );
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, sync.doc);
    return absolute && absolute.type instanceof Y.XmlText
      ? Y.relativePositionToJSON(
          Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc as number),
        )
      : null;
  });
  if (!ends[0] || !ends[1]) return { section, itemId, anchor: null, quote: "" };
  return {
    section,
    itemId,
    anchor: { from: ends[0], to: ends[1] },
    quote: state.doc.textBetween(from, to, " "),
  };
}
