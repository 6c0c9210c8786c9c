import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export const findingHighlightKey = new PluginKey<DecorationSet>("ehcpFindingHighlight");

/**
 * Underlines the wording a finding is about. Set with the meta `{ from, to }` on a transaction,
 * cleared with `null`; it follows the text as people type.
 */
export function findingHighlight(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: findingHighlightKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const meta = tr.getMeta(findingHighlightKey) as
          { from: number; to: number } | null | undefined;
        if (meta === null) return DecorationSet.empty;
        if (meta) {
          return DecorationSet.create(tr.doc, [
            Decoration.inline(meta.from, meta.to, { class: "ehcp-finding-highlight" }),
          ]);
        }
        return set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => findingHighlightKey.getState(state) },
  });
}
