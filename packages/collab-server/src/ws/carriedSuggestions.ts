import { markOfAttribute } from "@ehcp/schema";
import * as Y from "yjs";
import type { Sender } from "./Sender.js";
import { namesSender, SUGGESTION_MARKS, suggestionKey } from "./checkAddedItem.js";
import type { SuggestedWords } from "./suggestedWords.js";

/**
 * The suggestions of other people that new characters in `text` are shown under, as
 * `suggestionKey` writes them. A character's marks are the formatting in force where Yjs put it,
 * so words typed between two characters of someone's suggestion are theirs with no mark of the
 * sender's at all: the marks are read from the text, not from what the update holds.
 */
export function othersSuggestionsOnNew(
  text: Y.XmlText,
  isNew: (item: Y.Item) => boolean,
  sender: Sender,
  found: Set<string>,
): void {
  const current = new Map<string, unknown>();
  for (let item = text._start; item; item = item.right) {
    // As Yjs's `toDelta`: deleted formatting applies no more.
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentFormat) {
      const { key, value } = item.content;
      if (value === null) current.delete(key);
      else current.set(key, value);
      continue;
    }
    if (!(item.content instanceof Y.ContentString) || !isNew(item)) continue;
    for (const [key, value] of current) {
      const mark = markOfAttribute(key);
      if (mark && SUGGESTION_MARKS.has(mark) && !namesSender(value, sender)) {
        found.add(suggestionKey(mark, value));
      }
    }
  }
}

/**
 * The suggestions of other people in force anywhere in `text`: when an update adds or deletes
 * formatting in a text, any suggestion there may have grown over words not its author's (the
 * item that ended it deleted, say).
 */
export function othersSuggestionsIn(text: Y.XmlText, sender: Sender, found: Set<string>): void {
  for (const op of text.toDelta() as { attributes?: object }[]) {
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      const mark = markOfAttribute(key);
      if (mark && SUGGESTION_MARKS.has(mark) && !namesSender(value, sender)) {
        found.add(suggestionKey(mark, value));
      }
    }
  }
}

/** Whether `part` is `whole` with characters left out, or all of it. */
function within(part: string, whole: string): boolean {
  let at = 0;
  for (const character of part) {
    at = whole.indexOf(character, at);
    if (at < 0) return false;
    at += character.length;
  }
  return true;
}

/**
 * Why an update that writes new characters or formatting under other people's suggestions may
 * not: an editor may move someone's suggested words (Enter inside a suggestion splits it, writing
 * the moved half anew under its mark) or take some out, but the words under the suggestion, read
 * through the plan in order, must stay the words its author wrote, or some of them. Null when
 * they do.
 */
export function forgedSuggestion(
  before: SuggestedWords,
  after: SuggestedWords,
  suggestions: ReadonlySet<string>,
): string | null {
  if (suggestions.size === 0) return null;
  const was = before.under(suggestions);
  const now = after.under(suggestions);
  for (const [suggestion, words] of now) {
    if (!within(words, was.get(suggestion) ?? "")) {
      const value = JSON.parse(suggestion.slice(suggestion.indexOf(":") + 1)) as {
        name?: unknown;
      };
      const name = typeof value.name === "string" ? value.name.slice(0, 60) : "someone";
      return `new words may not be shown as another person's suggestion (${name}'s): only the words they suggested may move`;
    }
  }
  return null;
}
