// The page `bench/editor.mjs` drives in Chromium: our PlanEditor holding a large plan, or a plain
// Tiptap StarterKit editor holding the same text, each bound to Yjs the same way.
import { PlanEditor, planExtensions } from "@ehcp/editor";
import "@ehcp/editor/styles.css";
import { type Plan, planToDoc, planToYDoc, PLAN_FRAGMENT_NAME } from "@ehcp/schema";
import { Editor, getSchema, type JSONContent } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { createRoot } from "react-dom/client";
import * as Y from "yjs";

declare global {
  interface Window {
    bench: {
      prepare(plan: Plan): void;
      setup(kind: "ours" | "plain"): Promise<number>;
      settle(): Promise<void>;
      mountedCards(): number;
      keystrokes(count: number): number[];
      remote(count: number): number[];
      read(which: "ours" | "plain", part: "decode" | "convert", count: number): void;
    };
  }
}

let editor: Editor | null = null;
let doc: Y.Doc | null = null;
let kind: "ours" | "plain" = "ours";
let prepared: { ours: Y.Doc; plain: Y.Doc } | null = null;
type Schema = ReturnType<typeof getSchema>;
let schemas: { ours: Schema; plain: Schema } | null = null;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
let remoteDoc: Y.Doc | null = null;
let caret = 0;

/** The position at the end of the "delivered by" text of the 100th provision (or the same text). */
function findCaret(current: Editor, which: "ours" | "plain"): number {
  let found = -1;
  let seen = 0;
  current.state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    const match =
      which === "ours"
        ? node.type.name === "provisionDeliveredBy"
        : node.type.name === "paragraph" && node.textContent.startsWith("DELIVERED ");
    if (match && seen++ === 100) found = pos + node.nodeSize - 1;
    return true;
  });
  return found;
}

window.bench = {
  // The shared document as it would arrive from the server, for each editor: not timed.
  prepare(plan) {
    const ours = new Y.Doc();
    planToYDoc(plan, ours);
    // The same words as plain paragraphs; "delivered by" texts marked so the caret finds them.
    const paragraphs: JSONContent[] = [];
    planToDoc(plan).descendants((node) => {
      if (node.isTextblock) {
        const text =
          (node.type.name === "provisionDeliveredBy" ? "DELIVERED " : "") + node.textContent;
        paragraphs.push({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });
        return false;
      }
      return true;
    });
    const plain = prosemirrorJSONToYDoc(
      getSchema([StarterKit]),
      { type: "doc", content: paragraphs },
      PLAN_FRAGMENT_NAME,
    );
    prepared = { ours, plain };
  },
  // What any editor bound to Yjs does as it opens, whatever it then draws: the shared document's
  // update decoded into a Y.Doc, and the Y.Doc read into ProseMirror nodes (in the editor, by
  // y-tiptap's binding); `count` times, timed by the caller.
  read(which, part, count) {
    const source = (prepared as { ours: Y.Doc; plain: Y.Doc })[which];
    schemas ??= { ours: getSchema(planExtensions()), plain: getSchema([StarterKit]) };
    const update = Y.encodeStateAsUpdate(source);
    for (let i = 0; i < count; i++) {
      if (part === "decode") Y.applyUpdate(new Y.Doc(), update);
      else
        yXmlFragmentToProseMirrorRootNode(
          source.getXmlFragment(PLAN_FRAGMENT_NAME),
          schemas[which],
        );
    }
  },
  // From an empty page to the plan built from Yjs, laid out and painted.
  async setup(which) {
    kind = which;
    const start = performance.now();
    doc = (prepared as { ours: Y.Doc; plain: Y.Doc })[kind];
    const root = document.getElementById("root") as HTMLElement;
    if (kind === "ours") {
      await new Promise<void>((resolve) => {
        createRoot(root).render(
          <PlanEditor
            document={doc as Y.Doc}
            user={{ name: "Bench", role: "caseworker", color: "#1d4ed8" }}
            onEditor={(e) => {
              if (e) {
                editor = e;
                resolve();
              }
            }}
          />,
        );
      });
    } else {
      const element = document.createElement("div");
      root.append(element);
      editor = new Editor({
        element,
        extensions: [
          StarterKit.configure({ undoRedo: false }),
          Collaboration.configure({ document: doc, field: PLAN_FRAGMENT_NAME }),
        ],
      });
    }
    void root.getBoundingClientRect().height;
    await nextFrame();
    await nextFrame();
    return performance.now() - start;
  },
  // How many cards have their React controls mounted (PlanEditor mounts those near the screen).
  mountedCards: () => document.querySelectorAll(".ehcp-card-controls").length,
  async settle() {
    await new Promise((r) => setTimeout(r, 100));
    caret = findCaret(editor as Editor, kind);
    remoteDoc = new Y.Doc();
    Y.applyUpdate(remoteDoc, Y.encodeStateAsUpdate(doc as Y.Doc));
  },
  keystrokes(count) {
    const current = editor as Editor;
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      current.view.dispatch(current.state.tr.insertText("x", caret + i));
      // Layout is part of what the writer waits for.
      void current.view.dom.getBoundingClientRect().height;
      times.push(performance.now() - t);
    }
    caret += count;
    return times;
  },
  remote(count) {
    const times: number[] = [];
    const source = remoteDoc as Y.Doc;
    const updates: Uint8Array[] = [];
    source.on("update", (u: Uint8Array) => updates.push(u));
    // Type at the start of the first text of the document held by the remote copy.
    const first = (function firstText(type: Y.XmlElement | Y.XmlFragment): Y.XmlText | null {
      for (const child of type.toArray()) {
        if (child instanceof Y.XmlText) return child;
        const inner = firstText(child as Y.XmlElement);
        if (inner) return inner;
      }
      return null;
    })(source.getXmlFragment(PLAN_FRAGMENT_NAME));
    for (let i = 0; i < count; i++) first?.insert(0, "r");
    for (const update of updates) {
      const t = performance.now();
      Y.applyUpdate(doc as Y.Doc, update);
      void (editor as Editor).view.dom.getBoundingClientRect().height;
      times.push(performance.now() - t);
    }
    return times;
  },
};
