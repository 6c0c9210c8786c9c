import type { Editor, NodeViewRendererProps } from "@tiptap/core";
import { DOMSerializer, Fragment, type Node as PMNode } from "@tiptap/pm/model";
import type { Decoration, NodeView } from "@tiptap/pm/view";
import { labelFrom } from "../plugins/itemLabels.js";
import { hasRealMark, makeReal } from "../plugins/realCards.js";
import {
  bareArticle,
  type CardShell,
  cardShell,
  describeArticle,
  describeCard,
} from "./cardShell.js";
import { FIELD_LABELS } from "./FIELD_LABELS.js";
import { fieldShell, stepDateWords } from "./fieldView.js";
import { whenNear } from "./whenNear.js";

const lightCards = new WeakMap<Element, LightCardView>();

/** The light card whose words hold `point`, if any. */
export function lightCardAt(point: Node | null): LightCardView | null {
  const element = point instanceof Element ? point : (point?.parentElement ?? null);
  const article = element?.closest("article.ehcp-item");
  return article ? (lightCards.get(article) ?? null) : null;
}

const serializers = new WeakMap<Editor["schema"], DOMSerializer>();
const serializerOf = (editor: Editor) => {
  let serializer = serializers.get(editor.schema);
  if (!serializer)
    serializers.set(editor.schema, (serializer = DOMSerializer.fromSchema(editor.schema)));
  return serializer;
};

/** What ProseMirror puts in an empty textblock so that it has a line's height. */
const trailingBreak = () => {
  const br = document.createElement("br");
  br.className = "ProseMirror-trailingBreak";
  return br;
};

/** Whether `node` is a paragraph the schema draws as a bare `<p>` of unmarked text. */
const isPlainParagraph = (node: PMNode) =>
  node.type.name === "paragraph" &&
  !node.attrs.lang &&
  node.content.content.every((child) => child.isText && child.marks.length === 0);

/**
 * Words as the schema draws them into `target`; unmarked text and plain paragraphs, most of a
 * plan, directly, the rest through its `toDOM`.
 */
function drawWords(serializer: DOMSerializer, content: Fragment, target: HTMLElement): void {
  content.forEach((node) => {
    if (node.isText && node.marks.length === 0) {
      target.append(node.text ?? "");
    } else if (isPlainParagraph(node)) {
      const paragraph = document.createElement("p");
      if (node.content.size > 0) paragraph.textContent = node.textContent;
      else paragraph.append(trailingBreak());
      target.append(paragraph);
    } else {
      target.append(serializer.serializeFragment(Fragment.from(node)));
    }
  });
}

/** Light cards whose words are not yet drawn, in the order they were made (the plan's). */
const unfilled = new Set<LightCardView>();
let draining = false;
/** How many cards' words are drawn at least, each time the page is idle or the wait is over. */
const AT_LEAST = 40;

const whenIdle = (run: (deadline: { timeRemaining(): number }) => void) => {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 200 });
  else setTimeout(() => run({ timeRemaining: () => 5 }), 0);
};

function drain(deadline: { timeRemaining(): number }): void {
  let drawn = 0;
  for (const card of unfilled) {
    if (drawn++ >= AT_LEAST && deadline.timeRemaining() < 2) break;
    card.fill();
  }
  if (unfilled.size > 0) whenIdle(drain);
  else draining = false;
}

/**
 * Draws a light card's words once the plan is on the screen: they are not seen (the card is
 * drawn in full before it comes near the viewport), and a long plan's words would cost its
 * opening as much as its few cards in sight; within a moment of the opening, find-in-page and
 * the accessibility tree have every word.
 */
function fillSoon(card: LightCardView): void {
  unfilled.add(card);
  if (draining) return;
  draining = true;
  whenIdle(drain);
}

/**
 * A card far from the screen in a long plan, drawn light: the same article, heading, fields and
 * labels as the card in full (`ItemCardView`), with its words as the schema draws them, but as
 * one view whose insides ProseMirror neither builds nor tracks, its heading, fields and words
 * drawn when the page is next idle (`fillSoon`); until then it is its bare article, with its
 * label and id, the size the styles give a card not yet laid out. The accessibility tree, find-in-page and the layout so hold the
 * whole plan, while an opening builds a screenful of cards in full. It is drawn in full
 * (`realCards`) when it comes within a screen of the viewport or the selection goes into it,
 * before it can be seen or edited.
 */
