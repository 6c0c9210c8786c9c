import type { Editor, NodeViewRendererProps } from "@tiptap/core";
import { NodeView } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { Decoration, DecorationSource } from "@tiptap/pm/view";
import { ReactRenderer } from "@tiptap/react";
import { labelFrom } from "../plugins/itemLabels.js";
import { ItemCard, type ItemCardProps } from "./ItemCard.js";
import { type CardShell, cardShell, describeCard } from "./cardShell.js";
import { whenNear } from "./whenNear.js";

const views = new WeakMap<Element, ItemCardView>();

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
  private shell!: CardShell;
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
    const shell = cardShell(this.editor, this.node);
    this.shell = shell;
    this.article = shell.article;
    this.parts = shell.parts;
    this.fields = shell.fields;
    this.addHost = shell.addHost;
    this.describe();
    views.set(this.article, this);
    this.stopWaiting = whenNear(this.editor, this.article, () => this.show());
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

  private describe(): void {
    describeCard(this.shell, this.node, labelFrom(this.decorations) ?? "");
  }
}

/** The card view whose DOM this is, if any. */
export function itemCardViewOf(dom: Node | null | undefined): ItemCardView | null {
  return dom instanceof Element ? (views.get(dom) ?? null) : null;
}
