// A writer extends a selection with Shift+Arrow while the editor shows a transaction that is not
// theirs (the plan checker's findings, others' changes): the browser has moved the selection, and
// ProseMirror reads it only on the "selectionchange" event that comes after.
import { type AnyExtension, Editor, Extension, Node } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { afterEach, expect, it } from "vitest";
import * as Y from "yjs";
import { UnreadDomSelection } from "./UnreadDomSelection.js";

const flagged = new PluginKey<boolean>("flagged");
/** Marks the paragraph when told, as the plan checker marks an item with findings. */
const Flag = Extension.create({
  name: "flag",
  addProseMirrorPlugins: () => [
    new Plugin<boolean>({
      key: flagged,
      state: { init: () => false, apply: (tr, on) => (tr.getMeta(flagged) as boolean) ?? on },
      props: {
        decorations: (state) =>
          flagged.getState(state)
            ? DecorationSet.create(state.doc, [
                Decoration.node(0, state.doc.firstChild!.nodeSize, { class: "flagged" }),
              ])
            : null,
      },
    }),
  ],
});

const nodes = [
  Node.create({ name: "doc", topNode: true, content: "paragraph+" }),
  Node.create({
    name: "paragraph",
    content: "text*",
    parseHTML: () => [{ tag: "p" }],
    renderHTML: () => ["p", 0],
  }),
  Node.create({ name: "text", group: "inline" }),
];

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
  document.body.innerHTML = "";
});

/** An editor showing "Teaching assistant", the caret at its start, and focused. */
function editorWith(extensions: AnyExtension[], content?: string): Editor {
  const element = document.createElement("div");
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [...nodes, Flag, ...extensions],
    ...(content ? { content } : {}),
  });
  editors.push(editor);
  return editor;
}

/** Lets the browser fire its events, "selectionchange" among them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * Selects "Teaching" as Shift+ArrowRight does, a character at a time, each read by the editor on
 * its "selectionchange" but the fifth, after which `meanwhile` is shown first; what the editor
 * then has selected.
 */
async function selectTeaching(editor: Editor, meanwhile: () => void): Promise<string> {
  editor.commands.focus();
  editor.commands.setTextSelection(1);
  await settle();
  for (let i = 0; i < "Teaching".length; i++) {
    document.getSelection()!.modify("extend", "forward", "character");
    if (i === 4) meanwhile();
    await settle();
  }
  const { from, to } = editor.state.selection;
  return editor.state.doc.textBetween(from, to);
}

function findingsMeanwhile(extensions: AnyExtension[]): Promise<string> {
  const editor = editorWith(extensions, "<p>Teaching assistant</p>");
  return selectTeaching(editor, () => editor.view.dispatch(editor.state.tr.setMeta(flagged, true)));
}

/** The same, with words another writer adds after "Teaching assistant" coming in meanwhile. */
async function othersWordsMeanwhile(extensions: AnyExtension[]): Promise<string> {
  const mine = new Y.Doc();
  const editor = editorWith([...extensions, Collaboration.configure({ document: mine })]);
  editor.commands.setContent("<p>Teaching assistant</p>");
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  const paragraph = theirs.getXmlFragment("default").get(0) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).insert("Teaching assistant".length, " who knows Kai");
  const words = Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine));
  const chosen = await selectTeaching(editor, () => Y.applyUpdate(mine, words));
  expect(editor.state.doc.textContent).toBe("Teaching assistant who knows Kai");
  return chosen;
}

it("keeps every character a writer selected while the plan checker marks the item", async () => {
  expect(await findingsMeanwhile([UnreadDomSelection])).toBe("Teaching");
});

it("keeps every character a writer selected while another writer's words come in", async () => {
  expect(await othersWordsMeanwhile([UnreadDomSelection])).toBe("Teaching");
});

/** What a shortcut pressed right after the eighth keypress, before its "selectionchange", sees. */
async function shortcutRightAfter(extensions: AnyExtension[]): Promise<string> {
  let seen = "";
  const Shortcut = Extension.create({
    name: "shortcut",
    addKeyboardShortcuts: () => ({
      "Alt-Shift-c": ({ editor }) => {
        const { from, to } = editor.state.selection;
        seen = editor.state.doc.textBetween(from, to);
        return true;
      },
    }),
  });
  const editor = editorWith([...extensions, Shortcut], "<p>Teaching assistant</p>");
  await selectTeaching(editor, () => {});
  document.getSelection()!.modify("extend", "forward", "character");
  const press = new KeyboardEvent("keydown", {
    key: "C",
    code: "KeyC",
    altKey: true,
    shiftKey: true,
    bubbles: true,
  });
  // The keymap names keys pressed with Alt by their code, which a made-up event lacks.
  Object.defineProperty(press, "keyCode", { value: 67 });
  editor.view.dom.dispatchEvent(press);
  return seen;
}

it("lets a shortcut pressed straight after Shift+Arrow act on every character selected", async () => {
  expect(await shortcutRightAfter([UnreadDomSelection])).toBe("Teaching ");
});

it("shows why: without it, the selection from before the keypress is drawn again", async () => {
  expect(await findingsMeanwhile([])).toBe("Teachin");
  expect(await othersWordsMeanwhile([])).toBe("Teachin");
  expect(await shortcutRightAfter([])).toBe("Teaching");
});
