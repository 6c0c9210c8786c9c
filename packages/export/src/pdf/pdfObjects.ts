import { deflateSync } from "node:zlib";

/** A pdfkit object (PDFReference), as far as writing it goes. */
interface Reference {
  readonly id: number;
  readonly gen: number;
  readonly document: Document;
  readonly compress: boolean;
  data: unknown;
  buffer: Buffer[] | Buffer;
  offset: number;
  finalize(): void;
  toString(): string;
}

interface Document {
  _offset: number;
  _security?: unknown;
  _write(data: string | Uint8Array): void;
  _refEnd(ref: Reference): void;
  ref(data?: unknown): Reference;
}

const ESCAPABLE = /[\n\r\t\b\f()\\]/g;
const ESCAPES: Record<string, string> = {
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
  "\\": "\\\\",
  "(": "\\(",
  ")": "\\)",
};
const escape = (c: string) => ESCAPES[c] as string;
const pad = (n: number, length: number) => String(n).padStart(length, "0").slice(-length);
const objectToString = Object.prototype.toString;

/**
 * A value as pdfkit's PDFObject.convert writes it without encryption, character for character,
 * without its slow steps for the commonest values: its test of each value against five classes
 * before it reaches a number, and its reading of a String object character by character (slow in
 * V8). Objects of pdfkit's classes that stand for themselves (references, name and number trees,
 * spot colours) are the objects with a `toString` of their own.
 */
export function pdfValue(value: unknown): string {
  if (typeof value === "string") return `/${value}`;
  if (typeof value === "number") {
    if (value > -1e21 && value < 1e21) return String(Math.round(value * 1e6) / 1e6);
    throw new Error(`unsupported number: ${value}`);
  }
  if (value === null || typeof value !== "object") return `${String(value)}`;
  // As pdfkit, by map and join, so that a hole in an array is written as nothing.
  if (Array.isArray(value)) return `[${value.map(pdfValue).join(" ")}]`;
  if (value instanceof String) {
    const text = value.valueOf();
    let unicode = false;
    for (let i = 0; i < text.length; i++)
      if (text.charCodeAt(i) > 0x7f) {
        unicode = true;
        break;
      }
    // As pdfkit: UTF-16 big-endian with a byte-order mark, read back one byte a character.
    const bytes = unicode
      ? Buffer.from(`\ufeff${text}`, "utf16le").swap16().toString("binary")
      : text;
    return `(${bytes.replace(ESCAPABLE, escape)})`;
  }
  if (Buffer.isBuffer(value)) return `<${value.toString("hex")}>`;
  if (value instanceof Date)
    return `(D:${pad(value.getUTCFullYear(), 4)}${pad(value.getUTCMonth() + 1, 2)}${pad(value.getUTCDate(), 2)}${pad(value.getUTCHours(), 2)}${pad(value.getUTCMinutes(), 2)}${pad(value.getUTCSeconds(), 2)}Z)`;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null && value.toString !== objectToString)
    return value.toString();
  if (objectToString.call(value) !== "[object Object]") return `${String(value)}`;
  let out = "<<";
  for (const key in value) out += `\n/${key} ${pdfValue((value as Record<string, unknown>)[key])}`;
  return `${out}\n>>`;
}

/**
 * pdfkit's PDFReference.finalize, writing the object's dictionary with `pdfValue`: the same
 * bytes, for a document without encryption.
 */
function finalize(this: Reference): void {
  const doc = this.document;
  this.offset = doc._offset;
  if (this.buffer.length) {
    let buffer = Buffer.concat(this.buffer as Buffer[]);
    if (this.compress) buffer = deflateSync(buffer);
    this.buffer = buffer;
    (this.data as { Length: number }).Length = buffer.length;
  }
  doc._write(`${this.id} ${this.gen} obj`);
  doc._write(pdfValue(this.data));
  if (this.buffer.length) {
    doc._write("stream");
    doc._write(this.buffer as Buffer);
    this.buffer = [];
    doc._write("\nendstream");
  }
  doc._write("endobj");
  doc._refEnd(this);
}

/**
 * Makes the objects a pdfkit document creates from now on write themselves through `finalize`
 * above. pdfkit writes each of its 17,000 objects for the large plan (structure elements, links,
 * pages) through PDFObject.convert.
 */
export function writeObjectsFaster(document: unknown): void {
  const doc = document as Document;
  if (doc._security) return;
  const ref = doc.ref.bind(doc);
  doc.ref = (data) => {
    const object = ref(data);
    object.finalize = finalize;
    return object;
  };
}
