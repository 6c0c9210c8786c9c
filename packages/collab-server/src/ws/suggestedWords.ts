import { markOfAttribute, PLAN_FRAGMENT_NAME } from "@ehcp/schema";
import * as Y from "yjs";
import { SUGGESTION_MARKS, suggestionKey } from "./checkAddedItem.js";

/**
 * A text's words under suggestion marks, in order: each run's suggestion (as `suggestionKey`
 * writes it) and its words.
 */
type Runs = readonly (readonly [suggestion: string, words: string])[];

function runsOf(text: Y.XmlText): Runs {
  const runs: [string, string][] = [];
  for (const op of text.toDelta() as { insert: unknown; attributes?: object }[]) {
    if (typeof op.insert !== "string") continue;
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      const mark = markOfAttribute(key);
      if (mark && SUGGESTION_MARKS.has(mark)) runs.push([suggestionKey(mark, value), op.insert]);
    }
  }
  return runs;
}

function textsOf(type: Y.XmlFragment | Y.XmlElement, into: Y.XmlText[]): Y.XmlText[] {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) into.push(child);
    else if (child instanceof Y.XmlElement) textsOf(child, into);
  }
  return into;
}

/**
 * The words under suggestions in one plan's Yjs document, read through the plan in order. The
 * suggestion guard reads them before and after each delete or change of formatting, and reading
 * every text of a long plan twice per keystroke held the event loop for milliseconds; so each
 * text's runs are kept until a transaction changes that text, and the list of texts until one
 * changes which there are: a keystroke reads one text again.
 */
export class SuggestedWords {
  readonly #doc: Y.Doc;
  readonly #runs = new WeakMap<Y.XmlText, Runs>();
  /** The plan's texts in order, until a transaction adds, moves or removes a child anywhere. */
  #texts: Y.XmlText[] | null = null;
  // A text's delta changes only in a transaction that records it as changed: its characters or
  // their formatting. Which texts the plan holds changes only with an element's children (a
  // paragraph deleted is a change to the element that held it).
  readonly #forget = (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      if (type instanceof Y.XmlText) this.#runs.delete(type);
      else if (keys.has(null)) this.#texts = null;
    }
  };

  constructor(doc: Y.Doc) {
    this.#doc = doc;
    doc.on("afterTransaction", this.#forget);
  }

  /** The words under each of `suggestions`, in the order they stand ("" for one not in the plan). */
  under(suggestions: ReadonlySet<string>): Map<string, string> {
    const words = new Map<string, string>([...suggestions].map((s) => [s, ""]));
    this.#texts ??= textsOf(this.#doc.getXmlFragment(PLAN_FRAGMENT_NAME), []);
    for (const text of this.#texts) {
      let runs = this.#runs.get(text);
      if (!runs) this.#runs.set(text, (runs = runsOf(text)));
      for (const [suggestion, run] of runs) {
        const so = words.get(suggestion);
        if (so !== undefined) words.set(suggestion, so + run);
      }
    }
    return words;
  }

  destroy(): void {
    this.#doc.off("afterTransaction", this.#forget);
  }
}
