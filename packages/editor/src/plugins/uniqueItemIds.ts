import { createId } from "@ehcp/schema";
import { Fragment, type Node as PMNode, Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { changesTextOnly } from "./changesTextOnly.js";
import { isRemote } from "./isRemote.js";

/** The id prefix of each node type that carries an id. */
export const ID_PREFIXES: Readonly<Record<string, string>> = {
  view: "view",
  need: "need",
  outcome: "out",
  outcomeStep: "step",
  provision: "prov",
  advice: "k",
};

/** Attributes that hold links to other items' ids. */
const LINK_LISTS = ["needIds", "outcomeIds", "adviceIds"] as const;

export const uniqueItemIdsKey = new PluginKey<boolean>("ehcpUniqueItemIds");

function mapFragment(fragment: Fragment, map: (node: PMNode) => PMNode): Fragment {
  const children: PMNode[] = [];
  fragment.forEach((child) => {
    children.push(child.isText ? child : map(child.copy(mapFragment(child.content, map))));
  });
  return Fragment.from(children);
}

function idsIn(doc: PMNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (typeof node.attrs.id === "string" && ID_PREFIXES[node.type.name]) ids.add(node.attrs.id);
    return !node.isTextblock;
  });
  return ids;
}

/**
 * Keeps item ids unique. Pasted items get fresh ids, and links inside the pasted content follow
 * them: a link to an item pasted along is remapped, one to an item in the plan is kept, any other
 * is dropped. After this writer's own changes (a split, an undo) and after concurrent edits, an
 * item without an id or with an id an earlier item has gets a fresh one. Transactions that bring
 * in others' changes are never rewritten; the repair waits for this writer's next change. Typing
 * alone cannot break ids, so the plan is scanned only after some other change.
 */
export function uniqueItemIds(): Plugin {
  return new Plugin<boolean>({
    key: uniqueItemIdsKey,
    // Whether a change since the last scan could have broken ids: anything but typing.
    state: {
      init: () => true,
      apply: (tr, suspect) =>
        tr.getMeta(uniqueItemIdsKey) === "scanned"
          ? false
          : suspect || (tr.docChanged && !changesTextOnly(tr)),
    },
    props: {
      // Items pasted with the cursor inside an item go in after that item, whole, rather than
      // splitting it around them.
      handlePaste(view, _event, slice) {
        if (slice.openStart !== 0 || slice.content.childCount === 0) return false;
        let items = true;
        slice.content.forEach((node) => {
          if (!ID_PREFIXES[node.type.name] || node.type.name === "outcomeStep") items = false;
        });
        const { $from } = view.state.selection;
        if (!items || $from.depth < 2) return false;
        const after = $from.after(2);
        const section = $from.node(1);
        const index = $from.index(1) + 1;
        if (!section.canReplace(index, index, slice.content)) return false;
        view.dispatch(view.state.tr.insert(after, slice.content).scrollIntoView());
        return true;
      },
      transformPasted(slice, view) {
        const fresh = new Map<string, string>();
        slice.content.descendants((node) => {
          const prefix = ID_PREFIXES[node.type.name];
          if (prefix && typeof node.attrs.id === "string")
            fresh.set(node.attrs.id, createId(prefix));
          return !node.isTextblock;
        });
        if (fresh.size === 0) return slice;
        const existing = idsIn(view.state.doc);
        const relink = (id: string) => fresh.get(id) ?? (existing.has(id) ? id : null);
        const content = mapFragment(slice.content, (node) => {
          const attrs: Record<string, unknown> = { ...node.attrs };
          if (typeof attrs.id === "string" && fresh.has(attrs.id)) attrs.id = fresh.get(attrs.id);
          for (const name of LINK_LISTS) {
            const list = attrs[name];
            if (Array.isArray(list)) {
              attrs[name] = list.map((id: string) => relink(id)).filter((id) => id !== null);
            }
          }
          if (typeof attrs.provisionId === "string" && fresh.has(attrs.provisionId)) {
            attrs.provisionId = fresh.get(attrs.provisionId);
          }
          return node.type.create(attrs, node.content, node.marks);
        });
        return new Slice(content, slice.openStart, slice.openEnd);
      },
    },
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((tr) => tr.docChanged && !isRemote(tr))) return null;
      // Typing cannot break ids: scan only after something else changed the plan.
      if (!uniqueItemIdsKey.getState(state)) return null;
      const seen = new Set<string>();
      const tr = state.tr;
      state.doc.descendants((node, pos) => {
        const prefix = ID_PREFIXES[node.type.name];
        if (prefix) {
          const id = node.attrs.id;
          if (typeof id !== "string" || id === "" || seen.has(id)) {
            const next = createId(prefix);
            tr.setNodeAttribute(pos, "id", next);
            seen.add(next);
          } else {
            seen.add(id);
          }
        }
        // Items sit in sections, and steps in outcomes: nothing deeper carries an id.
        return (
          node.type.name === "doc" ||
          node.type.spec.group === "section" ||
          node.type.name === "outcome"
        );
      });
      return tr.setMeta("addToHistory", false).setMeta(uniqueItemIdsKey, "scanned");
    },
  });
}
