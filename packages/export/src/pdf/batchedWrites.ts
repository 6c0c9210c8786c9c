/** A pdfkit object (a page's content stream) as far as its writing goes. */
interface Reference {
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

/** The parts of pdfkit's document this touches, which its typings do not show. */
interface Writable {
  page: { content: Reference };
  _offset: number;
  _write(data: string | Uint8Array): void;
  push(chunk: Uint8Array | null): boolean;
  on(event: "pageAdded", listener: () => void): unknown;
}

/**
 * Makes pdfkit write in a few large pieces what it writes in many small ones, with the same
 * bytes. pdfkit turns every operator added to a page (177,000 for the 240-provision plan) and
 * every line of every object it writes (68,000) into a Buffer of its own, each followed by a
 * newline; here the strings are kept and joined, and turned into bytes once per page content
 * stream and once between the document's binary streams. The strings are pdfkit's own, in its
 * "binary" encoding (one byte a character), so the byte offsets it keeps for the cross-reference
 * table are the strings' lengths.
 */
const FLUSH_AT = 512;

export function batchWrites(document: unknown): void {
  const doc = document as Writable;
  const batchPage = (content: Reference) => {
    const write = content.write.bind(content);
    const end = content.end.bind(content);
    let parts: string[] = [];
    const flush = () => {
      if (parts.length === 0) return;
      write(Buffer.from(`${parts.join("\n")}\n`, "binary"));
      parts = [];
    };
    content.write = (chunk) => {
      if (typeof chunk === "string") {
        // Turned into bytes now and then, which the garbage collector need not copy about.
        if (parts.push(chunk) >= FLUSH_AT) flush();
      } else {
        flush();
        write(chunk);
      }
    };
    content.end = (chunk) => {
      if (chunk !== undefined) content.write(chunk);
      flush();
      end();
    };
  };
  batchPage(doc.page.content);
  doc.on("pageAdded", () => batchPage(doc.page.content));

  const push = doc.push.bind(doc);
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    push(Buffer.from(`${lines.join("\n")}\n`, "binary"));
    lines = [];
  };
  doc._write = (data) => {
    if (typeof data === "string") {
      if (lines.push(data) >= FLUSH_AT) flush();
      doc._offset += data.length + 1;
    } else {
      flush();
      push(data);
      doc._offset += data.length;
    }
  };
  doc.push = (chunk) => {
    flush();
    return push(chunk);
  };
}
