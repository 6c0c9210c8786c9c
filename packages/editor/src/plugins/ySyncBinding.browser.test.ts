// The Yjs binding as patched in patches/@tiptap+y-tiptap+*.patch: others' changes replace only
// what changed, and the editor still shows exactly what the shared document holds, through
// moves, concurrent deletes and undo (the cases the library's own tests cover).
import { Schema, type Node as PMNode } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { ReplaceStep } from "@tiptap/pm/transform";
import { EditorView } from "@tiptap/pm/view";
import {
  redo,
  undo,
  yUndoPlugin,
  ySyncPlugin,
  yXmlFragmentToProseMirrorRootNode,
} from "@tiptap/y-tiptap";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";

const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    paragraph: { group: "block", content: "text*", toDOM: () => ["p", 0] },
    section: { group: "block", content: "block+", toDOM: () => ["section", 0] },
    text: {},
  },
  marks: { strong: { toDOM: () => ["strong", 0] } },
});

const views: EditorView[] = [];
afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
  document.body.innerHTML = "";
});

/** An editor bound to its own Yjs document, recording the transactions it shows. */
function peer(doc = new Y.Doc()) {
  const type = doc.getXmlFragment("prosemirror");
  const shown: Transaction[] = [];
  const element = document.createElement("div");
  document.body.append(element);
  const view: EditorView = new EditorView(element, {
    state: EditorState.create({ schema, plugins: [ySyncPlugin(type), yUndoPlugin()] }),
    // `this`, since the binding dispatches while the view is being made.
    dispatchTransaction(this: EditorView, tr) {
      shown.push(tr);
      this.updateState(this.state.apply(tr));
    },
  });
  views.push(view);
  return { doc, type, view, shown };
}

type Peer = ReturnType<typeof peer>;

/** Sends each peer's changes to the other, both ways. */
function exchange(a: Peer, b: Peer): void {
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
}

/** What the shared document holds, as ProseMirror would show it from scratch. */
const held = (p: Peer): PMNode => yXmlFragmentToProseMirrorRootNode(p.type, schema);

const paragraph = (text: string) => schema.node("paragraph", null, text ? schema.text(text) : []);

/** Two peers sharing a document of three sections of three paragraphs each. */
function pair() {
  const a = peer();
  const sections = ["one", "two", "three"].map((name) =>
    schema.node(
      "section",
      null,
      [1, 2, 3].map((n) => paragraph(`${name} ${n}`)),
    ),
  );
  a.view.dispatch(a.view.state.tr.replaceWith(0, a.view.state.doc.content.size, sections));
  const b = peer();
  exchange(a, b);
  return { a, b };
}

/** The position just inside the end of the paragraph whose text is `text`. */
function endOf(doc: PMNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (node.type.name === "paragraph" && node.textContent === text)
      found = pos + node.nodeSize - 1;
    return found < 0;
  });
  if (found < 0) throw new Error(`no paragraph "${text}"`);
  return found;
}

