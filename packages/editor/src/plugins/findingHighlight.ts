import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { isFromYjs } from "./isFromYjs.js";
import { yjsChangeMapping } from "./yjsChangeMapping.js";

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
        if (set === DecorationSet.empty || !tr.docChanged) return set;
        // Others' typing must not take away the wording a writer was sent to.
        return set.map(isFromYjs(tr) ? yjsChangeMapping(tr) : tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => findingHighlightKey.getState(state) },
  });
}
