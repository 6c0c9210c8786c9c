import PDFDocument from "pdfkit";
import { FontChooser } from "../src/pdf/fonts.js";

const fonts = new FontChooser();

/** The name of the font the export prints `sample` in, registered in `doc`. */
export function useFontFor(doc: PDFKit.PDFDocument, sample: string): string {
  const name = fonts.fontFor(sample, "regular");
  if (!name) throw new Error(`no font for ${sample}`);
  doc.registerFont(name, fonts.bytesOf(name));
  doc.font(name);
  return name;
}

/**
 * The bytes of a tagged, two-page pdfkit document with its dates fixed, drawn by `draw`, with
 * `prepare` run first on the new document (where a test puts a faster path in). Two calls with the
 * same `draw` and no `prepare` give the same bytes, so a difference is the faster path's.
 */
export function pdfkitBytes(
  draw: (doc: PDFKit.PDFDocument) => void,
  prepare: (doc: PDFKit.PDFDocument) => void = () => {},
  options: PDFKit.PDFDocumentOptions = {},
): Promise<{ bytes: Buffer; chunks: number }> {
  const doc = new PDFDocument({
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    size: "A4",
    bufferPages: true,
    info: { Title: "A plan", CreationDate: new Date(Date.UTC(2026, 11, 2, 9, 30)) },
    ...options,
  });
  prepare(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<{ bytes: Buffer; chunks: number }>((resolve) =>
    doc.on("end", () => resolve({ bytes: Buffer.concat(chunks), chunks: chunks.length })),
  );
  draw(doc);
  doc.end();
  return done;
}
