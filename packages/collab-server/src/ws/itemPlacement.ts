import * as Y from "yjs";
import { type AnyType, describePlace } from "./planPartOf.js";

/** The item holding `id` in `store`, if it is an item (not collected, not missing). */
function itemAt(store: Y.Doc["store"], id: Y.ID): Y.Item | null {
  const list = store.clients.get(id.client);
  if (!list || list.length === 0) return null;
  const last = list[list.length - 1] as Y.Item | Y.GC;
  if (id.clock >= last.id.clock + last.length) return null;
  const struct = list[Y.findIndexSS(list as never, id.clock)];
  return struct instanceof Y.Item ? struct : null;
}

/**
 * Why an item an update added does not lie where it says, or null. Yjs links an item between
 * its neighbours but keeps the parent the update named: an update overlapping its sender's own
 * last item, with a parent named elsewhere, is linked after that item (in one text) while
 * counted in another, and is read back after a reload as part of the first. So an item's
 * neighbours, and the items its origins name (what a reload places it by), must all lie in the
 * item's own parent, under the same key; an item with no left neighbour must be its parent's
 * first. Judged on the integrated item, never on the update's bytes.
 */
export function misplacement(item: Y.Item, store: Y.Doc["store"]): string | null {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType)) return null;
  const origin = item.origin ? itemAt(store, item.origin) : null;
  const rightOrigin = item.rightOrigin ? itemAt(store, item.rightOrigin) : null;
  for (const other of [item.left, item.right, origin, rightOrigin]) {
    if (other && (other.parent !== parent || other.parentSub !== item.parentSub)) {
      const there =
        other.parent instanceof Y.AbstractType
          ? describePlace(other.parent as AnyType)
          : "no place";
      return `the update's content does not lie where it says: it names ${describePlace(parent as AnyType)} but lies next to content in ${there}`;
    }
  }
  const first =
    item.parentSub === null
      ? item.left !== null || parent._start === item
      : item.right !== null || parent._map.get(item.parentSub) === item;
  return first
    ? null
    : `the update's content does not lie where it says: ${describePlace(parent as AnyType)} does not hold it`;
}
