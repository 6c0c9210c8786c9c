import type { Editor } from "@tiptap/core";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";

/**
 * Whether the editor is bound to a shared document that the plan has not arrived in yet. Until
 * the server answers the sync, the editor holds the schema's empty outline, with no plan id and
 * no item ids: reading that as the plan would report errors the plan does not have.
 */
export function awaitsSharedPlan(editor: Editor): boolean {
  const sync = ySyncPluginKey.getState(editor.state) as { type?: Y.XmlFragment } | undefined;
  return sync?.type !== undefined && sync.type.length === 0;
}
