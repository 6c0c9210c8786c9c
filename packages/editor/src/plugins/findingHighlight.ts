import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { StepMap } from "@tiptap/pm/transform";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { isFromYjs } from "./isFromYjs.js";
import { yjsChangeMapping } from "./yjsChangeMapping.js";

/** Whether any of `maps`, applied in turn, changes text within or right beside `from`-`to`. */
function touches(maps: readonly StepMap[], from: number, to: number): boolean {
  let start = from;
  let end = to;
  for (const map of maps) {
    let hit = false;
    map.forEach((oldStart, oldEnd) => {
      if (oldStart <= end && oldEnd >= start) hit = true;
    });
    if (hit) return true;
    start = map.map(start, 1);
    end = map.map(end, -1);
  }
  return false;
}

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
        if (isFromYjs(tr)) return set.map(yjsChangeMapping(tr), tr.doc);
        // The writer's own edit of those words, or beside them, is what they were sent there
        // to make: the mark has done its work, and mapped onto the new words it would stay on
        // a letter they typed.
        const [shown] = set.find();
        if (shown && touches(tr.mapping.maps, shown.from, shown.to)) return DecorationSet.empty;
        return set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => findingHighlightKey.getState(state) },
  });
}
