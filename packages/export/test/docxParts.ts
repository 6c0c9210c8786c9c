import JSZip from "jszip";
import mammoth from "mammoth";

/** The XML parts of a DOCX file, by path. */
export async function docxParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [path, file] of Object.entries(zip.files)) {
    if (!file.dir && /\.(xml|rels)$/.test(path)) parts.set(path, await file.async("string"));
  }
  return parts;
}

/** The document as a reader sees it, through mammoth: HTML and plain text. */
export async function readDocx(bytes: Uint8Array): Promise<{ html: string; text: string }> {
  const buffer = Buffer.from(bytes);
  const [html, text] = await Promise.all([
    mammoth.convertToHtml({ buffer }),
    mammoth.extractRawText({ buffer }),
  ]);
  return { html: html.value, text: text.value };
}
