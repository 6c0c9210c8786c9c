import type { Editor, NodeViewRendererProps } from "@tiptap/core";
import { NodeView } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { Decoration, DecorationSource } from "@tiptap/pm/view";
import { languageDirection } from "@ehcp/schema";
import { ReactRenderer } from "@tiptap/react";
import { labelFrom } from "../plugins/itemLabels.js";
import { ItemCard, type ItemCardProps } from "./ItemCard.js";
import { idPrefix } from "./sectionView.js";
import { whenNear } from "./whenNear.js";

const KIND: Record<string, string> = {
  need: "Need",
  outcome: "Outcome",
  provision: "Provision",
  view: "View",
  advice: "Advice",
  budgetItem: "Item of the personal budget",
};

/** What the text of an item that is not in fields of its own is. */
const CONTENT_LABELS: Record<string, string> = {
  view: "Their view",
  budgetItem: "The outcomes it will help meet",
};

const views = new WeakMap<Element, ItemCardView>();
let cards = 0;

/** What a card shows from its decorations: its label and its findings. */
const shown = (decorations: readonly Decoration[]) =>
  decorations.map((d) => {
    const spec = d.spec as { label?: unknown; findings?: unknown };
    return spec.label ?? spec.findings;
  });

/**
 * The card of a need, an outcome, a provision, a view, a piece of advice or an item of the
 * budget. Its heading (label and kind) and its text, with the fields' labels, are plain DOM from
 * the start, so the accessibility tree, find-in-page and the layout are whole at once; its
 * findings and form controls are React, mounted only when the card comes near the screen, or at
 * once when the caret or a finding link goes into it (`showCardAt`). A long plan so opens with
 * a screenful of React cards instead of hundreds.
 */
export class ItemCardView extends NodeView<typeof ItemCard, Editor> {
  private article!: HTMLElement;
  private label!: HTMLElement;
  private parts!: HTMLElement;
  private addHost!: HTMLElement;
  private fields: HTMLElement | null = null;
  private renderer: ReactRenderer<unknown, ItemCardProps> | null = null;
  private stopWaiting: () => void = () => {};

  constructor(props: NodeViewRendererProps) {
    super(ItemCard, props);
    // Built here, not in `mount` (which the base constructor calls), since fields are set only
    // once the base constructor has returned.
    this.build();
  }

  override mount(): void {}

  private build(): void {
    const name = this.node.type.name;
    const article = document.createElement("article");
    article.className = `ehcp-item ehcp-${name}`;
    const headingId = `${idPrefix(this.editor)}-card-${++cards}`;
    article.setAttribute("aria-labelledby", headingId);
    const heading = document.createElement("h3");
    heading.id = headingId;
    heading.className = "ehcp-item-heading";
    heading.contentEditable = "false";
    this.label = document.createElement("span");
    this.label.className = "ehcp-item-label";
    heading.append(this.label, ` ${KIND[name] ?? name}`);
    this.parts = document.createElement("div");
    this.parts.className = "ehcp-card-parts";
    this.parts.contentEditable = "false";
    article.append(heading, this.parts);
    const contentLabel = CONTENT_LABELS[name];
    if (contentLabel) {
      const span = document.createElement("span");
      span.className = "ehcp-field-label";
      span.contentEditable = "false";
      span.id = `${headingId}-content`;
      span.textContent = contentLabel;
      article.append(span);
    }
    if (!this.node.isAtom) {
      this.fields = document.createElement("div");
      this.fields.className = "ehcp-item-fields";
      article.append(this.fields);
    }
    this.addHost = document.createElement("div");
    this.addHost.className = "ehcp-add";
    this.addHost.contentEditable = "false";
    if (name === "outcome") article.append(this.addHost);
    this.article = article;
    this.describe();
    views.set(article, this);
    this.stopWaiting = whenNear(this.editor, article, () => this.show());
  }

  override get dom(): HTMLElement {
    return this.article;
  }

  override get contentDOM(): HTMLElement | null {
    return this.fields;
  }

  /** Whether the card's React part is mounted. */
  get shown(): boolean {
    return this.renderer !== null;
  }

  /** Mounts the card's findings and controls, if they are not yet. */
  show(): void {
    // Before the editor's content is on the page there is nowhere to render: the node views are
    // made again once it is.
    if (
      this.renderer ||
      !this.article ||
      !(this.editor as { contentComponent?: unknown }).contentComponent
    )
      return;
    this.stopWaiting();
    this.renderer = new ReactRenderer<unknown, ItemCardProps>(ItemCard, {
      editor: this.editor,
      props: this.props(),
      className: "ehcp-card-controls",
    });
    this.parts.append(this.renderer.element);
  }

  update(node: PMNode, decorations: readonly Decoration[], inner: DecorationSource): boolean {
    if (node.type !== this.node.type) return false;
    const before = shown(this.decorations);
    const after = shown(decorations);
    const changed =
      node !== this.node ||
      before.length !== after.length ||
      before.some((value, i) => value !== after[i]);
    this.node = node;
    this.decorations = decorations;
    this.innerDecorations = inner;
    if (changed) {
      this.describe();
      this.renderer?.updateProps({
        node,
        decorations: decorations as ItemCardProps["decorations"],
      });
    }
    return true;
  }

  destroy(): void {
    this.stopWaiting();
    views.delete(this.article);
    this.renderer?.destroy();
    this.renderer = null;
  }

  private props(): ItemCardProps {
    return {
      editor: this.editor,
      node: this.node,
      decorations: this.decorations as ItemCardProps["decorations"],
      getPos: () => this.getPos(),
      updateAttributes: (attributes: Record<string, unknown>) => this.updateAttributes(attributes),
      addHost: this.addHost,
    };
  }

  /**
   * The heading's label and the card's data attributes, which follow the item; and a view's
   * language on its words, so a screen reader reads them in its voice and Urdu runs right to left.
   */
  private describe(): void {
    const label = labelFrom(this.decorations) ?? "";
    if (this.label.textContent !== label) this.label.textContent = label;
    this.article.dataset.label = label;
    this.article.dataset.id = (this.node.attrs.id as string | null) ?? "";
    const lang = this.node.attrs.lang as string | null | undefined;
    if (this.fields && lang !== undefined) {
      if (lang) {
        this.fields.lang = lang;
        this.fields.dir = languageDirection(lang);
      } else {
        this.fields.removeAttribute("lang");
        this.fields.removeAttribute("dir");
      }
    }
  }
}

/** The card view whose DOM this is, if any. */
export function itemCardViewOf(dom: Node | null | undefined): ItemCardView | null {
  return dom instanceof Element ? (views.get(dom) ?? null) : null;
}