export class LightCardView implements NodeView {
  readonly dom: HTMLElement;
  private readonly getPos: () => number | undefined;
  /** Its heading and containers, made with its words. */
  private shell: CardShell | null = null;
  private readonly stopWaiting: () => void;
  private node: PMNode;
  private decorations: readonly Decoration[];
  /** Whether its words are drawn: the plan opens first, and they follow when the page is idle. */
  private filled = false;

  constructor(
    private readonly editor: Editor,
    { node, decorations, getPos }: Pick<NodeViewRendererProps, "node" | "decorations" | "getPos">,
  ) {
    this.node = node;
    this.decorations = decorations;
    this.getPos = getPos;
    this.dom = bareArticle(node, labelFrom(decorations) ?? "");
    // ProseMirror makes a view without content not editable, which would tell a screen reader
    // that these words cannot be changed: the card is as editable as its section, and drawn in
    // full before anything is typed into it.
    this.dom.setAttribute("contenteditable", "inherit");
    fillSoon(this);
    lightCards.set(this.dom, this);
    const id = node.attrs.id as string;
    this.stopWaiting = whenNear(editor, this.dom, () => makeReal(editor.view, id));
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type || hasRealMark(decorations)) return false;
    const changed = node !== this.node;
    this.node = node;
    this.decorations = decorations;
    if (this.shell) describeCard(this.shell, node, labelFrom(decorations) ?? "");
    else describeArticle(this.dom, node, labelFrom(decorations) ?? "");
    if (changed && this.filled) this.fill();
    return true;
  }

  /** Its words change only through the plan: nothing typed lands here (see `realCards`). */
  ignoreMutation(mutation: MutationRecord | { type: "selection"; target: Node }): boolean {
    return mutation.type !== "selection";
  }

  destroy(): void {
    this.stopWaiting();
    unfilled.delete(this);
    lightCards.delete(this.dom);
  }

  /**
   * The position in the plan of a point in the card's words, as the browser's selection gives
   * it (a screen reader's caret, a search's match): ProseMirror reads a point inside a view it
   * does not track as the view's end.
   */
  posAt(point: Node, offset: number): number | null {
    if (!this.filled) return null;
    const cardPos = this.getPos();
    const fields = this.shell?.fields;
    if (cardPos === undefined || !fields) return null;
    let element: Node | null = point;
    while (element && element.parentNode !== fields) element = element.parentNode;
    if (!element) return null;
    const index = [...fields.children].indexOf(element as Element);
    if (index < 0 || index >= this.node.childCount) return null;
    let fieldPos = cardPos + 1;
    for (let i = 0; i < index; i++) fieldPos += this.node.child(i).nodeSize;
    const field = this.node.child(index);
    const content = (element as Element).querySelector(".ehcp-field-content") ?? element;
    let characters = 0;
    if (content.contains(point)) {
      const before = document.createRange();
      before.setStart(content, 0);
      before.setEnd(point, offset);
      characters = before.toString().length;
    }
    let found: number | null = null;
    let seen = 0;
    field.descendants((node, pos) => {
      if (found !== null) return false;
      if (node.isText) {
        const length = node.text?.length ?? 0;
        if (characters <= seen + length) found = fieldPos + 1 + pos + (characters - seen);
        seen += length;
      }
      return true;
    });
    return found ?? fieldPos + 1;
  }

  /** The card's heading, fields and words, as `cardShell`, `fieldView` and the schema draw them. */
  fill(): void {
    this.filled = true;
    unfilled.delete(this);
    if (!this.shell) this.shell = cardShell(this.editor, this.node, this.dom);
    describeCard(this.shell, this.node, labelFrom(this.decorations) ?? "");
    const { fields } = this.shell;
    if (!fields) return;
    const serializer = serializerOf(this.editor);
    const drawn: HTMLElement[] = [];
    this.node.forEach((field) => {
      if (!(field.type.name in FIELD_LABELS)) {
        drawn.push(serializer.serializeNode(field) as HTMLElement);
        return;
      }
      const { dom, content } = fieldShell(this.editor, field);
      drawWords(serializer, field.content, content);
      if (field.isTextblock && field.content.size === 0) content.append(trailingBreak());
      if (field.type.name === "outcomeStep") {
        dom.append(stepDateWords(field.attrs.byWhen as string | null).element);
      }
      drawn.push(dom);
    });
    fields.replaceChildren(...drawn);
  }
}