describe("the Yjs binding, patched to replace only what changed", () => {
  it("shows another's keystroke as one step over the typed text, keeping every other node", () => {
    const { a, b } = pair();
    const before = b.view.state.doc;
    b.shown.length = 0;
    a.view.dispatch(a.view.state.tr.insertText("!", endOf(a.view.state.doc, "two 2")));
    exchange(a, b);
    expect(b.view.state.doc.eq(held(b))).toBe(true);
    expect(b.view.state.doc.child(1).child(1).textContent).toBe("two 2!");
    const steps = b.shown.flatMap((tr) => tr.steps);
    expect(steps).toHaveLength(1);
    const step = steps[0] as ReplaceStep;
    expect(step).toBeInstanceOf(ReplaceStep);
    // Inside the paragraph typed into, not the whole document.
    const at = endOf(before, "two 2");
    expect([step.from, step.to]).toEqual([at, at]);
    expect(step.slice.content.textBetween(0, step.slice.content.size)).toBe("!");
    // The sections not typed into are the very nodes shown before.
    expect(b.view.state.doc.child(0)).toBe(before.child(0));
    expect(b.view.state.doc.child(2)).toBe(before.child(2));
  });

  it("keeps the writer's caret in their words when another moves the block before them", () => {
    const { a, b } = pair();
    // B's caret after "three 2".
    const caret = endOf(b.view.state.doc, "three 2");
    b.view.dispatch(b.view.state.tr.setSelection(TextSelection.create(b.view.state.doc, caret)));
    // A moves section one to the end (a delete and an insert, as dragging does).
    const state = a.view.state;
    const first = state.doc.child(0);
    a.view.dispatch(
      state.tr.delete(0, first.nodeSize).insert(state.doc.content.size - first.nodeSize, first),
    );
    exchange(a, b);
    expect(b.view.state.doc.eq(held(b))).toBe(true);
    expect(b.view.state.doc.eq(a.view.state.doc)).toBe(true);
    expect(b.view.state.doc.child(2).firstChild?.textContent).toBe("one 1");
    const { $head } = b.view.state.selection;
    expect($head.parent.textContent).toBe("three 2");
    expect($head.parentOffset).toBe("three 2".length);
  });

  it("agrees with the shared document after concurrent deletes that overlap", () => {
    const { a, b } = pair();
    const sA = a.view.state;
    const sB = b.view.state;
    // A deletes from inside "one 2" to inside "two 2"; B deletes all of section two and types.
    a.view.dispatch(sA.tr.delete(endOf(sA.doc, "one 2") - 1, endOf(sA.doc, "two 2") - 1));
    const two = sB.doc.child(0).nodeSize;
    b.view.dispatch(sB.tr.delete(two, two + sB.doc.child(1).nodeSize));
    b.view.dispatch(b.view.state.tr.insertText("?", endOf(b.view.state.doc, "three 1")));
    exchange(a, b);
    for (const p of [a, b]) expect(p.view.state.doc.eq(held(p))).toBe(true);
    expect(a.view.state.doc.eq(b.view.state.doc)).toBe(true);
    expect(a.view.state.doc.textContent).toContain("three 1?");
  });

  it("undoes and redoes the writer's own typing only, with another's typing in between", () => {
    const { a, b } = pair();
    b.view.dispatch(b.view.state.tr.insertText(" mine", endOf(b.view.state.doc, "one 1")));
    a.view.dispatch(a.view.state.tr.insertText(" theirs", endOf(a.view.state.doc, "three 3")));
    exchange(a, b);
    expect(b.view.state.doc.textContent).toContain("one 1 mine");
    expect(b.view.state.doc.textContent).toContain("three 3 theirs");
    undo(b.view.state);
    expect(b.view.state.doc.textContent).not.toContain("mine");
    expect(b.view.state.doc.textContent).toContain("three 3 theirs");
    expect(b.view.state.doc.eq(held(b))).toBe(true);
    redo(b.view.state);
    expect(b.view.state.doc.textContent).toContain("one 1 mine");
    expect(b.view.state.doc.eq(held(b))).toBe(true);
  });

  it("converges with the shared document through random edits by two writers", () => {
    let seed = 19;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const { a, b } = pair();
    for (let round = 0; round < 60; round++) {
      for (const p of [a, b]) {
        const { state } = p.view;
        const blocks: { pos: number; node: PMNode }[] = [];
        state.doc.descendants((node, pos) => {
          if (node.type.name === "paragraph") blocks.push({ pos, node });
          return true;
        });
        const target = blocks[random(blocks.length)]!;
        const kind = random(5);
        const inside = target.pos + 1 + random(target.node.content.size + 1);
        let tr = state.tr;
        if (kind === 0) tr = tr.insertText(String.fromCharCode(97 + random(26)), inside);
        else if (kind === 1 && target.node.content.size > 0)
          tr = tr.delete(target.pos + 1, target.pos + 1 + random(target.node.content.size) + 1);
        else if (kind === 2) tr = tr.split(inside);
        else if (kind === 3 && blocks.length > 3)
          tr = tr.delete(target.pos, target.pos + target.node.nodeSize);
        else if (target.node.content.size > 0)
          tr = tr.addMark(target.pos + 1, target.pos + 2, schema.marks.strong!.create());
        if (tr.docChanged) p.view.dispatch(tr);
      }
      if (random(3) === 0) exchange(a, b);
      for (const p of [a, b]) expect(p.view.state.doc.eq(held(p))).toBe(true);
    }
    exchange(a, b);
    expect(a.view.state.doc.eq(b.view.state.doc)).toBe(true);
  });
});
