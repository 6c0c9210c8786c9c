import * as Y from "yjs";

/** Per document, its state as one update until it next changes, and the listener that forgets it. */
const encoded = new WeakMap<Y.Doc, { state: Uint8Array | null }>();

/**
 * A document's whole state as one update (`Y.encodeStateAsUpdate`), encoded once for as long as
 * the document does not change: storing a plan (`persistence`) and measuring it
 * (`documentSizeCap`) each need it, one after the other, and a large plan takes milliseconds to
 * encode.
 */
export function encodedState(doc: Y.Doc): Uint8Array {
  let entry = encoded.get(doc);
  if (!entry) {
    const made: { state: Uint8Array | null } = { state: null };
    doc.on("update", () => (made.state = null));
    encoded.set(doc, made);
    entry = made;
  }
  entry.state ??= Y.encodeStateAsUpdate(doc);
  return entry.state;
}
