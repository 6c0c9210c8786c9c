import { describe, expect, it } from "vitest";
import { pdfkitBytes, useFontFor } from "../../test/pdfkitBytes.js";
import { batchWrites } from "./batchedWrites.js";

/** Pages of text, lines and a tagged paragraph, more operators than one batch holds. */
function draw(doc: PDFKit.PDFDocument): void {
  useFontFor(doc, "a");
  for (let page = 0; page < 3; page++) {
    if (page) doc.addPage();
    const p = doc.struct("P");
    doc.addStructure(p);
    for (let line = 0; line < 300; line++) {
      doc
        .moveTo(50, 40 + line)
        .lineTo(90, 40 + line)
        .stroke();
      p.add(
        doc.struct("Span", {}, () => {
          doc.text(`Line ${line} of page ${page}: Siân Ó Dálaigh`, 100, 40 + line * 2);
        }),
      );
    }
    p.end();
  }
}

describe("batchWrites", () => {
  it("writes the same bytes as pdfkit, in far fewer pieces", async () => {
    const plain = await pdfkitBytes(draw);
    const batched = await pdfkitBytes(draw, batchWrites);
    expect(batched.bytes.equals(plain.bytes)).toBe(true);
    expect(batched.chunks * 20).toBeLessThan(plain.chunks);
  });

  it("keeps the order of bytes written into a page's content between strings", async () => {
    // A binary chunk in a page's content: the strings before it must be written before it.
    const withBinary = (doc: PDFKit.PDFDocument) => {
      useFontFor(doc, "a");
      doc.text("Siân", 50, 50);
      doc.addContent("% before");
      doc.page.content.write(Buffer.from("% raw bytes\n", "binary"));
      doc.addContent("% after");
    };
    const plain = await pdfkitBytes(withBinary, undefined, { compress: false });
    const batched = await pdfkitBytes(withBinary, batchWrites, { compress: false });
    expect(batched.bytes.equals(plain.bytes)).toBe(true);
    const content = batched.bytes.toString("binary");
    const at = (s: string) => content.indexOf(s);
    expect(at("% before")).toBeGreaterThan(0);
    expect(at("% raw bytes")).toBeGreaterThan(at("% before"));
    expect(at("% after")).toBeGreaterThan(at("% raw bytes"));
  });

  it("gives a cross-reference table whose offsets point at their objects", async () => {
    const { bytes } = await pdfkitBytes(draw, batchWrites);
    const text = bytes.toString("binary");
    const xref = text.slice(text.lastIndexOf("\nxref\n"));
    const offsets = [...xref.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets.length).toBeGreaterThan(20);
    offsets.forEach((offset, i) =>
      expect(text.slice(offset, offset + 12)).toMatch(new RegExp(`^${i + 1} 0 obj`)),
    );
  });
});
