import type { ProvisionSectionKey } from "@ehcp/schema";
import type { Command } from "@tiptap/pm/state";
import { findItem } from "../model/findItem.js";
import { newProvision } from "../model/newItem.js";
import { insertItem } from "./insertItem.js";

/**
 * Adds a provision to F, G, H1 or H2 for the given outcomes, or, without any, for the outcome the
 * cursor is in; it meets the needs those outcomes meet. The cursor goes to what the provision is.
 */
export function addProvision(
  section: ProvisionSectionKey = "F",
  outcomeIds?: readonly string[],
): Command {
  return (state, dispatch) => {
    const at = findItem(state.selection.$from);
    const ids =
      outcomeIds ?? (at?.node.type.name === "outcome" ? [at.node.attrs.id as string] : []);
    const needIds = new Set<string>();
    state.doc.forEach((sectionNode) =>
      sectionNode.forEach((node) => {
        if (node.type.name === "outcome" && ids.includes(node.attrs.id as string)) {
          for (const id of node.attrs.needIds as string[]) needIds.add(id);
        }
      }),
    );
    return insertItem(section, () => newProvision(state.schema, ids, [...needIds]))(
      state,
      dispatch,
    );
  };
}
