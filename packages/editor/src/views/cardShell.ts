import type { Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { languageDirection } from "@ehcp/schema";
import { idPrefix } from "./sectionView.js";

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

let cards = 0;

/** The parts of a card's DOM that every card has, drawn in full or light (`LightCardView`). */
export interface CardShell {
  readonly article: HTMLElement;
  readonly label: HTMLElement;
  /** Where the card's React findings and controls go. */
  readonly parts: HTMLElement;
  /** The fields' container, or null for an item with no text of its own. */
  readonly fields: HTMLElement | null;
  /** An outcome's "Add a step", drawn by its controls. */
  readonly addHost: HTMLElement;
}

/**
 * A card's article, heading (label and kind) and containers, the same whether the card is drawn
 * in full or light, so a card made real in place keeps its size, landmarks and names. Given the
 * card's bare article (`bareArticle`, which a light card starts as), it fills that one.
 */
export function cardShell(editor: Editor, node: PMNode, into?: HTMLElement): CardShell {
  let article: HTMLElement;
  if (into) {
    // One deep clone, its children moved: cheaper than a clone of each child.
    article = into;
    article.append(...(shellOf(node).cloneNode(true) as HTMLElement).childNodes);
  } else {
    article = shellOf(node).cloneNode(true) as HTMLElement;
  }
  const heading = article.firstChild as HTMLElement;
  const headingId = `${idPrefix(editor)}-card-${++cards}`;
  heading.id = headingId;
  article.setAttribute("aria-labelledby", headingId);
  // The article's own children, found by class without a selector (a long plan has many cards).
  let contentLabel: HTMLElement | null = null;
  let fields: HTMLElement | null = null;
  let addHost: HTMLElement | null = null;
  for (const child of article.children as HTMLCollectionOf<HTMLElement>) {
    if (child.className === "ehcp-field-label") contentLabel = child;
    else if (child.className === "ehcp-item-fields") fields = child;
    else if (child.className === "ehcp-add") addHost = child;
  }
  if (contentLabel) contentLabel.id = `${headingId}-content`;
  if (!addHost) {
    addHost = document.createElement("div");
    addHost.className = "ehcp-add";
    addHost.contentEditable = "false";
  }
  return {
    article,
    label: heading.firstChild as HTMLElement,
    parts: heading.nextSibling as HTMLElement,
    fields,
    addHost,
  };
}

const shells = new Map<string, HTMLElement>();

/**
 * A card's article without its heading and containers, which a light card is until its words
 * are drawn (`cardShell` then fills it): its class, id and label are there from the start.
 */
export function bareArticle(node: PMNode, label: string): HTMLElement {
  const article = shellOf(node).cloneNode(false) as HTMLElement;
  describeArticle(article, node, label);
  return article;
}

/**
 * The card's data attributes, which follow the item: its label and id. Through `setAttribute`:
 * `dataset` took 13 of the light cards' 29 sampled ms in a 960-provision opening's profile.
 */
export function describeArticle(article: HTMLElement, node: PMNode, label: string): void {
  article.setAttribute("data-label", label);
  article.setAttribute("data-id", (node.attrs.id as string | null) ?? "");
}

/** The card of a kind of item before its ids, label and words: cloned for each card. */
function shellOf(node: PMNode): HTMLElement {
  const name = node.type.name;
  const key = `${name} ${node.isAtom}`;
  const made = shells.get(key);
  if (made) return made;
  const article = document.createElement("article");
  article.className = `ehcp-item ehcp-${name}`;
  const heading = document.createElement("h3");
  heading.className = "ehcp-item-heading";
  heading.contentEditable = "false";
  const label = document.createElement("span");
  label.className = "ehcp-item-label";
  heading.append(label, ` ${KIND[name] ?? name}`);
  const parts = document.createElement("div");
  parts.className = "ehcp-card-parts";
  parts.contentEditable = "false";
  article.append(heading, parts);
  const contentLabel = CONTENT_LABELS[name];
  if (contentLabel) {
    const span = document.createElement("span");
    span.className = "ehcp-field-label";
    span.contentEditable = "false";
    span.textContent = contentLabel;
    article.append(span);
  }
  if (!node.isAtom) {
    const fields = document.createElement("div");
    fields.className = "ehcp-item-fields";
    article.append(fields);
  }
  if (name === "outcome") {
    const addHost = document.createElement("div");
    addHost.className = "ehcp-add";
    addHost.contentEditable = "false";
    article.append(addHost);
  }
  shells.set(key, article);
  return article;
}

/**
 * The heading's label and the card's data attributes, which follow the item; and a view's
 * language on its words, so a screen reader reads them in its voice and Urdu runs right to left.
 */
export function describeCard(shell: CardShell, node: PMNode, label: string): void {
  if (shell.label.textContent !== label) shell.label.textContent = label;
  describeArticle(shell.article, node, label);
  const lang = node.attrs.lang as string | null | undefined;
  if (shell.fields && lang !== undefined) {
    if (lang) {
      shell.fields.lang = lang;
      shell.fields.dir = languageDirection(lang);
    } else {
      shell.fields.removeAttribute("lang");
      shell.fields.removeAttribute("dir");
    }
  }
}
