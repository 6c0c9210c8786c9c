import { Extension } from "@tiptap/core";
import { history, redo, undo } from "@tiptap/pm/history";

/** Undo and redo for a plan edited alone; shared plans use Yjs's, which undo only one's own. */
export const PlainHistory = Extension.create({
  name: "plainHistory",
  addProseMirrorPlugins: () => [history()],
  addKeyboardShortcuts: () => ({
    "Mod-z": ({ editor }) => undo(editor.state, editor.view.dispatch),
    "Mod-y": ({ editor }) => redo(editor.state, editor.view.dispatch),
    "Shift-Mod-z": ({ editor }) => redo(editor.state, editor.view.dispatch),
  }),
});
