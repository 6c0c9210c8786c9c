import { describe, expect, it } from "vitest";
import { pdfkitBytes, useFontFor } from "../../test/pdfkitBytes.js";
import { fastDestinationNames, PdfString } from "./PdfString.js";

describe("PdfString", () => {
  it("reads as the text it holds", () => {
    const text = "Outcome E2: reads a page — Siân (Ŵ)";
    const s = new PdfString(text);
    expect(String(s)).toBe(text);
    expect(s.length).toBe(text.length);
    expect([...text].map((_, i) => s.charCodeAt(i))).toEqual(
      [...text].map((_, i) => text.charCodeAt(i)),
    );
  });

  it("is written as pdfkit writes a String object, for links, destinations and bookmarks", async () => {
    const draw = (make: (t: string) => object) => (doc: PDFKit.PDFDocument) => {
      useFontFor(doc, "a");
      for (const name of ["E2", "Siân's view (Ŵ)", "a\\b"]) {
        doc.addNamedDestination(name);
        doc.link(56, 60, 100, 12, make(name) as unknown as string);
        doc.outline.addItem(make(`Section ${name}`) as unknown as string);
      }
    };
    const plain = await pdfkitBytes(
      draw((t) => new String(t)),
      undefined,
      { compress: false },
    );
    const fast = await pdfkitBytes(
      draw((t) => new PdfString(t)),
      fastDestinationNames,
      { compress: false },
    );
    expect(fast.bytes.equals(plain.bytes)).toBe(true);
    // The names tree holds the destinations in UTF-16 where they need it.
    expect(fast.bytes.includes(Buffer.from("\ufeffSi", "utf16le").swap16())).toBe(true);
  });
});
