import { COMMENTS_MAP_NAME, type CommentThread, readCommentThreads } from "@ehcp/schema";
import type { EditorState } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { findItemById } from "../model/findItem.js";

interface CommentAnchorsState {
  /** The open threads, read from the document when they change, not on each redraw. */
  readonly threads: readonly CommentThread[];
  readonly decorations: DecorationSet;
  /** How many marks were drawn; fewer after mapping means words went and a redraw is due. */
  readonly drawn: number;
  /** The thread the writer has open, drawn more strongly. */
  readonly active: string | null;
}

export const commentAnchorsKey = new PluginKey<CommentAnchorsState>("ehcpCommentAnchors");

/** Where a thread sits in the editor now: its words, or (when they have gone) its whole item. */
export type CommentPlace =
  | { readonly kind: "words"; readonly from: number; readonly to: number }
  | { readonly kind: "item"; readonly from: number; readonly to: number }
  | null;

/**
 * Finds a thread in the editor's document. Its words are found from their Yjs relative
 * positions through the sync plugin's mapping, so they keep their place through everyone's
 * edits; when the words have been deleted, the thread falls back to the item it was on.
 */
export function commentPlace(state: EditorState, thread: CommentThread): CommentPlace {
  const sync = ySyncPluginKey.getState(state) as
    | { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } | null }
    | undefined;
  if (thread.anchor && sync?.binding) {
    const [from, to] = [thread.anchor.from, thread.anchor.to].map((end) => {
      try {
        return relativePositionToAbsolutePosition(
          sync.doc,
          sync.type,
          Y.createRelativePositionFromJSON(end),
          sync.binding!.mapping as never,
        );
      } catch {
        return null;
      }
    });
    if (from != null && to != null && to > from && to <= state.doc.content.size) {
      return { kind: "words", from, to };
    }
  }
  const item = thread.itemId ? findItemById(state.doc, thread.itemId) : null;
  return item ? { kind: "item", from: item.pos, to: item.pos + item.node.nodeSize } : null;
}

function build(
  state: EditorState,
  threads: readonly CommentThread[],
  active: string | null,
): CommentAnchorsState {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const place = commentPlace(state, thread);
    if (!place) continue;
    const attrs = {
      class:
        place.kind === "words"
          ? `ehcp-comment${thread.id === active ? " ehcp-comment--active" : ""}`
          : `ehcp-item--commented${thread.id === active ? " ehcp-comment--active" : ""}`,
      "data-thread": thread.id,
    };
    decorations.push(
      place.kind === "words"
        ? Decoration.inline(place.from, place.to, attrs)
        : Decoration.node(place.from, place.to, attrs),
    );
  }
  return {
    threads,
    decorations: DecorationSet.create(state.doc, decorations),
    drawn: decorations.length,
    active,
  };
}

/**
 * Marks the words each open comment thread is about, and the item of a thread whose words have
 * gone. Threads come from the plan's Yjs document (`COMMENTS_MAP_NAME`); the marks are redrawn
 * when threads change or others' edits arrive, and follow the writer's own typing in between.
 * Set the meta `{ active: threadId | null }` to draw one thread more strongly.
 */
export function commentAnchors(doc: Y.Doc): Plugin<CommentAnchorsState> {
  return new Plugin<CommentAnchorsState>({
    key: commentAnchorsKey,
    state: {
      init: () => ({ threads: [], decorations: DecorationSet.empty, drawn: 0, active: null }),
      apply(tr, old, _before, state) {
        const meta = tr.getMeta(commentAnchorsKey) as
          { refresh?: boolean; active?: string | null } | undefined;
        const sync = ySyncPluginKey.getState(state) as { isChangeOrigin?: boolean } | undefined;
        const active = meta && "active" in meta ? (meta.active ?? null) : old.active;
        // Others' edits move the words, so places are found again; the threads are re-read only
        // when asked (they changed, or words went), never on each remote keystroke.
        const threads = meta?.refresh
          ? readCommentThreads(doc).filter((thread) => !thread.resolved)
          : old.threads;
        if (meta || sync?.isChangeOrigin) return build(state, threads, active);
        return { ...old, decorations: old.decorations.map(tr.mapping, tr.doc), active };
      },
    },
    props: {
      decorations: (state) => commentAnchorsKey.getState(state)?.decorations,
    },
    view(view) {
      const threads = doc.getMap(COMMENTS_MAP_NAME);
      const refresh = () => {
        if (!view.isDestroyed)
          view.dispatch(view.state.tr.setMeta(commentAnchorsKey, { refresh: true }));
      };
      threads.observe(refresh);
      // The sync plugin's mapping exists only once the view does, and is brought up to date with
      // the writer's own edits only after they are applied: redraws wait for both.
      let pending = setTimeout(refresh, 0);
      return {
        update(_view, before) {
          const now = commentAnchorsKey.getState(view.state);
          if (view.state.doc === before.doc || !now) return;
          if (now.decorations.find().length < now.drawn) {
            clearTimeout(pending);
            pending = setTimeout(refresh, 0);
          }
        },
        destroy() {
          clearTimeout(pending);
          threads.unobserve(refresh);
        },
      };
    },
  });
}
