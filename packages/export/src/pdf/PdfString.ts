/**
 * A PDF text string for pdfkit, written exactly as `new String(text)` is. pdfkit asks each
 * string object, character by character, whether it needs UTF-16; V8 answers `charCodeAt` on a
 * String object some twenty times slower than on the text itself (about 25 µs for a link's
 * description), and the large plan has over 5,000 such strings: each link's description and
 * target, each named destination and bookmark title.
 */
export class PdfString extends String {
  readonly #text: string;

  constructor(text: string) {
    super(text);
    this.#text = text;
  }

  override charCodeAt(index: number): number {
    return this.#text.charCodeAt(index);
  }
}

/** The tree of a pdfkit document's named destinations, as far as its keys go. */
interface Document {
  _root: { data: { Names: { data: { Dests: { _dataForKey(key: string): unknown } } } } };
}

/** Makes the document write its named destinations' names as `PdfString`s. */
export function fastDestinationNames(document: unknown): void {
  (document as Document)._root.data.Names.data.Dests._dataForKey = (key) => new PdfString(key);
}
