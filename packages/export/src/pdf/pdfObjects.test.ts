import { describe, expect, it } from "vitest";
import { pdfkitBytes, useFontFor } from "../../test/pdfkitBytes.js";
import { pdfValue, writeObjectsFaster } from "./pdfObjects.js";

/** Structure elements, links, bookmarks, annotations and fonts: the objects an export writes. */
function draw(doc: PDFKit.PDFDocument): void {
  useFontFor(doc, "a");
  const section = doc.struct("Sect");
  doc.addStructure(section);
  const heading = doc.struct("H1", { title: "Section F (provision)", lang: "cy" }, () =>
    doc.text("Section F: Siân's provision", 56, 60),
  );
  section.add(heading);
  section.add(
    doc.struct("Figure", { alt: "The council's crest \\ (logo)" }, () =>
      doc.rect(56, 90, 40, 40).fill(),
    ),
  );
  doc.addNamedDestination("F1");
  doc.goTo(56, 140, 80, 12, "F1");
  doc.link(56, 160, 80, 12, "https://example.org/a(b)");
  doc.note(56, 180, 20, 20, "A note: ŵ ≥ 3");
  doc.outline.addItem("Section F — provision");
  doc.addPage();
  doc.fontSize(10.25).text("0.333333333 and 12.5", 56, 60, { width: 123.4567891 });
  section.end();
}

describe("writeObjectsFaster", () => {
  it("writes every object with the same bytes as pdfkit", async () => {
    const options = {
      compress: false,
      // @types/pdfkit predates PDF/UA, which pdfkit 0.17 supports.
      subset: "PDF/UA" as PDFKit.PDFDocumentOptions["subset"],
    };
    const plain = await pdfkitBytes(draw, undefined, options);
    const fast = await pdfkitBytes(draw, writeObjectsFaster, options);
    expect(fast.bytes.toString("binary")).toBe(plain.bytes.toString("binary"));
  });

  it("the same with streams compressed", async () => {
    const plain = await pdfkitBytes(draw);
    const fast = await pdfkitBytes(draw, writeObjectsFaster);
    expect(fast.bytes.equals(plain.bytes)).toBe(true);
  });

  it("leaves an encrypted document to pdfkit, which must encrypt each string", async () => {
    let ref: unknown;
    await pdfkitBytes(
      (doc) => {
        const object = doc.ref({});
        ref = object;
        object.end("");
      },
      writeObjectsFaster,
      {
        userPassword: "secret",
      } as PDFKit.PDFDocumentOptions,
    );
    expect((ref as { finalize: unknown }).finalize).toBe(Object.getPrototypeOf(ref).finalize);
  });
});

describe("pdfValue", () => {
  it("writes names, numbers, arrays and dictionaries", () => {
    expect(pdfValue("Sect")).toBe("/Sect");
    expect(pdfValue(0.1234567)).toBe("0.123457");
    expect(pdfValue(-2)).toBe("-2");
    expect(pdfValue(true)).toBe("true");
    expect(pdfValue(null)).toBe("null");
    // eslint-disable-next-line no-sparse-arrays
    expect(pdfValue([1, , "A"])).toBe("[1  /A]");
    expect(pdfValue({ Type: "Page", Count: 2, Kids: [] })).toBe(
      "<<\n/Type /Page\n/Count 2\n/Kids []\n>>",
    );
  });

  it("escapes a text string, and writes it in UTF-16 with a byte-order mark outside ASCII", () => {
    expect(pdfValue(new String("a (b) \\ c\n"))).toBe("(a \\(b\\) \\\\ c\\n)");
    const written = pdfValue(new String("Siân"));
    expect(Buffer.from(written.slice(1, -1), "binary").swap16().toString("utf16le")).toBe(
      "\ufeffSiân",
    );
  });

  it("writes dates in UTC and buffers in hex", () => {
    expect(pdfValue(new Date(Date.UTC(2027, 6, 9, 8, 5, 3)))).toBe("(D:20270709080503Z)");
    expect(pdfValue(Buffer.from([0, 255, 16]))).toBe("<00ff10>");
  });

  it("refuses a number PDF cannot hold", () => {
    expect(() => pdfValue(1e21)).toThrow(/unsupported number/);
    expect(() => pdfValue(Number.NaN)).toThrow(/unsupported number/);
  });
});
