import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readWholeUpdate } from "./readWholeUpdate.js";

/** A document holding every kind of content Yjs writes, with deletions. */
function everyKind(): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment("prosemirror");
  const element = new Y.XmlElement("paragraph");
  element.setAttribute("id", "p-1");
  const text = new Y.XmlText();
  element.insert(0, [text]);
  // Yjs types a fragment as holding elements and texts, but writes a hook there too.
  fragment.insert(0, [element, new Y.XmlHook("hook") as never]);
  text.insert(0, "Lena likes trains", { bold: true });
  text.format(0, 4, { insertion: { id: "s-1", by: "user-parent" } });
  text.delete(5, 6);
  const rich = doc.getText("rich");
  rich.insertEmbed(0, { image: "x" });
  const map = doc.getMap("meta");
  map.set("child", { name: "Lena", born: 2015, tags: ["a", null, true] });
  map.set("child", "replaced");
  map.set("bytes", new Uint8Array([1, 2, 3]));
  map.set("sub", new Y.Doc({ guid: "sub-1" }));
  doc.getArray("list").insert(0, [1, "two", { three: 3 }]);
  return doc;
}

describe("readWholeUpdate", () => {
  it("reads through every kind of content an honest editor sends, whole or as one change", () => {
    const doc = everyKind();
    expect(() => readWholeUpdate(Y.encodeStateAsUpdate(doc))).not.toThrow();
    const before = Y.encodeStateVector(doc);
    doc.getXmlFragment("prosemirror").delete(0, 1);
    expect(() => readWholeUpdate(Y.encodeStateAsUpdate(doc, before))).not.toThrow();
    expect(() => readWholeUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).not.toThrow();
  });

  it("refuses the same document encoded as V2, which Yjs's V1 reader would take as empty", () => {
    const v2 = Y.encodeStateAsUpdateV2(everyKind());
    expect(Y.parseUpdateMeta(v2).to.size).toBe(0);
    expect(() => readWholeUpdate(v2)).toThrow(/bytes follow the end of the update/);
  });

  it("refuses an update cut short", () => {
    const update = Y.encodeStateAsUpdate(everyKind());
    expect(() => readWholeUpdate(update.slice(0, update.length - 3))).toThrow();
  });

  it("gives the clocks each client writes up to, as Yjs's own reader does, skips included", () => {
    const doc = everyKind();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const first = Y.encodeStateVector(other);
    const changes: Uint8Array[] = [];
    other.on("update", (update: Uint8Array) => changes.push(update));
    other.getText("rich").insert(0, "naïve 🚂 ");
    other.getText("rich").insert(0, "gap ");
    other.getText("rich").insert(0, "more");
    other.getText("rich").delete(2, 3);
    // A merge of changes with one left out between them holds a skip.
    const gapped = Y.mergeUpdates([changes[0], changes[2], changes[3]] as Uint8Array[]);
    expect(Y.decodeUpdate(gapped).structs.some((s) => s.constructor.name === "Skip")).toBe(true);
    for (const update of [
      Y.encodeStateAsUpdate(doc),
      Y.encodeStateAsUpdate(other, first),
      gapped,
    ]) {
      expect(readWholeUpdate(update)).toEqual(Y.parseUpdateMeta(update).to);
    }
    expect(readWholeUpdate(Y.encodeStateAsUpdate(new Y.Doc())).size).toBe(0);
  });
});
