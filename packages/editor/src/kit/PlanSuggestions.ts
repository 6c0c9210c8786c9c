import {
  createId,
  DEFAULT_SECTION_POLICY,
  DEFAULT_SUGGEST_POLICY,
  type Role,
  type SectionPolicy,
} from "@ehcp/schema";
import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import { Extension } from "@tiptap/core";
import type { Transaction } from "@tiptap/pm/state";
import { ReplaceStep } from "@tiptap/pm/transform";
import { isFromYjs } from "../plugins/isFromYjs.js";
import { partsChanged } from "../plugins/partsChanged.js";
import { suggestedKey } from "../plugins/suggestedKey.js";

/** Who is suggesting: their marks carry this, and the server checks it against their sign-in. */
export interface SuggestionAuthor {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export interface PlanSuggestionsOptions {
  /** The signed-in writer; without one, nothing is suggested. */
  readonly author: SuggestionAuthor | null;
  readonly policy: SectionPolicy;
  /** Where each role may suggest in sections it may not edit (see `DEFAULT_SUGGEST_POLICY`). */
  readonly suggestPolicy: SectionPolicy;
}

/** Typing and deleting inside one paragraph or field: what may be suggested. */
function wordsOnly(tr: Transaction): boolean {
  return tr.steps.every((step, i) => {
    if (!(step instanceof ReplaceStep)) return false;
    const doc = tr.docs[i];
    if (!doc) return false;
    const { from, to, slice } = step as ReplaceStep & { from: number; to: number };
    const $from = doc.resolve(from);
    const $to = doc.resolve(to);
    let text = slice.openStart === 0 && slice.openEnd === 0;
    slice.content.forEach((node) => {
      text &&= node.isText;
    });
    return text && $from.parent === $to.parent && $from.parent.inlineContent;
  });
}

/**
 * Puts the author on the suggestion marks the transaction made, which carry only an id. Only the
 * paragraphs or fields its steps touched are read (`wordsOnly` keeps each step inside one), not
 * the whole section, since this runs on each keystroke of someone suggesting.
 */
function stampAuthor(tr: Transaction, author: SuggestionAuthor): void {
  const blocks = new Set<number>();
  tr.steps.forEach((step, i) => {
    const { from } = step as unknown as { from?: number };
    if (typeof from === "number")
      blocks.add(tr.doc.resolve(tr.mapping.slice(i).map(from, -1)).start());
  });
  for (const start of blocks) {
    tr.doc.resolve(start).parent.forEach((node, offset) => {
      for (const mark of node.marks) {
        const kind = mark.type.name;
        if ((kind !== "insertion" && kind !== "deletion") || mark.attrs.by) continue;
        tr.addMark(
          start + offset,
          start + offset + node.nodeSize,
          mark.type.create({ ...mark.attrs, by: author.id, name: author.name, role: author.role }),
        );
      }
    });
  }
}

/**
 * Words a writer types or pastes are their own. Typing inside someone's suggestion picks up its
 * mark (ProseMirror keeps a mark over a cursor inside it), which would show the new words as the
 * other person's suggestion: the server refuses that, so those marks come off the inserted text.
 * A split (Enter) inserts no text and keeps the suggestion on the words it moves.
 */
function ownWords(tr: Transaction, author: SuggestionAuthor): void {
  const ranges: [number, number][] = [];
  tr.steps.forEach((step, i) => {
    if (!(step instanceof ReplaceStep)) return;
    const { from, slice } = step as ReplaceStep & { from: number };
    let text = false;
    slice.content.descendants((node) => {
      text ||= node.isText;
      return !text;
    });
    if (!text) return;
    const after = tr.mapping.slice(i + 1);
    ranges.push([after.map(from, -1), after.map(from + slice.size, 1)]);
  });
  for (const [from, to] of ranges) {
    tr.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isText) return true;
      for (const mark of node.marks) {
        const kind = mark.type.name;
        if ((kind === "insertion" || kind === "deletion") && mark.attrs.by !== author.id) {
          tr.removeMark(Math.max(pos, from), Math.min(pos + node.nodeSize, to), mark);
        }
      }
      return false;
    });
  }
}

/**
 * Suggested changes: where the writer's role may not edit a section but may suggest, their
 * typing and deleting become tracked changes in their name (with
 * `@handlewithcare/prosemirror-suggest-changes`, ids random so that two people suggesting at once
 * never share one), for someone who may edit the section to accept or reject. Anything beyond
 * words (a new item, a value) is left to the role guard, which refuses it.
 */
declare module "@tiptap/core" {
  interface Storage {
    planSuggestions: { parts: readonly string[] };
  }
}

export const PlanSuggestions = Extension.create<
  PlanSuggestionsOptions,
  { parts: readonly string[] }
>({
  name: "planSuggestions",
  addStorage() {
    const { author, policy, suggestPolicy } = this.options;
    // The sections the writer may suggest in: those the policy lets them suggest in but not edit.
    return {
      parts: author
        ? suggestPolicy[author.role].filter((part) => !policy[author.role].includes(part))
        : [],
    };
  },
  addOptions: () => ({
    author: null,
    policy: DEFAULT_SECTION_POLICY,
    suggestPolicy: DEFAULT_SUGGEST_POLICY,
  }),
  dispatchTransaction({ transaction, next }) {
    const { author, policy, suggestPolicy } = this.options;
    if (
      !author ||
      !transaction.docChanged ||
      isFromYjs(transaction) ||
      transaction.getMeta(suggestedKey)
    ) {
      next(transaction);
      return;
    }
    const editable = new Set<string>(policy[author.role]);
    const parts = partsChanged(transaction);
    const outside = [...parts].filter((part) => !editable.has(part));
    const suggestable = new Set<string>(suggestPolicy[author.role]);
    if (
      outside.length === 0 ||
      !outside.every((part) => suggestable.has(part)) ||
      !wordsOnly(transaction)
    ) {
      ownWords(transaction, author);
      next(transaction);
      return;
    }
    const suggested = transformToSuggestionTransaction(transaction, this.editor.state, () =>
      createId("sug"),
    );
    stampAuthor(suggested, author);
    next(suggested.setMeta(suggestedKey, true));
  },
});
