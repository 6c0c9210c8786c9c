import type { Sender } from "./Sender.js";
import type { SuggestedWords } from "./suggestedWords.js";

/**
 * Why an update may not take away some of the words under another person's suggestion (the mark
 * formatted off, the words deleted, the paragraph or item holding them removed), or null. A
 * suggestion is decided only through the server's accept and reject, each with its reason kept
 * in the family's record of their representations; an edit removing it would decide it with no
 * record. Its author may withdraw it. `held` lists the suggestions the plan holds, as
 * `suggestionKey` writes them.
 */
export function removedSuggestion(
  before: SuggestedWords,
  after: SuggestedWords,
  held: ReadonlySet<string>,
  sender: Sender,
): string | null {
  const now = after.under(held);
  for (const [suggestion, words] of before.under(held)) {
    if (words === "" || now.get(suggestion) === words) continue;
    const value = JSON.parse(suggestion.slice(suggestion.indexOf(":") + 1)) as {
      by?: unknown;
      name?: unknown;
    };
    // Its author may withdraw it.
    if (value?.by === sender.id) continue;
    const name = typeof value.name === "string" ? value.name.slice(0, 60) : "someone";
    return `${name}'s suggestion may be taken out only by accepting or rejecting it, with a reason, not by an edit`;
  }
  return null;
}
